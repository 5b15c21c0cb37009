"""The embedded store: a release in memory, read from a data directory. No server."""

from __future__ import annotations

from pathlib import Path

from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, release
from graph.datafiles import read_dataset
from graph.release import Release


class EmbeddedStore:
    kind = "embedded"

    def __init__(self, release: Release) -> None:
        self._release = release

    @classmethod
    def from_directory(
        cls, directory: Path, *, policy: LinkPolicy = DEFAULT_POLICY
    ) -> EmbeddedStore:
        """Read and validate the data files; infer the links with `policy`."""
        return cls(release(read_dataset(directory), policy=policy))

    def load(self) -> Release:
        return self._release

    def version(self) -> str:
        return self._release.version

    def close(self) -> None:
        """Nothing to release."""
