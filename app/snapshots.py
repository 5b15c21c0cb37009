"""The service's snapshots, one per dataset, refreshed off the request path.

Requests only read the snapshots in memory: they never wait on the store. A
background thread asks the store for its datasets' versions every `check_every_s`
seconds and rebuilds what changed. When the store fails or hangs, the last
snapshots carry the service through and `health()` says how stale they are.

A dataset the store no longer lists is dropped when the store still holds others
(it was removed on purpose); when the store holds none at all (an empty server after
a restart), the snapshots stay and `health()` reports every dataset missing, so the
operator knows to reseed (`careergraph up` does it).

A dataset that cannot be read or fails its checks (graph.validation) is left out and
reported by `left_out()` (and /ready): the other datasets are served. Only the default
dataset must be served for the service to start.

Any process may change the store while the service runs (a CLI import, another instance
behind the same balancer): each check sees datasets added, replaced and removed (the
embedded store by its library's stamp, Neo4j by its dataset stamps), so a change is served
within `check_every_s` plus the time to build its snapshot.

Only the default dataset is built before the service answers: the others are built by the
refresh thread as soon as it starts, one at a time, and a request for one still loading
builds it at once (it waits for that one, never for all). `loading()` lists them (/ready).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from graph.errors import (
    CareerGraphError,
    DatasetError,
    DatasetNotFound,
    DefaultDatasetKept,
    StoreUnavailable,
)
from graph.release import Release
from graph.search import nearest
from graph.snapshot import Snapshot
from graph.store import GraphStore
from graph.validation import problems

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
        """Build the default dataset's snapshot (the others load in `start`'s thread, or on
        first use); the store must answer now."""
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
        # dataset id -> (the stored version left out, why): tried again when it changes
        self._left_out: dict[str, tuple[str, str]] = {}
        self._snapshots: dict[str, Snapshot] = {}
        self._loading = set(stored) - {default}  # stored, not built yet
        self._build(default, stored[default])
        if default not in self._snapshots:
            raise StoreUnavailable(
                f"The default dataset {default!r} cannot be served: {self._left_out[default][1]}"
            )
        self._health = StoreHealth(checked_at=datetime.now(UTC), stored=stored)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0  # checks failed in a row

    def snapshot(self, dataset: str | None = None) -> Snapshot:
        """The current snapshot of `dataset` (default: the default one); no store access."""
        wanted = dataset or self.default
        found = self._snapshots.get(wanted)
        if found is None and wanted in self._loading:
            self._load(wanted)  # its first use: build it now rather than answer 404
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

    def loading(self) -> list[str]:
        """The stored datasets not built yet (they will be served once built)."""
        return sorted(self._loading)

    def left_out(self) -> dict[str, str]:
        """Each stored dataset not served (or served at an older version), with why."""
        # The store's own words win: its problem, not the error a load of it raised.
        return {**{d: why for d, (_, why) in self._left_out.items()}, **self.store.invalid()}

    def start(self) -> None:
        """Refresh in a daemon thread until `stop`."""
        self._thread = threading.Thread(target=self._loop, name="snapshot-refresh", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        for dataset in self.loading():
            if self._stop.is_set():
                return
            self._load(dataset)
        while not self._stop.wait(self._next_wait_s()):
            self.refresh()

    def _load(self, dataset: str) -> None:
        """Build one dataset still loading; a store failure is logged and left to the
        refresh checks, which build what is not served yet."""
        with self._lock:
            if dataset not in self._loading:
                return  # built (or removed) meanwhile
            try:
                self._build(dataset, self._health.stored.get(dataset, ""))
            except Exception as error:  # the store failed: the next refresh tries again
                log.warning("dataset %s not loaded yet: %s", dataset, error)

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
                self._loading |= {  # new here: listed as loading while they are built
                    d
                    for d, version in stored.items()
                    if d not in self._snapshots and self._left_out.get(d, ("",))[0] != version
                }
                for id_, version in stored.items():
                    current = self._snapshots.get(id_)
                    served = current is not None and current.version == version
                    if not served and self._left_out.get(id_, ("",))[0] != version:
                        self._build(id_, version)
                self._left_out = {d: v for d, v in self._left_out.items() if d in stored}
                self._loading &= set(stored)
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

    def _build(self, dataset: str, version: str) -> None:
        """Load and check one dataset and serve it; a bad one is left out, not raised.

        A store failure (StoreUnavailable, a driver error) is not the dataset's fault and
        propagates."""
        try:
            release = self.store.load(dataset)
            _check(release)
        except (DatasetError, DatasetNotFound, ValueError) as error:
            detail = error.detail if isinstance(error, CareerGraphError) else str(error)
            log.warning("dataset %s left out: %s", dataset, detail)
            self._left_out[dataset] = (version, detail)
            self._loading.discard(dataset)
            return
        self._left_out.pop(dataset, None)
        self._replace(dataset, release)
        self._loading.discard(dataset)  # after: never neither loading nor served

    def _replace(self, dataset: str, release: Release) -> None:
        before = self._snapshots.get(dataset)
        log.info(
            "dataset %s: version %s -> %s, rebuilding its snapshot",
            dataset,
            before.version if before else None,
            release.version,
        )
        self._snapshots = {**self._snapshots, dataset: Snapshot.build(release)}

    def save(self, release: Release, *, replace: bool) -> tuple[Snapshot, bool]:
        """Store a dataset (new, or replaced when `replace`) and serve it at once; True when
        it replaced one. The default dataset is kept (the way back to it is the CLI)."""
        dataset = release.dataset.id
        if dataset == self.default:
            raise DefaultDatasetKept(
                f"{dataset!r} is the default dataset: the API cannot replace it. Import it "
                "under another id, or replace it with `careergraph dataset import --replace`."
            )
        # The store serialises writers of one dataset across processes (and refuses an
        # existing one without `replace`); this lock keeps the snapshots in step with it.
        with self._lock:
            replaced = self.store.save(release, replace=replace)
            self._left_out.pop(dataset, None)
            self._replace(dataset, release)
            self._loading.discard(dataset)
            self._stored({**self._health.stored, dataset: release.version})
            return self._snapshots[dataset], replaced

    def remove(self, dataset: str) -> bool:
        """Delete a dataset from the store and stop serving it (never the default)."""
        if dataset == self.default:
            raise DefaultDatasetKept(f"{dataset!r} is the default dataset; it cannot be removed.")
        with self._lock:
            removed = self.store.remove(dataset)
            self._left_out.pop(dataset, None)
            self._loading.discard(dataset)
            dropped = dataset in self._snapshots
            self._snapshots = {d: s for d, s in self._snapshots.items() if d != dataset}
            self._stored({d: v for d, v in self._health.stored.items() if d != dataset})
            return removed or dropped

    def _stored(self, stored: dict[str, str]) -> None:
        """What this process wrote is what the store holds now (no wait for the next check)."""
        health = self._health
        self._health = StoreHealth(health.checked_at, health.error, stored, health.checking_since)


def _check(release: Release) -> None:
    """What graph.validation finds in a stored dataset (a role with no requirement...)."""
    found = [str(p) for p in problems(release.dataset)]
    if found:
        raise DatasetError(found[0], tuple(found))
