"""Embedded workforce writes: one writer per workforce, atomic, and nothing left by a crash
(issue 22 findings 5b and the kill -9 of "Atomic writes"; issue 23 "Erased is gone")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from graph.errors import WorkforceBusy
from graph.workforce.files import WorkforceFiles
from graph.workforce.models import Person, Workforce
from tests.workforce_factory import tiny_workforce


def every_byte(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in directory.rglob("*") if p.is_file())


def test_a_second_writer_waits_then_is_told_busy(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path, wait_s=0.2)
    with store.writing("test"), pytest.raises(WorkforceBusy, match="retry"):
        store.replace(tiny_workforce())
    store.replace(tiny_workforce())  # free again once the first is done
    assert len(store.load("test").people) == 8


def test_concurrent_merges_lose_nobody(tmp_path: Path) -> None:
    """Two threads merging different people at once: every person stored (before: the last
    rename won and the other merge's people were lost)."""
    store = WorkforceFiles(tmp_path, wait_s=30)
    batches = [
        Workforce(dataset="test", people=tuple(Person(id=f"T{t}-{i}") for i in range(200)))
        for t in range(4)
    ]
    threads = [threading.Thread(target=store.merge, args=(b,)) for b in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.load("test").people) == 800


def test_writers_of_other_datasets_do_not_wait_for_each_other(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path, wait_s=0)
    with store.writing("test"):
        store.replace(tiny_workforce("other"))
    assert len(store.load("other").people) == 8


CRASHING_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from graph.workforce.files import WorkforceFiles
    from graph.workforce.models import Person, Workforce

    store = WorkforceFiles(Path(sys.argv[1]))
    with store.writing("test"):
        # half a new workforce written to the temporary file, then the process is killed
        temporary = store.directory / ".test.json.crash.tmp"
        temporary.write_text('{"dataset": "test", "people": [{"id": "P6", "unit": "Beta"')
        print("writing", flush=True)
        time.sleep(60)
    """
)


def test_a_writer_killed_mid_write_leaves_the_last_workforce_and_no_copy(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path, wait_s=5)
    store.replace(tiny_workforce())
    store.erase("test", "P6")
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        with pytest.raises(WorkforceBusy):  # the live writer holds the lock
            WorkforceFiles(tmp_path, wait_s=0).erase("test", "P1")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=10)
    assert b"P6" in every_byte(tmp_path)  # the dead writer's temporary file
    restarted = WorkforceFiles(tmp_path)
    assert restarted.sweep() == ["test"]
    assert b"P6" not in every_byte(tmp_path)
    assert [p.id for p in restarted.load("test").people] == [
        "P1",
        "P2",
        "P3",
        "P4",
        "P5",
        "P7",
        "P8",
    ]  # the last complete workforce, the erasure kept
    assert not list(tmp_path.glob("*.tmp"))


def test_an_older_versions_temporary_file_is_swept(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path)
    store.replace(tiny_workforce())
    (tmp_path / ".workforce-abc123").write_text('[{"id": "P6"}]')
    store.erase("test", "P6")
    store.sweep()
    assert b"P6" not in every_byte(tmp_path)


def test_dropping_a_workforce_removes_the_file(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path)
    store.replace(tiny_workforce())
    assert store.drop("test") is True
    assert b"P1" not in every_byte(tmp_path)
    assert store.drop("test") is False


def test_a_lock_outlives_no_writer(tmp_path: Path) -> None:
    """flock is released when its holder dies: the next writer does not wait for a stale
    lock file."""
    store = WorkforceFiles(tmp_path, wait_s=0)
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    store.replace(tiny_workforce())  # wait_s=0: a lock still held would raise WorkforceBusy
    assert len(store.load("test").people) == 8
