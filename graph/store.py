"""What any store must provide so the service can build its Snapshot from it."""

from __future__ import annotations

from typing import Protocol

from graph.release import Release


class GraphStore(Protocol):
    """A source of releases: the embedded in-memory store or Neo4j."""

    kind: str

    def load(self) -> Release:
        """Read the whole release: the dataset and the career links stored with it."""
        ...

    def version(self) -> str | None:
        """The stored release's version, cheaply; None when the store holds none."""
        ...

    def close(self) -> None: ...
