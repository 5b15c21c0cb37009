"""What a workforce store provides, for the embedded files and for Neo4j alike.

Every method is about one dataset's workforce. Every write is atomic (readers see the
old workforce or the new one) and has one writer at a time per dataset (WorkforceBusy,
409, for a second one). A store never checks people against the
catalogue: imports are checked before they reach it (graph/workforce/imports.py), and
what a later catalogue no longer has is reported, not refused (graph/workforce/stale.py).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from graph.errors import WorkforceBusy
from graph.workforce.models import Person, PersonRow, Workforce

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

    def rows(self, dataset: str) -> list[PersonRow]:
        """Every person stored for `dataset` as the index reads them (graph/workforce/
        index.py), in id order: what the service reads after every change, cheaper than
        `load` (no sources or dates, no Person built)."""
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

    def settle(self, timeout_s: float | None = None) -> bool:
        """Wait for what this store's writes left to do in the background (Neo4j: removing
        the people a switch replaced; readers never see them); False if still under way."""
        ...


# How often a second writer tries again while it waits.
POLL_S = 0.05


def take_turn(try_once: Callable[[], bool], dataset: str, wait_s: float) -> None:
    """Call `try_once` until it takes `dataset`'s writer lock; WorkforceBusy after `wait_s`."""
    deadline = time.monotonic() + wait_s
    while not try_once():
        if time.monotonic() >= deadline:
            raise WorkforceBusy(
                f"Another import or erasure is writing the workforce of dataset {dataset!r}; "
                "retry when it is done."
            )
        time.sleep(POLL_S)


def sweep_each(
    writing: Callable[..., AbstractContextManager[object]], datasets: Iterable[str]
) -> list[str]:
    """Take each dataset's writer lock without waiting (taking it deletes what dead
    writers left); the datasets cleaned. One held now has a live writer: skipped."""
    cleaned = []
    for dataset in sorted(set(datasets)):
        try:
            with writing(dataset, wait_s=0):
                cleaned.append(dataset)
        except WorkforceBusy:
            continue
    return cleaned


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
