"""What any store must provide so the service can build its Snapshot from it."""

from __future__ import annotations

from typing import Protocol

from graph.models import Dataset


class GraphStore(Protocol):
    """A source of the dataset: the embedded in-memory store or Neo4j."""

    kind: str

    def load_dataset(self) -> Dataset:
        """Read the whole dataset (roles, competences, documented links)."""
        ...

    def dataset_version(self) -> str | None:
        """The stored dataset's version, cheaply; None when the store holds no dataset."""
        ...

    def close(self) -> None: ...
