"""The service's snapshots, one per dataset, refreshed off the request path.

Requests only read the snapshots in memory: they never wait on the store. A
background thread asks the store for its datasets' versions every `check_every_s`
seconds and rebuilds what changed. When the store fails or hangs, the last
snapshots carry the service through and `health()` says how stale they are.

A dataset the store no longer lists is dropped when the store still holds others
(it was removed on purpose); when the store holds none at all (an empty server after
a restart), the snapshots stay and `health()` reports every dataset missing, so the
operator knows to reseed (`careergraph up` does it).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from graph.errors import DatasetNotFound, DefaultDatasetKept, StoreUnavailable
from graph.release import Release
from graph.search import nearest
from graph.snapshot import Snapshot
from graph.store import GraphStore

log = logging.getLogger("careergraph.snapshots")

# A refresh loop never spins faster than this, whatever the setting says.
MIN_CHECK_S = 0.05
# After failed checks the loop slows down (doubling up to this): a store refusing our
# login is not hammered until it locks the user out for everyone (the launcher too).
MAX_BACKOFF_S = 5.0


@dataclass(frozen=True)
class StoreHealth:
    """What the last look at the store found."""

    checked_at: datetime | None = None
    error: str | None = None
    stored: dict[str, str] = field(default_factory=dict)  # dataset id -> stored version
    checking_since: float | None = None  # monotonic start of a check still running


class SnapshotProvider:
    def __init__(self, store: GraphStore, *, default: str, check_every_s: float) -> None:
        """Build a snapshot of every stored dataset; the store must answer now."""
        self.store = store
        self.default = default
        self._check_every_s = max(check_every_s, MIN_CHECK_S)
        self._lock = threading.Lock()
        stored = store.versions()
        if default not in stored:
            found = ", ".join(sorted(stored)) or "none"
            raise StoreUnavailable(
                f"The {store.kind} store does not hold the default dataset {default!r} "
                f"(it holds: {found}); load it, or set CAREERGRAPH_DEFAULT_DATASET."
            )
        self._snapshots = {id_: Snapshot.build(store.load(id_)) for id_ in stored}
        self._health = StoreHealth(checked_at=datetime.now(UTC), stored=stored)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0  # checks failed in a row

    def snapshot(self, dataset: str | None = None) -> Snapshot:
        """The current snapshot of `dataset` (default: the default one); no store access."""
        wanted = dataset or self.default
        found = self._snapshots.get(wanted)
        if found is None:
            names = {d: [s.dataset.name] for d, s in self._snapshots.items()}
            titles = {d: s.dataset.name for d, s in self._snapshots.items()}
            raise DatasetNotFound(wanted, nearest(wanted, names, titles))
        return found

    def snapshots(self) -> list[Snapshot]:
        return [self._snapshots[d] for d in sorted(self._snapshots)]

    def health(self) -> StoreHealth:
        return self._health

    def start(self) -> None:
        """Refresh in a daemon thread until `stop`."""
        self._thread = threading.Thread(target=self._loop, name="snapshot-refresh", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self._next_wait_s()):
            self.refresh()

    def _next_wait_s(self) -> float:
        if not self._failures:
            return self._check_every_s
        backoff = min(MAX_BACKOFF_S, 0.25 * 2**self._failures)
        return max(self._check_every_s, backoff)

    def refresh(self) -> None:
        """Ask the store what changed and rebuild it; failures are recorded, never raised."""
        with self._lock:
            self._health = StoreHealth(
                checked_at=self._health.checked_at,
                error=self._health.error,
                stored=self._health.stored,
                checking_since=time.monotonic(),
            )
            try:
                stored = self.store.versions()
                for id_, version in stored.items():
                    current = self._snapshots.get(id_)
                    if current is None or current.version != version:
                        self._replace(id_, self.store.load(id_))
                if stored:  # an empty store is an accident to report, not a removal
                    removed = set(self._snapshots) - set(stored) - {self.default}
                    self._snapshots = {d: s for d, s in self._snapshots.items() if d not in removed}
                self._health = StoreHealth(checked_at=datetime.now(UTC), stored=stored)
                self._failures = 0
            except Exception as error:  # any store failure: keep serving what we have
                log.warning("store check failed: %s", error)
                self._failures += 1
                self._health = StoreHealth(
                    checked_at=datetime.now(UTC),
                    error=f"{type(error).__name__}: {error}",
                    stored=self._health.stored,
                )

    def _replace(self, dataset: str, release: Release) -> None:
        before = self._snapshots.get(dataset)
        log.info(
            "dataset %s: version %s -> %s, rebuilding its snapshot",
            dataset,
            before.version if before else None,
            release.version,
        )
        self._snapshots = {**self._snapshots, dataset: Snapshot.build(release)}

    def save(self, release: Release) -> Snapshot:
        """Store a dataset (new or replaced) and serve it at once."""
        with self._lock:
            self.store.save(release)
            self._replace(release.dataset.id, release)
            return self._snapshots[release.dataset.id]

    def remove(self, dataset: str) -> bool:
        """Delete a dataset from the store and stop serving it (never the default)."""
        if dataset == self.default:
            raise DefaultDatasetKept(f"{dataset!r} is the default dataset; it cannot be removed.")
        with self._lock:
            removed = self.store.remove(dataset)
            dropped = dataset in self._snapshots
            self._snapshots = {d: s for d, s in self._snapshots.items() if d != dataset}
            return removed or dropped
