"""The embedded store's library directory: one dataset per id, written crash-safe, one writer
at a time.

Layout, under the library directory:

    <id>                    a symbolic link to .versions/<id>.<token>, the version served
    .versions/<id>.<token>  one complete version of a dataset (graph/datafiles.py's files)
    .locks/<id>.lock        the dataset's write lock (fcntl.flock: across processes, and
                            released by the kernel when its holder dies, even by kill -9)

A write builds a new version directory beside the old one, syncs it to disk, then switches
the link with one rename (os.replace of a new link onto the old): a reader, or a restart
after a crash at any point, sees either the whole old version or the whole new one, never
new dataset.json beside old roles. Only then is the write acknowledged and the old version
deleted. `recover` removes what an interrupted write left (versions no link points to).
Files computed from a version (its career links, graph/stored_links.py) are written in the
version directory before the switch; when they must be computed again (a new link policy),
`rewrite` replaces them inside the version served, each by one rename, so a crash leaves
the old file or the new one (and a temporary file that the next rewrite deletes).
A plain directory <id> (a library from before links, or made by hand) is read as it is;
its first replace moves it to .versions/<id>.kept-<token> and links the new version, and a
crash between the two is undone by `recover`, which links the kept one back.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.datafiles import META_FILE, is_dataset_id
from graph.errors import DatasetBusy, DatasetExists

VERSIONS = ".versions"
LOCKS = ".locks"
TEMPORARY = ".rewriting-"  # a file of `rewrite` not yet renamed into place
KEPT = ".kept-"  # a plain directory moved aside by its first replace
WAIT_S = 30.0  # a writer waits this long for another writer of the same dataset
POLL_S = 0.05


class Library:
    def __init__(self, root: Path, *, wait_s: float = WAIT_S) -> None:
        self.root = root
        self._wait_s = wait_s

    def entries(self) -> tuple[dict[str, Path], dict[str, str]]:
        """The datasets' directories by id, and each entry that cannot be one with why.

        Only entries holding a dataset.json count (and names starting with '.' never): the
        name must be a whole dataset id (a name ending in a newline is refused, not served).
        """
        found: dict[str, Path] = {}
        refused: dict[str, str] = {}
        if not self.root.is_dir():
            return found, refused
        for entry in sorted(self.root.iterdir()):
            if entry.name.startswith(".") or not (entry / META_FILE).is_file():
                continue
            if is_dataset_id(entry.name):
                found[entry.name] = entry
            else:
                refused[entry.name] = f"library entry {entry.name!r}: not a dataset id"
        return found, refused

    def stamp(self) -> dict[str, str]:
        """What each entry is now, told without reading any data: a link's version directory
        (every write makes a new one), a plain directory's dataset.json identity. Any
        process's write or removal changes it, so a service compares stamps to see imports
        (one directory scan and a readlink per dataset, not a read of the datasets)."""
        found: dict[str, str] = {}
        if not self.root.is_dir():
            return found
        with os.scandir(self.root) as scan:
            for entry in scan:
                if entry.name.startswith("."):
                    continue
                if entry.is_symlink():
                    found[entry.name] = os.readlink(entry.path)
                    continue
                try:
                    meta = os.stat(os.path.join(entry.path, META_FILE))
                except OSError:
                    continue  # not a dataset (entries() skips it too)
                found[entry.name] = f"{meta.st_ino}:{meta.st_mtime_ns}:{meta.st_size}"
        return found

    def holds(self, dataset: str) -> bool:
        return is_dataset_id(dataset) and (self.root / dataset / META_FILE).is_file()

    def write(self, dataset: str, files: dict[str, str], *, replace: bool) -> bool:
        """Switch in a new version of `dataset` made of `files`; True when one was replaced.

        Under the dataset's lock, so of two first imports of one id the second sees the
        first: it replaces it (`replace`) or raises DatasetExists, never loses it silently.
        """
        with self.lock(dataset):
            existed = self.holds(dataset)
            if existed and not replace:
                raise DatasetExists(
                    f"A dataset {dataset!r} is stored already: replace it, or import it "
                    "under another id."
                )
            version = self._write_version(dataset, files)
            link = self.root / f".link-{dataset}.{uuid.uuid4().hex}"
            link.symlink_to(Path(VERSIONS) / version.name)
            current = self.root / dataset
            previous = _link_target(current)
            if current.is_dir() and previous is None:  # a plain directory: moved aside first
                previous = self._versions() / f"{dataset}{KEPT}{uuid.uuid4().hex}"
                current.rename(previous)
                _sync_directory(self._versions())
            os.replace(link, current)  # the switch: one rename
            _sync_directory(self.root)
            if previous is not None:
                shutil.rmtree(previous, ignore_errors=True)
            return existed

    def served(self, dataset: str) -> Path | None:
        """The directory of the version served now (resolved: a switch after this call does
        not mix two versions in one read), or None when the dataset is not held."""
        if not self.holds(dataset):
            return None
        current = self.root / dataset
        return _link_target(current) or current

    def rewrite(self, dataset: str, directory: Path, files: dict[str, str]) -> bool:
        """Replace `files` inside `directory`, the version of `dataset` that was read; False
        (nothing written) when another writer holds the dataset or switched it since: what
        it writes carries its own files."""
        with self.lock(dataset, wait=False) as held:
            if not held or self.served(dataset) != directory:
                return False
            for leftover in directory.glob(f"{TEMPORARY}*"):  # from a rewrite killed mid-way
                leftover.unlink(missing_ok=True)
            for name, text in files.items():
                temporary = directory / f"{TEMPORARY}{uuid.uuid4().hex}"
                _write_synced(temporary, text)
                os.replace(temporary, directory / name)
            _sync_directory(directory)
            return True

    def remove(self, dataset: str) -> bool:
        """Stop holding `dataset` (unlink first, so a crash leaves it gone or whole)."""
        if not is_dataset_id(dataset):
            return False
        with self.lock(dataset):
            current = self.root / dataset
            if not self.holds(dataset):
                return False
            target = _link_target(current)
            if target is None:  # a plain directory: move it aside, then delete it
                target = self._versions() / f"{dataset}.removed-{uuid.uuid4().hex}"
                current.rename(target)
            else:
                current.unlink()
            _sync_directory(self.root)
            shutil.rmtree(target, ignore_errors=True)
            return True

    def recover(self) -> None:
        """Undo what interrupted writes left: a kept plain directory is linked back when its
        replace never switched; every version no link points to is deleted. Datasets being
        written right now (locked) are left alone."""
        if not self._versions().is_dir():
            return
        linked = {
            target.name
            for entry in self.root.iterdir()
            if (target := _link_target(entry)) is not None
        }
        for entry in self.root.glob(".link-*"):  # links made but never switched in
            entry.unlink(missing_ok=True)
        for version in sorted(self._versions().iterdir()):
            if version.name in linked:
                continue
            dataset = version.name.split(".", 1)[0]
            with self.lock(dataset, wait=False) as held:
                if not held:
                    continue
                current = self.root / dataset
                target = _link_target(current)
                if target is not None and target.name == version.name:
                    continue  # switched in since the links were listed
                if KEPT in version.name and not current.exists() and not current.is_symlink():
                    version.rename(current)  # the last acknowledged version, back in place
                else:
                    shutil.rmtree(version, ignore_errors=True)

    @contextmanager
    def lock(self, dataset: str, *, wait: bool = True) -> Iterator[bool]:
        """Hold the dataset's write lock; DatasetBusy after `wait_s` (or, `wait=False`, at
        once yield False)."""
        locks = self.root / LOCKS
        locks.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(locks / f"{dataset}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            held = self._acquire(descriptor, dataset, wait=wait)
            yield held
        finally:
            os.close(descriptor)  # closing releases the lock

    def _acquire(self, descriptor: int, dataset: str, *, wait: bool) -> bool:
        deadline = time.monotonic() + self._wait_s
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            if not wait:
                return False
            if time.monotonic() > deadline:
                raise DatasetBusy(
                    f"Dataset {dataset!r} is being written by another import for more than "
                    f"{self._wait_s:g} s; try again when it is done."
                )
            time.sleep(POLL_S)

    def _versions(self) -> Path:
        return self.root / VERSIONS

    def _write_version(self, dataset: str, files: dict[str, str]) -> Path:
        """A complete, synced version directory (.versions/<id>.<token>)."""
        version = self._versions() / f"{dataset}.{uuid.uuid4().hex}"
        version.mkdir(parents=True)
        for name, text in files.items():
            _write_synced(version / name, text)
        _sync_directory(version)
        _sync_directory(self._versions())
        return version


def _link_target(entry: Path) -> Path | None:
    """The version directory `entry` links to, or None for anything but a link."""
    if not entry.is_symlink():
        return None
    return entry.parent / os.readlink(entry)


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


def _sync_directory(directory: Path) -> None:
    """Make the directory's entries (new files, renames) durable."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
