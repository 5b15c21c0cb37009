"""The embedded store: releases in memory, read from data directories. No server.

Each dataset is a JSON directory (graph/datafiles.py). A store given a `library`
directory keeps the datasets it is given there, one per dataset id, written crash-safe
and one writer at a time (graph/dataset_library.py), so what `careergraph dataset import`
adds is there at the next start. A dataset of the library that cannot be read is left
out and reported by `invalid()`: the others are served. The library is followed while
the store is open: `versions()` compares the library's stamp (one directory scan, no data
read; graph/dataset_library.py) with the last one and forgets what another process added,
replaced or removed since, so a running service sees a CLI import at its next check.

Opening the store reads no dataset: each is read on its first `load`, so a process pays
only for the datasets it asks about (a CLI command for one). A library dataset keeps its
career links beside its files (graph/stored_links.py), so reading it infers nothing; links
missing, or computed by another link policy, are inferred once, logged, and written back
for the next process. The seed directory (read-only once installed) is inferred on its
first load: 33 roles take milliseconds (docs/benchmarks.md, "Opening datasets").
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable
from pathlib import Path

from graph.algorithms.link_policy import DEFAULT_POLICY, LinkPolicy
from graph.datafiles import META_FILE, dataset_files, read_dataset
from graph.dataset_library import Library
from graph.errors import CareerGraphError, DatasetError, DatasetExists, DatasetNotFound
from graph.models import Dataset
from graph.release import Release, release_version
from graph.stored_links import links_file, stale_reason, stored_links, stored_version

log = logging.getLogger("careergraph.embedded")


class EmbeddedStore:
    kind = "embedded"

    def __init__(
        self,
        releases: Iterable[Release],
        *,
        library: Path | None = None,
        invalid: dict[str, str] | None = None,
        unread: dict[str, Path] | None = None,
        policy: LinkPolicy = DEFAULT_POLICY,
    ) -> None:
        """`releases` served as they are; `unread` datasets (id -> directory) read on first
        use, the library's with the links stored beside them."""
        self._releases = {r.dataset.id: r for r in releases}
        self._library = Library(library) if library is not None else None
        self._invalid = dict(invalid or {})
        self._unread = {d: p for d, p in (unread or {}).items() if d not in self._releases}
        # What a dataset falls back to when the library stops holding it (a seed directory).
        self._directories = {d: p for d, p in self._unread.items() if p.parent != library}
        self._policy = policy
        self._read_data: dict[str, tuple[Path, Dataset]] = {}  # read by versions(), not linked
        self._reading = threading.Lock()  # one reader at a time: a dataset is read once
        self._stamp: dict[str, str] = {}  # the library's stamp when last followed
        # Library versions told by stored links' headers, kept until the entry's stamp changes.
        self._headers: dict[str, str] = {}
        self._follow_library()

    @classmethod
    def from_directories(
        cls,
        directories: Iterable[Path],
        *,
        library: Path | None = None,
        policy: LinkPolicy = DEFAULT_POLICY,
    ) -> EmbeddedStore:
        """A store of each data directory, plus every dataset kept in `library` (which wins
        over a directory of the same id); none is read until it is loaded."""
        unread = {_dataset_id(d): d for d in directories}
        if library is not None:
            Library(library).recover()
        return cls([], library=library, unread=unread, policy=policy)

    def versions(self) -> dict[str, str]:
        """Each dataset's release version: a library dataset's from its stored links' header
        (no data read); another's data is read to know it, and linked on its `load`."""
        with self._reading:
            self._follow_library()
            found = {id_: r.version for id_, r in self._releases.items()}
            for dataset in sorted(self._unread):
                known = self._headers.get(dataset) or self._stored_version(dataset)
                if known is not None:
                    self._headers[dataset] = known
                else:
                    try:
                        data = self._data(dataset)
                    except DatasetError:
                        if dataset in self._invalid:
                            continue  # a library entry left out: invalid() says why
                        raise
                    known = release_version(data[1].version, self._policy.fingerprint)
                found[dataset] = known
        return found

    def invalid(self) -> dict[str, str]:
        """Each library entry left out, with its first problem."""
        return dict(self._invalid)

    def load(self, dataset: str) -> Release:
        found = self._releases.get(dataset)
        if found is not None:
            return found
        with self._reading:
            found = self._releases.get(dataset)
            if found is None and dataset in self._unread:
                found = self._read(dataset)
        if found is None:
            if dataset in self._invalid:
                raise DatasetError(f"dataset {dataset!r} is left out: {self._invalid[dataset]}")
            raise DatasetNotFound(dataset, [])
        return found

    def save(self, release: Release, *, replace: bool = True) -> bool:
        dataset = release.dataset.id
        if self._library is not None:
            files = {**dataset_files(release.dataset), **links_file(release)}
            replaced = self._library.write(dataset, files, replace=replace)
        else:
            replaced = dataset in self._releases or dataset in self._unread
            if replaced and not replace:
                raise DatasetExists(f"A dataset {dataset!r} is stored already.")
        self._releases[dataset] = release
        self._unread.pop(dataset, None)
        self._read_data.pop(dataset, None)
        self._invalid.pop(dataset, None)
        return replaced

    def remove(self, dataset: str) -> bool:
        removed = self._library.remove(dataset) if self._library is not None else False
        self._invalid.pop(dataset, None)
        unread = self._unread.pop(dataset, None) is not None
        self._read_data.pop(dataset, None)
        return self._releases.pop(dataset, None) is not None or unread or removed

    def close(self) -> None:
        """Nothing to release."""

    def _follow_library(self) -> None:
        """Forget each library entry changed since the last stamp (written, replaced or
        removed by any process): it is read again on its next use. The caller holds
        `_reading` (or is the constructor)."""
        if self._library is None:
            return
        stamp = self._library.stamp()
        changed = {
            n for n in stamp.keys() | self._stamp.keys() if stamp.get(n) != self._stamp.get(n)
        }
        if not changed:
            return
        entries, refused = self._library.entries()
        for dataset in sorted(changed):
            for kept in (
                self._releases,
                self._unread,
                self._read_data,
                self._invalid,
                self._headers,
            ):
                kept.pop(dataset, None)
            if dataset in entries:
                self._unread[dataset] = entries[dataset]
            elif dataset in refused:
                self._invalid[dataset] = refused[dataset]
                log.warning("library dataset %s left out: %s", dataset, refused[dataset])
            elif dataset in self._directories:
                self._unread[dataset] = self._directories[dataset]
        self._stamp = stamp

    def _stored_version(self, dataset: str) -> str | None:
        if self._library is None or not self._in_library(dataset):
            return None
        directory = self._library.served(dataset)
        return None if directory is None else stored_version(directory, self._policy.fingerprint)

    def _data(self, dataset: str) -> tuple[Path, Dataset]:
        """An unread dataset's data and the directory it was read from (read once; the
        caller holds `_reading`). A library entry that fails is left out."""
        if dataset in self._read_data:
            return self._read_data[dataset]
        entry = self._unread[dataset]
        in_library = self._in_library(dataset)
        directory = self._library.served(dataset) if self._library and in_library else entry
        try:
            if directory is None:
                raise DatasetError(f"library entry {dataset!r} was removed")
            read = read_dataset(directory)
            if read.id != dataset and in_library:
                raise DatasetError(f"{entry}/dataset.json: id {read.id!r} is not the folder's name")
        except CareerGraphError as error:
            if not in_library:
                raise  # a data directory the store was opened with must read
            del self._unread[dataset]
            self._invalid[dataset] = error.detail
            log.warning("library dataset %s left out: %s", dataset, error.detail)
            raise DatasetError(f"dataset {dataset!r} is left out: {error.detail}") from error
        assert directory is not None
        self._read_data[dataset] = directory, read
        return directory, read

    def _in_library(self, dataset: str) -> bool:
        return self._library is not None and self._unread[dataset].parent == self._library.root

    def _read(self, dataset: str) -> Release:
        """Read one unread dataset and link it: its stored links when they fit, else
        inferred (and, in the library, stored for the next process)."""
        directory, read = self._data(dataset)
        in_library = self._in_library(dataset)
        fingerprint = self._policy.fingerprint
        links = stored_links(directory, read, fingerprint) if in_library else None
        if links is not None:
            linked = Release(read, links, fingerprint)
        else:
            linked = release(read, policy=self._policy)
            if in_library and self._library is not None:
                log.info(
                    "dataset %s: links inferred again (%s); storing them",
                    dataset,
                    stale_reason(directory, read, fingerprint),
                )
                self._library.rewrite(dataset, directory, links_file(linked))
        del self._unread[dataset]
        self._read_data.pop(dataset, None)
        self._releases[dataset] = linked
        return linked


def release(dataset: Dataset, *, policy: LinkPolicy) -> Release:
    """The dataset with its links inferred (graph.algorithms.links), imported on first use:
    inferring needs numpy and scipy, reading stored links does not (issue 24)."""
    from graph.algorithms.links import release as inferred

    return inferred(dataset, policy=policy)


def _dataset_id(directory: Path) -> str:
    """A data directory's dataset id, from dataset.json alone (the rest is read on use);
    a directory whose id cannot be told this way is read whole, for its clear error."""
    try:
        found = json.loads((directory / META_FILE).read_text(encoding="utf-8")).get("id")
    except (OSError, ValueError, AttributeError):
        found = None
    return found if isinstance(found, str) else read_dataset(directory).id


def read_library(library: Library) -> tuple[list[Dataset], dict[str, str]]:
    """The library's datasets that read and validate, and each other entry with its problem."""
    library.recover()
    directories, invalid = library.entries()
    found = []
    for dataset, directory in directories.items():
        try:
            read = read_dataset(directory)
        except CareerGraphError as error:
            invalid[dataset] = error.detail
            continue
        if read.id != dataset:
            invalid[dataset] = f"{directory}/dataset.json: id {read.id!r} is not the folder's name"
            continue
        found.append(read)
    for dataset, problem in invalid.items():
        log.warning("library dataset %s left out: %s", dataset, problem)
    return found, invalid
