"""What any store must provide: several datasets side by side, each a release."""

from __future__ import annotations

from typing import Protocol

from graph.release import Release


class GraphStore(Protocol):
    """A source of releases, one per dataset id: the embedded store or Neo4j."""

    kind: str

    def versions(self) -> dict[str, str]:
        """Each stored dataset's release version by dataset id, cheaply (no dataset read)."""
        ...

    def load(self, dataset: str) -> Release:
        """Read one dataset's whole release: the data and the career links stored with it."""
        ...

    def save(self, release: Release, *, replace: bool = True) -> bool:
        """Add or replace one dataset (never touching another), all or nothing, one writer
        per dataset at a time; True when it replaced one. Without `replace`, a stored one
        raises DatasetExists."""
        ...

    def invalid(self) -> dict[str, str]:
        """Stored datasets left out because they cannot be read, each with its problem."""
        ...

    def remove(self, dataset: str) -> bool:
        """Delete one dataset and everything in it; False when there was none."""
        ...

    def close(self) -> None: ...
