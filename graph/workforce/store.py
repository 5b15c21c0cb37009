"""What a workforce store provides, for the embedded files and for Neo4j alike.

Every method is about one dataset's workforce. Every write is atomic (readers see the
old workforce or the new one) and has one writer at a time per dataset (WorkforceBusy,
409, for a second one). A store never checks people against the
catalogue: imports are checked before they reach it (graph/workforce/imports.py), and
what a later catalogue no longer has is reported, not refused (graph/workforce/stale.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from graph.workforce.models import Person, Workforce

# The version of a dataset that has no workforce stored.
EMPTY = "empty"


class WorkforceStore(Protocol):
    kind: str

    def version(self, dataset: str) -> str:
        """Changes with every write; cheap (no people read). EMPTY when there is none."""
        ...

    def load(self, dataset: str) -> Workforce:
        """Every person stored for `dataset` (none: an empty workforce)."""
        ...

    def replace(self, workforce: Workforce) -> str:
        """Store exactly these people for their dataset, in one step; return the version."""
        ...

    def merge(self, workforce: Workforce) -> str:
        """Add these people, replacing the stored record of any with the same id."""
        ...

    def person(self, dataset: str, person: str) -> Person | None:
        """Everything stored about one person."""
        ...

    def erase(self, dataset: str, person: str) -> bool:
        """Delete every copy of one person (staged ones included); False when there was none."""
        ...

    def drop(self, dataset: str) -> bool:
        """Delete a dataset's whole workforce, every copy; False when there was none."""
        ...

    def sweep(self) -> list[str]:
        """Delete what writers killed mid-way left; the datasets cleaned."""
        ...


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large workforce is built: the objects are
    all kept, and rescanning the growing graph would take a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
