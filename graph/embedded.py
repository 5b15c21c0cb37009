"""The embedded store: releases in memory, read from data directories. No server.

Each dataset is a JSON directory (graph/datafiles.py). A store given a `library`
directory keeps the datasets it is given there, one sub-directory per dataset id,
so what `careergraph dataset import` adds is there at the next start.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, release
from graph.datafiles import read_dataset, write_dataset
from graph.errors import DatasetNotFound
from graph.release import Release


class EmbeddedStore:
    kind = "embedded"

    def __init__(self, releases: Iterable[Release], *, library: Path | None = None) -> None:
        self._releases = {r.dataset.id: r for r in releases}
        self._library = library

    @classmethod
    def from_directories(
        cls,
        directories: Iterable[Path],
        *,
        library: Path | None = None,
        policy: LinkPolicy = DEFAULT_POLICY,
    ) -> EmbeddedStore:
        """Read and validate each data directory, plus every dataset kept in `library`;
        infer the links with `policy`."""
        found = list(directories)
        if library is not None and library.is_dir():
            found += sorted(p for p in library.iterdir() if (p / "dataset.json").is_file())
        return cls((release(read_dataset(d), policy=policy) for d in found), library=library)

    def versions(self) -> dict[str, str]:
        return {id_: r.version for id_, r in self._releases.items()}

    def load(self, dataset: str) -> Release:
        found = self._releases.get(dataset)
        if found is None:
            raise DatasetNotFound(dataset, [])
        return found

    def save(self, release: Release) -> str:
        if self._library is not None:
            write_dataset(release.dataset, self._library / release.dataset.id)
        self._releases[release.dataset.id] = release
        return release.version

    def remove(self, dataset: str) -> bool:
        if self._library is not None:
            shutil.rmtree(self._library / dataset, ignore_errors=True)
        return self._releases.pop(dataset, None) is not None

    def close(self) -> None:
        """Nothing to release."""
