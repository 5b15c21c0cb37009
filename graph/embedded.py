"""The embedded store: the dataset in memory, read from the seed files. No server."""

from __future__ import annotations

from pathlib import Path

from graph.models import Dataset


class EmbeddedStore:
    kind = "embedded"

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset

    @classmethod
    def from_directory(cls, directory: Path | None = None) -> EmbeddedStore:
        """Read and validate the seed files (seed/data by default)."""
        from seed.io import DEFAULT_DATA_DIR, read_dataset  # seed depends on graph, not back

        return cls(read_dataset(directory or DEFAULT_DATA_DIR))

    def load_dataset(self) -> Dataset:
        return self._dataset

    def dataset_version(self) -> str:
        return self._dataset.version

    def close(self) -> None:
        """Nothing to release."""
