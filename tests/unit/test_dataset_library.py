"""The embedded store's library (graph/dataset_library.py): whole versions switched in with
one rename, one writer per dataset across processes, bad entries left out, not fatal.

The kill -9 test is the fast twin of tools/chaos/library.py: a real importer process is
killed at random points of its writes, and the library must then hold a whole version.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from graph.algorithms.links import DEFAULT_POLICY
from graph.datafiles import dataset_files, read_dataset
from graph.dataset_library import KEPT, LOCKS, VERSIONS, Library
from graph.embedded import EmbeddedStore
from graph.errors import DatasetBusy, DatasetExists
from graph.stored_links import stored_links
from seed import DATA_DIR

SEED = read_dataset(DATA_DIR)


def files_of(name: str) -> dict[str, str]:
    """The seed's files under another id and name: a second, different version."""
    return dataset_files(SEED.model_copy(update={"id": "copy", "name": name}))


def test_a_write_is_a_link_to_a_whole_version_and_a_replace_leaves_no_trace(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    assert library.write("copy", files_of("one"), replace=False) is False
    assert (tmp_path / "copy").is_symlink()
    assert read_dataset(tmp_path / "copy").name == "one"
    assert library.write("copy", files_of("two"), replace=True) is True
    assert read_dataset(tmp_path / "copy").name == "two"
    assert len(list((tmp_path / VERSIONS).iterdir())) == 1  # the old version is gone
    with pytest.raises(DatasetExists):
        library.write("copy", files_of("three"), replace=False)
    assert library.remove("copy") is True
    assert not (tmp_path / "copy").exists() and not list((tmp_path / VERSIONS).iterdir())


def test_a_plain_directory_is_replaced_and_an_interrupted_replace_of_it_undone(
    tmp_path: Path,
) -> None:
    (tmp_path / "copy").mkdir()
    for name, text in files_of("plain").items():
        (tmp_path / "copy" / name).write_text(text)
    library = Library(tmp_path)
    # Killed between moving the plain directory aside and switching the link in:
    (tmp_path / VERSIONS).mkdir()
    (tmp_path / "copy").rename(tmp_path / VERSIONS / f"copy{KEPT}dead")
    (tmp_path / VERSIONS / "copy.unfinished").mkdir()  # the new version, never switched in
    library.recover()
    assert read_dataset(tmp_path / "copy").name == "plain"  # the last acknowledged one
    assert not list((tmp_path / VERSIONS).iterdir())
    assert library.write("copy", files_of("linked"), replace=True) is True
    assert read_dataset(tmp_path / "copy").name == "linked"


def test_two_first_writes_at_once_one_creates_the_other_is_refused(tmp_path: Path) -> None:
    library = Library(tmp_path)
    outcomes: list[str] = []

    def write() -> None:
        try:
            outcomes.append(f"replaced={library.write('copy', files_of('x'), replace=False)}")
        except DatasetExists:
            outcomes.append("exists")

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["exists", "exists", "exists", "replaced=False"]


def test_a_writer_in_another_process_holds_the_dataset(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"(os.makedirs({str(tmp_path / LOCKS)!r}, exist_ok=True))\n"
            f"fd = os.open({str(tmp_path / LOCKS / 'copy.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatasetBusy, match="being written by another import"):
            Library(tmp_path, wait_s=0.3).write("copy", files_of("x"), replace=True)
        holder.kill()  # kill -9: the kernel releases its lock
        holder.wait()
        assert Library(tmp_path, wait_s=5).write("copy", files_of("x"), replace=True) is False
    finally:
        holder.kill()
        holder.wait()


def test_bad_library_entries_are_left_out_and_reported(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.write("copy", files_of("good"), replace=False)
    shutil.copytree(DATA_DIR, tmp_path / "cigref-2011\n")  # a name that is not an id
    shutil.copytree(DATA_DIR, tmp_path / "broken")
    (tmp_path / "broken" / "areas.json").write_text("[{")
    shutil.copytree(DATA_DIR, tmp_path / "other-name")  # holds cigref-2011
    store = EmbeddedStore.from_directories([], library=tmp_path)
    assert sorted(store.versions()) == ["copy"]
    left_out = store.invalid()
    assert sorted(left_out) == ["broken", "cigref-2011\n", "other-name"]
    assert left_out["broken"].startswith("areas.json:1:3: invalid JSON")
    assert "not a dataset id" in left_out["cigref-2011\n"]
    assert "is not the folder's name" in left_out["other-name"]


IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from graph.algorithms.links import release
    from graph.datafiles import dataset_files, read_dataset
    from graph.dataset_library import Library
    from graph.stored_links import links_file
    from seed import DATA_DIR

    seed = read_dataset(DATA_DIR)
    linked = release(seed.model_copy(update={"id": "copy"}))
    library = Library(Path(sys.argv[1]))
    for n in range(10_000):
        named = seed.model_copy(update={"id": "copy", "name": f"v{n}"})
        links = links_file(type(linked)(named, linked.links, linked.link_policy))
        files = {**dataset_files(named), **links}  # as the embedded store writes a version
        library.write("copy", files, replace=True)
        print(n, flush=True)  # acknowledged
    """
)


def test_an_importer_killed_mid_write_leaves_the_last_acknowledged_version(
    tmp_path: Path,
) -> None:
    """kill -9 at random points of a replace loop; the library always reads back whole, at
    the last acknowledged version or the one being written, and recovers clean."""
    chance = random.Random(22)
    library = Library(tmp_path)
    library.write("copy", files_of("v-start"), replace=False)
    for _ in range(5):
        importer = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(tmp_path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
        )
        assert importer.stdout is not None
        acknowledged = importer.stdout.readline().split()  # one write done: the loop runs
        time.sleep(chance.uniform(0.0, 0.3))
        os.kill(importer.pid, signal.SIGKILL)
        out, _ = importer.communicate()
        last = int(([*acknowledged, *out.split()])[-1])
        store = EmbeddedStore.from_directories([], library=tmp_path)  # recovers first
        assert store.invalid() == {}
        served = store.load("copy").dataset.name
        assert served in (f"v{last}", f"v{last + 1}"), (served, last)
        version = Library(tmp_path).served("copy")
        assert version is not None  # and its links file belongs to the data beside it
        assert stored_links(version, store.load("copy").dataset, DEFAULT_POLICY.fingerprint)
        assert len(list((tmp_path / VERSIONS).iterdir())) == 1  # nothing half-written left
        assert json.loads((tmp_path / "copy" / "dataset.json").read_text())["name"] == served
