"""A wheel install works on its own: built from the checkout, installed in a fresh venv,
run from a directory that is not the checkout (so nothing is found by accident). And
`pip install .` works on a clean clone, where no UI is built (no Node needed)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ directory of a fresh venv holding only the wheel and its dependencies."""
    if not (ROOT / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("the UI is not built (make ui): the wheel would ship without it")
    work = tmp_path_factory.mktemp("wheel")
    # setuptools builds in build/ of the checkout and never deletes from it: a file
    # removed from the source would still ship. Start clean.
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = work.glob("careergraph-*.whl")
    bin_dir = fresh_venv(work)
    install = pip(bin_dir, "install", "-q", "--no-compile", str(wheel))
    assert install.returncode == 0, install.stderr
    return bin_dir


def fresh_venv(work: Path) -> Path:
    """A venv without pip of its own (pip_into installs into it from outside): ensurepip
    costs seconds of CPU per venv, and the installed package needs no pip."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], check=True)
    return work / "venv" / "bin"


def pip(bin_dir: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """This interpreter's pip, working on the venv of `bin_dir` (pip's --python). Installs
    use --no-compile, as `make` does: Python compiles what the tests import."""
    command = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def site_packages(bin_dir: Path) -> Path:
    (found,) = bin_dir.parent.glob("lib/python*/site-packages")
    return found


def dependencies_of(installed: Path, into: Path) -> None:
    """Give the venv of `into` the dependencies the wheel's venv resolved, and nothing of
    careergraph (the top-level packages and dist-info its RECORD lists): hard links, so
    no second install of numpy, scipy and the rest (half a minute of CPU on CI)."""
    source = site_packages(installed)
    (record,) = source.glob("careergraph-*.dist-info/RECORD")
    paths = (line.split(",")[0] for line in record.read_text().splitlines() if line)
    ours = {Path(path).parts[0] for path in paths if not path.startswith("..")}

    def ignored(directory: str, names: list[str]) -> set[str]:
        return ours.intersection(names) if Path(directory) == source else set()

    target = site_packages(into)
    shutil.rmtree(target)
    shutil.copytree(source, target, copy_function=os.link, ignore=ignored)


@pytest.fixture(scope="module")
def installed_from_a_clean_clone(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ directory of a fresh venv where `pip install .` ran in a copy of the
    checkout's files as a clone has them: git's files, nothing git ignores (no UI build).
    The venv holds the dependencies already (dependencies_of): the build and install of
    the clone are what this checks; the wheel's venv checks that its dependencies resolve."""
    work = tmp_path_factory.mktemp("clone")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    clone = work / "careergraph"
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (ROOT / name).is_file():  # a file deleted but not yet committed is left out
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    assert not (clone / "frontend" / "dist").exists()
    bin_dir = fresh_venv(work)
    dependencies_of(installed, bin_dir)
    assert not (site_packages(bin_dir) / "graph").exists()
    install = pip(bin_dir, "install", "-q", "--no-compile", ".", cwd=clone)
    assert install.returncode == 0, install.stderr
    return bin_dir


def test_a_clean_clone_installs_and_answers_without_the_ui(
    installed_from_a_clean_clone: Path,
) -> None:
    done = run(installed_from_a_clean_clone, "gap", "3.2", "3.4", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["level_steps"] == 5
    probe = "from graph.resources import package_dir; print(package_dir('careergraph_ui'))"
    ui = subprocess.run(
        [str(installed_from_a_clean_clone / "python"), "-c", probe],
        cwd=installed_from_a_clean_clone.parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ui.stdout.strip() == "None"  # the service then says how to build it


def test_a_preset_says_which_extra_it_needs(installed_from_a_clean_clone: Path) -> None:
    done = run(installed_from_a_clean_clone, "dataset", "import", "--preset", "onet")
    assert done.returncode == 1
    assert "pip install 'careergraph[presets]'" in done.stderr


def run(bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    return subprocess.run(
        [str(bin_dir / "careergraph"), *args],
        cwd=bin_dir.parent.parent,  # outside the checkout
        env={**env, "PYTHONPATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_installed_package_is_not_the_checkout(installed: Path) -> None:
    done = subprocess.run(
        [str(installed / "python"), "-c", "import graph; print(graph.__file__)"],
        cwd=installed.parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in done.stdout and str(ROOT) not in done.stdout


def test_the_cli_answers_a_gap(installed: Path) -> None:
    done = run(installed, "gap", "3.2", "3.4", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["to"]["title"] == "Applications Architect"
    assert answer["summary"]["level_steps"] == 5


def test_the_cypher_library_ships(installed: Path) -> None:
    done = run(installed, "cypher", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert "gap" in {query["name"] for query in json.loads(done.stdout)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def served(installed: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    process = subprocess.Popen(
        [str(installed / "careergraph"), "serve", "--port", str(port)],
        cwd=installed.parent.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/health", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the installed service did not start")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_installed_service_answers_with_api_and_ui(served: str) -> None:
    assert httpx.get(f"{served}/health").json() == {"status": "ok"}
    meta = httpx.get(f"{served}/api/v1/meta").json()
    assert meta["counts"]["roles"] == 33
    page = httpx.get(f"{served}/gap?from=3.2&to=3.4")
    assert page.status_code == 200 and '<div id="root">' in page.text
    assert "/assets/" in page.text  # the built UI, not the "not built" page
