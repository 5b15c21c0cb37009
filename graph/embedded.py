"""The embedded store: releases in memory, read from data directories. No server.

Each dataset is a JSON directory (graph/datafiles.py). A store given a `library`
directory keeps the datasets it is given there, one per dataset id, written crash-safe
and one writer at a time (graph/dataset_library.py), so what `careergraph dataset import`
adds is there at the next start. A dataset of the library that cannot be read is left
out and reported by `invalid()`: the others are served.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, release
from graph.datafiles import dataset_files, read_dataset
from graph.dataset_library import Library
from graph.errors import CareerGraphError, DatasetExists, DatasetNotFound
from graph.models import Dataset
from graph.release import Release

log = logging.getLogger("careergraph.embedded")


class EmbeddedStore:
    kind = "embedded"

    def __init__(
        self,
        releases: Iterable[Release],
        *,
        library: Path | None = None,
        invalid: dict[str, str] | None = None,
    ) -> None:
        self._releases = {r.dataset.id: r for r in releases}
        self._library = Library(library) if library is not None else None
        self._invalid = dict(invalid or {})

    @classmethod
    def from_directories(
        cls,
        directories: Iterable[Path],
        *,
        library: Path | None = None,
        policy: LinkPolicy = DEFAULT_POLICY,
    ) -> EmbeddedStore:
        """Read and validate each data directory, plus every dataset kept in `library`
        (an unreadable one is left out and reported); infer the links with `policy`."""
        releases = [release(read_dataset(d), policy=policy) for d in directories]
        invalid: dict[str, str] = {}
        if library is not None:
            kept, invalid = read_library(Library(library))
            releases += [release(d, policy=policy) for d in kept]
        return cls(releases, library=library, invalid=invalid)

    def versions(self) -> dict[str, str]:
        return {id_: r.version for id_, r in self._releases.items()}

    def invalid(self) -> dict[str, str]:
        """Each library entry left out, with its first problem."""
        return dict(self._invalid)

    def load(self, dataset: str) -> Release:
        found = self._releases.get(dataset)
        if found is None:
            raise DatasetNotFound(dataset, [])
        return found

    def save(self, release: Release, *, replace: bool = True) -> bool:
        dataset = release.dataset.id
        if self._library is not None:
            replaced = self._library.write(dataset, dataset_files(release.dataset), replace=replace)
        else:
            replaced = dataset in self._releases
            if replaced and not replace:
                raise DatasetExists(f"A dataset {dataset!r} is stored already.")
        self._releases[dataset] = release
        self._invalid.pop(dataset, None)
        return replaced

    def remove(self, dataset: str) -> bool:
        removed = self._library.remove(dataset) if self._library is not None else False
        self._invalid.pop(dataset, None)
        return self._releases.pop(dataset, None) is not None or removed

    def close(self) -> None:
        """Nothing to release."""


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
