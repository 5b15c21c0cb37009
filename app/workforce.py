"""The service's workforce indexes, one per dataset, and the writes that change them.

Each index is built from the served snapshot and the stored people, and kept until the
snapshot or the workforce's version changes. The store is asked for that version at most
every `check_every_s` seconds (a file's stat, or one small Neo4j read), and at once after
this service's own writes, so an import made with the CLI shows up within that time.

A store that fails does not take the service with it: after a failure the breaker answers
StoreUnavailable at once for `COOL_DOWN_S` (then one request tries again), and at most
`STORE_SLOTS` requests wait on the store at a time (the others get 503 at once), so the
shared worker threads stay free for every other route.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from app.settings import Settings
from app.snapshots import SnapshotProvider
from graph.errors import InvalidWorkforce, PersonNotFound, StoreUnavailable
from graph.models import Role
from graph.neo4j.store import Neo4jStore
from graph.neo4j.workforce import Neo4jWorkforce
from graph.store import GraphStore
from graph.workforce.files import WorkforceFiles
from graph.workforce.index import WorkforceIndex
from graph.workforce.models import Person, Workforce
from graph.workforce.padding import padding_problems
from graph.workforce.store import WorkforceStore

log = logging.getLogger("careergraph.workforce")
# Requests that may wait on the workforce store at once; the rest are told to retry.
STORE_SLOTS = 4
# After a store failure, how long every request is answered 503 without trying.
COOL_DOWN_S = 5.0


def open_workforce(settings: Settings, store: GraphStore) -> WorkforceStore:
    """The workforce store beside `store`: Neo4j's own database, else the workforce files.

    What a writer killed mid-way left (temporary files, staged people) is deleted first.
    """
    opened: WorkforceStore
    if isinstance(store, Neo4jStore):
        opened = Neo4jWorkforce(
            store.driver, database=store.database, timeout_s=settings.neo4j_timeout_s
        )
    else:
        opened = WorkforceFiles(settings.workforce_dir)
    try:
        cleaned = opened.sweep()
    except StoreUnavailable as error:  # the next writer cleans up instead
        log.warning("workforce leftovers not checked: %s", error.detail)
    else:
        if cleaned:
            log.warning(
                "cleaning up what interrupted workforce writes left: %s", ", ".join(cleaned)
            )
    return opened


def drop_workforce(settings: Settings, store: GraphStore | None, dataset: str) -> None:
    """Delete the workforce of removed dataset `dataset`, every copy, so that a dataset
    imported again under the same id starts with no one (`store` None: the embedded files)."""
    people = (
        WorkforceFiles(settings.workforce_dir) if store is None else open_workforce(settings, store)
    )
    if people.drop(dataset):
        log.info("dataset %s removed: its workforce deleted", dataset)


class Breaker:
    """Fail fast while the store is known to be down; bound who waits on it."""

    def __init__(self, *, slots: int = STORE_SLOTS, cool_down_s: float = COOL_DOWN_S) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._cool_down_s = cool_down_s
        self._open_until = 0.0
        self._reason = ""

    def check(self) -> None:
        """StoreUnavailable at once while the store is known to be down."""
        if time.monotonic() < self._open_until:
            raise StoreUnavailable(f"{self._reason} (retrying shortly)")

    @contextmanager
    def calling(self) -> Iterator[None]:
        self.check()
        if not self._slots.acquire(blocking=False):
            raise StoreUnavailable("The workforce store is busy answering other requests; retry.")
        try:
            yield
        except StoreUnavailable as error:
            self._reason = error.detail
            self._open_until = time.monotonic() + self._cool_down_s
            raise
        finally:
            self._slots.release()


@dataclass(frozen=True)
class _Cached:
    index: WorkforceIndex
    checked: float  # monotonic time the store's version was last compared


class WorkforceProvider:
    def __init__(
        self,
        store: WorkforceStore,
        snapshots: SnapshotProvider,
        *,
        check_every_s: float,
        min_group_size: int = 5,
    ) -> None:
        self.store = store
        self.snapshots = snapshots
        self.min_group_size = min_group_size
        self._check_every_s = check_every_s
        self._cached: dict[str, _Cached] = {}
        self._lock = threading.Lock()
        self.breaker = Breaker()

    def index(self, dataset: str | None = None) -> WorkforceIndex:
        """The index of `dataset`'s workforce against its served snapshot (default dataset)."""
        snapshot = self.snapshots.snapshot(dataset)
        cached = self._cached.get(snapshot.id)
        if (
            cached is not None
            and cached.index.snapshot is snapshot
            and time.monotonic() - cached.checked < self._check_every_s
        ):
            return cached.index
        with self.breaker.calling(), self._lock:
            self.breaker.check()  # it may have failed while this request waited for the lock
            version = self.store.version(snapshot.id)
            cached = self._cached.get(snapshot.id)
            if (
                cached is not None
                and cached.index.snapshot is snapshot
                and cached.index.workforce_version == version
            ):
                index = cached.index
            else:
                index = WorkforceIndex.of_rows(snapshot, self.store.rows(snapshot.id), version)
                log.info(
                    "dataset %s: workforce %s indexed: %d people, %d bytes",
                    snapshot.id,
                    version,
                    index.size,
                    index.nbytes(),
                )
                if index.stale:
                    log.warning(
                        "dataset %s: %d people hold a role or competences it no longer has "
                        "(GET /api/v1/workforce lists them)",
                        snapshot.id,
                        len(index.stale),
                    )
            self._cached[snapshot.id] = _Cached(index, time.monotonic())
            return index

    def write(self, workforce: Workforce, *, replace: bool) -> WorkforceIndex:
        """Store `workforce` (replacing the whole workforce, or merged into it); re-index.

        Refused (InvalidWorkforce) when it would pad a withheld group (padding.py).
        """
        snapshot = self.snapshots.snapshot(workforce.dataset)
        with self.breaker.calling():
            if replace:  # not checked: what is stored now does not count (check_padding)
                self.store.replace(workforce)
            else:
                check_padding(
                    self.store.load(workforce.dataset),
                    workforce,
                    replace=False,
                    requires=requirements(snapshot.roles),
                    min_group_size=self.min_group_size,
                )
                self.store.merge(workforce)
        return self._reindexed(workforce.dataset)

    def person(self, dataset: str, person: str) -> Person:
        """Everything stored about `person` of served dataset `dataset`."""
        with self.breaker.calling():
            found = self.store.person(dataset, person.strip())
        if found is None:
            raise PersonNotFound(person, dataset)
        return found

    def erase(self, dataset: str, person: str) -> WorkforceIndex:
        """Erase `person` from the store (every copy of it); the index without them."""
        with self.breaker.calling():
            erased = self.store.erase(dataset, person.strip())
        if not erased:
            raise PersonNotFound(person, dataset)
        return self._reindexed(dataset)

    def _reindexed(self, dataset: str) -> WorkforceIndex:
        with self._lock:
            self._cached.pop(dataset, None)
        return self.index(dataset)


def requirements(roles: Mapping[str, Role]) -> dict[str, frozenset[str]]:
    """Each role's required competences (the heatmap's groups)."""
    return {
        code: frozenset(r.competence for r in role.requirements) for code, role in roles.items()
    }


def check_padding(
    stored: Workforce,
    incoming: Workforce,
    *,
    replace: bool,
    requires: Mapping[str, frozenset[str]],
    min_group_size: int,
) -> None:
    """InvalidWorkforce when merging `incoming` into `stored` would pad a withheld group.

    A replace is not checked: it brings every record, so whoever sends it already holds
    what padding would reveal (and groups cross the threshold in every monthly feed)."""
    if replace:
        return
    after = stored.merged(incoming)
    problems = padding_problems(stored, after, requires, min_group_size=min_group_size)
    if problems:
        raise InvalidWorkforce(
            f"the import would reveal {len(problems)} withheld group(s) by difference",
            tuple(problems),
        )
