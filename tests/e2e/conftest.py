"""Browser tests: Debian's Chromium drives the built UI served by the real service.

The session builds nothing: `frontend/dist` must exist (`npm run build` in frontend/).
It starts `careergraph serve` on a free port on the embedded store, with four more
datasets beside the seed (tests/e2e/datasets.py: a small one unlike the seed, one of
3,000 roles, and the real O*NET 30.2 and ESCO v1.2.1 catalogues imported from the
skillinfer wheel's CSVs) in a temporary CAREERGRAPH_DATASETS_DIR and a generated workforce of the
seed behind a workforce-scoped key, waits for /health, and stops it afterwards.
Screenshots go to artifacts/screenshots/, axe-core figures to artifacts/a11y.txt, the
service log to artifacts/e2e-service.log.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.datafiles import write_dataset
from tests.e2e.datasets import large_dataset, real_catalogues, small_dataset

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "frontend" / "dist"
AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
# The HR analytics screens read a generated workforce with this key (never a real one).
WORKFORCE_KEY = "e2e-workforce-secret"
WORKFORCE_PEOPLE, WORKFORCE_SEED = 2000, 7
PHONE = {"width": 375, "height": 812}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# The service infers the links of O*NET and ESCO before /ready: 20 s on an idle 2-core
# machine, minutes while the other test workers and checks share those cores.
READY_TIMEOUT_S = 360


def _wait_for_health(
    base: str, process: subprocess.Popen[bytes], log: Path, timeout: float = READY_TIMEOUT_S
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(errors="replace")[-4000:]
            raise RuntimeError(f"the service exited with {process.returncode}:\n{output}")
        try:
            # /health answers once the default is built; the screens list every dataset,
            # so the browser starts once /ready says none is still loading.
            with urllib.request.urlopen(f"{base}/ready", timeout=2) as response:
                if response.status == 200 and b"still loading" not in response.read():
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the service was not ready at {base}/ready within {timeout:.0f}s")


def _workforce_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a generated workforce of the default dataset."""
    from graph.datafiles import read_dataset
    from graph.workforce.files import WorkforceFiles
    from graph.workforce.generate import generate
    from seed import DATA_DIR

    directory = tmp_path_factory.mktemp("workforce")
    people = generate(read_dataset(DATA_DIR), people=WORKFORCE_PEOPLE, seed=WORKFORCE_SEED)
    WorkforceFiles(directory).replace(people)
    return directory


@pytest.fixture(scope="session")
def datasets_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded store's library: the test datasets, one directory each."""
    library = tmp_path_factory.mktemp("datasets")
    for dataset in (small_dataset(), large_dataset(), *real_catalogues()):
        write_dataset(dataset, library / dataset.id)
    return library


@pytest.fixture(scope="session")
def base_url(datasets_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real service on the embedded store (seed and test datasets, a workforce of the
    seed), serving frontend/dist."""
    if not (DIST / "index.html").is_file():
        pytest.fail(
            f"{DIST}/index.html is missing: build the UI first "
            "(cd frontend && npm ci && npm run build). The e2e tests do not build it.",
            pytrace=False,
        )
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["CAREERGRAPH_DATASETS_DIR"] = str(datasets_dir)
    # This checkout's build, not the careergraph_ui an editable install may point elsewhere.
    env["CAREERGRAPH_FRONTEND_DIST"] = str(DIST)
    # Aggregates and the steward's views (candidates, raises for people): every HR screen.
    env["CAREERGRAPH_API_KEYS"] = f"hr-e2e:workforce+steward:{WORKFORCE_KEY}"
    env["CAREERGRAPH_WORKFORCE_DIR"] = str(_workforce_dir(tmp_path_factory))
    # The service writes to a file: an unread pipe fills up and stalls the server.
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "e2e-service.log"
    # `careergraph serve`, as users run it (its server config, one access log line).
    command = [sys.executable, "-c", "from app.cli.main import main; main()", "serve"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--host", "127.0.0.1"],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="session")
def api(base_url: str) -> Callable[..., Any]:
    """GET (or POST with `body`) a JSON answer of the API, as the page would see it."""

    def call(path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"}
        # The workforce needs its key; so does a bulk export (the 3,000-role graph), and a
        # keyed budget keeps that helper fetch clear of the anonymous 2 s on a busy machine.
        if path.startswith(("/api/v1/workforce", "/api/v1/graph")):
            headers["X-API-Key"] = WORKFORCE_KEY
        request = urllib.request.Request(f"{base_url}{path}", data=data, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            return json.load(error)

    return call


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page(browser: Any, base_url: str, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    # axe-core is injected as an inline script, which the service's CSP forbids;
    # test_csp.py checks the pages under the CSP itself.
    context = browser.new_context(base_url=base_url, viewport=viewport, bypass_csp=True, **options)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh desktop-sized page (own storage, so nothing leaks between tests)."""
    yield from _page(browser, base_url, DESKTOP)


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh phone-sized page with touch."""
    yield from _page(
        browser, base_url, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Any, str], Path]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def axe() -> Iterator[Callable[[Any, str], list[dict[str, Any]]]]:
    """Runs axe-core on a page; returns its violations and records the figures."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run npm ci in frontend/", pytrace=False)
    figures: list[str] = []

    def run(page: Any, view: str) -> list[dict[str, Any]]:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return {
                    passes: r.passes.length,
                    violations: r.violations.map(v => ({
                        id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
                    })),
                };
            }"""
        )
        by_impact: dict[str, int] = {}
        for violation in result["violations"]:
            by_impact[violation["impact"]] = by_impact.get(violation["impact"], 0) + 1
        line = (
            f"axe {view}: {result['passes']} rules passed, {len(result['violations'])} violated "
            f"{by_impact or ''} {[v['id'] for v in result['violations']]}"
        )
        print(line)
        figures.append(line)
        return list(result["violations"])

    yield run
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "a11y.txt").write_text("\n".join(figures) + "\n")
