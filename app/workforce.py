"""The service's workforce indexes, one per dataset, and the writes that change them.

Each index is built from the served snapshot and the stored people, and kept until the
snapshot or the workforce's version changes. The store is asked for that version at most
every `check_every_s` seconds (a file's stat, or one small Neo4j read), and at once after
this service's own writes, so an import made with the CLI shows up within that time.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from app.settings import Settings
from app.snapshots import SnapshotProvider
from graph.errors import PersonNotFound
from graph.neo4j.store import Neo4jStore
from graph.neo4j.workforce import Neo4jWorkforce
from graph.store import GraphStore
from graph.workforce.files import WorkforceFiles
from graph.workforce.index import WorkforceIndex
from graph.workforce.models import Person, Workforce
from graph.workforce.store import WorkforceStore

log = logging.getLogger("careergraph.workforce")


def open_workforce(settings: Settings, store: GraphStore) -> WorkforceStore:
    """The workforce store beside `store`: Neo4j's own database, else the workforce files."""
    if isinstance(store, Neo4jStore):
        return Neo4jWorkforce(
            store.driver, database=store.database, timeout_s=settings.neo4j_timeout_s
        )
    return WorkforceFiles(settings.workforce_dir)


@dataclass(frozen=True)
class _Cached:
    index: WorkforceIndex
    checked: float  # monotonic time the store's version was last compared


class WorkforceProvider:
    def __init__(
        self, store: WorkforceStore, snapshots: SnapshotProvider, *, check_every_s: float
    ) -> None:
        self.store = store
        self.snapshots = snapshots
        self._check_every_s = check_every_s
        self._cached: dict[str, _Cached] = {}
        self._lock = threading.Lock()

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
        with self._lock:
            version = self.store.version(snapshot.id)
            cached = self._cached.get(snapshot.id)
            if (
                cached is not None
                and cached.index.snapshot is snapshot
                and cached.index.workforce_version == version
            ):
                index = cached.index
            else:
                index = WorkforceIndex.build(snapshot, self.store.load(snapshot.id), version)
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
        """Store `workforce` (replacing the whole workforce, or merged into it); re-index."""
        if replace:
            self.store.replace(workforce)
        else:
            self.store.merge(workforce)
        return self._reindexed(workforce.dataset)

    def person(self, dataset: str, person: str) -> Person:
        """Everything stored about `person` of served dataset `dataset`."""
        found = self.store.person(dataset, person.strip())
        if found is None:
            raise PersonNotFound(person, dataset)
        return found

    def erase(self, dataset: str, person: str) -> WorkforceIndex:
        """Erase `person` from the store; the index without them."""
        if not self.store.erase(dataset, person.strip()):
            raise PersonNotFound(person, dataset)
        return self._reindexed(dataset)

    def _reindexed(self, dataset: str) -> WorkforceIndex:
        with self._lock:
            self._cached.pop(dataset, None)
        return self.index(dataset)
