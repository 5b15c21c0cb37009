"""The embedded store's workforce: one JSON file per dataset, owner-only, written atomically.

`<directory>/<dataset>.json` holds the Workforce model as JSON. A write goes to a
temporary file `.<dataset>.json.<random>.tmp` in the same directory, then replaces the
old file in one rename, so a reader sees the old workforce or the new one, and an erased
person is gone from the file at once.

One writer per workforce: every write (import, merge, erase, drop) holds an exclusive
lock on `.<dataset>.lock` (flock: released by the kernel when a writer dies, so a
`kill -9` never leaves the workforce locked). A second writer waits up to `wait_s`, then
gets WorkforceBusy (409). Whoever holds the lock knows every temporary file of that
dataset belongs to a dead writer and deletes it: a crash mid-write leaves no copy of
anyone behind once the next writer, or the next start (`sweep`), comes by.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.workforce.models import Person, PersonRow, Workforce, person_rows
from graph.workforce.store import EMPTY, bulk, sweep_each, take_turn

DIR_MODE = 0o700
# How long a second writer waits for the first before it is told to retry (409).
WAIT_S = 5.0
# What the store's versions before this one left on a crash (any dataset's).
_LEGACY_TEMPORARY = ".workforce-*"


class WorkforceFiles:
    kind = "embedded"

    def __init__(self, directory: Path, *, wait_s: float = WAIT_S) -> None:
        self.directory = directory
        self.wait_s = wait_s

    def path(self, dataset: str) -> Path:
        return self.directory / f"{dataset}.json"

    def version(self, dataset: str) -> str:
        try:
            stat = self.path(dataset).stat()
        except FileNotFoundError:
            return EMPTY
        return f"{stat.st_mtime_ns:x}-{stat.st_ino:x}-{stat.st_size:x}"

    def load(self, dataset: str) -> Workforce:
        try:
            text = self.path(dataset).read_bytes()
        except FileNotFoundError:
            return Workforce(dataset=dataset)
        with bulk():
            return Workforce.model_validate_json(text)

    def rows(self, dataset: str) -> list[PersonRow]:
        return person_rows(self.load(dataset).people)

    def replace(self, workforce: Workforce) -> str:
        with self.writing(workforce.dataset):
            self._write(workforce)
        return self.version(workforce.dataset)

    def merge(self, workforce: Workforce) -> str:
        with self.writing(workforce.dataset):
            self._write(self.load(workforce.dataset).merged(workforce))
        return self.version(workforce.dataset)

    def person(self, dataset: str, person: str) -> Person | None:
        return self.load(dataset).person(person)

    def erase(self, dataset: str, person: str) -> bool:
        with self.writing(dataset):
            stored = self.load(dataset)
            if stored.person(person) is None:
                return False
            self._write(stored.without(person))
        return True

    def drop(self, dataset: str) -> bool:
        """Delete `dataset`'s whole workforce (its dataset is removed); False if there was none."""
        with self.writing(dataset):
            try:
                self.path(dataset).unlink()
            except FileNotFoundError:
                return False
        return True

    def sweep(self) -> list[str]:
        """Delete what crashed writers left (temporary files); the datasets cleaned.

        A dataset whose lock is held now is skipped: its writer is alive and will clean up.
        """
        for legacy in self.directory.glob(_LEGACY_TEMPORARY):
            legacy.unlink(missing_ok=True)
        return sweep_each(self.writing, [_dataset_of(p) for p in self._temporaries("*")])

    def settle(self, timeout_s: float | None = None) -> bool:
        """Nothing to wait for: every write is whole when it returns."""
        return True

    @contextmanager
    def writing(self, dataset: str, *, wait_s: float | None = None) -> Iterator[None]:
        """Hold `dataset`'s writer lock (WorkforceBusy after `wait_s`); leftovers deleted."""
        self.directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        lock = os.open(self.directory / f".{dataset}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(lock, dataset, self.wait_s if wait_s is None else wait_s)
            for leftover in [*self._temporaries(dataset), *self.directory.glob(_LEGACY_TEMPORARY)]:
                leftover.unlink(missing_ok=True)
            yield
        finally:
            os.close(lock)  # releases the lock

    def _temporaries(self, dataset: str) -> list[Path]:
        return list(self.directory.glob(f".{dataset}.json.*.tmp"))

    def _write(self, workforce: Workforce) -> None:
        """Write to a temporary file, then rename it over the workforce (lock held)."""
        name = f".{workforce.dataset}.json."
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:  # mkstemp creates it owner-only (0600)
                out.write(workforce.model_dump_json().encode())
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path(workforce.dataset))
            _sync_directory(self.directory)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _lock(handle: int, dataset: str, wait_s: float) -> None:
    def try_once() -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    take_turn(try_once, dataset, wait_s)


def _dataset_of(temporary: Path) -> str:
    return temporary.name[1:].split(".json.", 1)[0]


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable: an acknowledged write survives a power cut."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
