"""The service's current Snapshot, rebuilt when the store's dataset version changes."""

from __future__ import annotations

import logging
import threading
import time

from graph.snapshot import Snapshot
from graph.store import GraphStore

log = logging.getLogger("careergraph.snapshots")


class SnapshotProvider:
    """Hands out the current snapshot; asks the store for its version at most every
    `check_every_s` seconds, so a reseeded Neo4j is picked up without a restart."""

    def __init__(self, store: GraphStore, *, check_every_s: float) -> None:
        self.store = store
        self._check_every_s = check_every_s
        self._lock = threading.Lock()
        self._snapshot = Snapshot.build(store.load())
        self._checked_at = time.monotonic()

    def current(self) -> Snapshot:
        if time.monotonic() - self._checked_at < self._check_every_s:
            return self._snapshot
        with self._lock:
            if time.monotonic() - self._checked_at >= self._check_every_s:
                self._refresh()
        return self._snapshot

    def _refresh(self) -> None:
        version = self.store.version()
        self._checked_at = time.monotonic()
        if version is not None and version != self._snapshot.version:
            log.info(
                "dataset version %s -> %s: rebuilding snapshot", self._snapshot.version, version
            )
            self._snapshot = Snapshot.build(self.store.load())
