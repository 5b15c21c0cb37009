"""Liveness, readiness, and which datasets the service serves.

The dataset descriptions are answered with their own ETag (the served versions, so an
import or removal changes it at once; the shared ETag middleware would give the default
dataset's) and built once per version: their counts walk every role.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from app.answers import json_response, to_json
from app.deps import ProviderDep, SettingsDep, SnapshotDep
from app.http_middleware import CACHE_CONTROL
from app.schemas import DatasetInfo, Health, Meta, Ready, ReadyDataset, StoreState
from app.snapshots import SnapshotProvider
from app.views import dataset_info
from graph.algorithms import links
from graph.snapshot import Snapshot

router = APIRouter()


HEALTHY = to_json(Health(), Health)


@router.get("/health", tags=["ops"], response_model=Health)
async def health() -> Response:
    """Liveness: the process answers. Never looks at the store, nor waits for a worker
    thread (async: busy threads, e.g. console queries, cannot delay it)."""
    return json_response(HEALTHY)


@router.get("/ready", tags=["ops"], response_model=Ready)
def ready(provider: ProviderDep, settings: SettingsDep) -> Ready:
    """Readiness, from memory only: what is served (each dataset with its version), what is
    still loading or left out, and whether the store agrees.

    `degraded` still answers 200: the service serves its snapshots; the reasons say
    what an operator should fix (a store down or hanging, a dataset missing or changed).
    """
    health = provider.health()
    now = datetime.now(UTC)
    stuck = health.checking_since is not None and (
        _monotonic_age(health.checking_since) > settings.neo4j_timeout_s
    )
    datasets = [_ready_dataset(s, health.stored.get(s.id), now) for s in provider.snapshots()]
    reasons = [f"the store failed its last check: {health.error}"] if health.error else []
    if stuck:
        reasons.append("the store has not answered its current check in time")
    left_out = provider.left_out()
    reasons += [f"dataset {d} is left out: {why}" for d, why in sorted(left_out.items())]
    reasons += [f"dataset {d} is still loading" for d in provider.loading()]
    if not health.error:
        reasons += [
            f"dataset {d.id} is missing from the store: reseed it"
            for d in datasets
            if d.stored_version is None
        ] + [
            f"dataset {d.id}: the store holds version {d.stored_version}"
            for d in datasets
            if d.stored_version not in (None, d.version)
        ]
    default = provider.snapshot()
    served = next(d for d in datasets if d.id == default.id)
    return Ready(
        status="degraded" if reasons else "ready",
        reasons=reasons,
        store=provider.store.kind,
        store_state=StoreState(
            answering=health.error is None and not stuck,
            checked_at=health.checked_at.isoformat() if health.checked_at else None,
            error=health.error,
        ),
        default_dataset=default.id,
        dataset_version=default.version,
        link_policy=served.link_policy,
        link_policy_current=served.link_policy_current,
        snapshot_built_at=served.snapshot_built_at,
        snapshot_age_s=served.snapshot_age_s,
        datasets=datasets,
        left_out=left_out,
        loading=provider.loading(),
    )


def _monotonic_age(since: float) -> float:
    return time.monotonic() - since


def _ready_dataset(snapshot: Snapshot, stored: str | None, now: datetime) -> ReadyDataset:
    return ReadyDataset(
        id=snapshot.id,
        version=snapshot.version,
        stored_version=stored,
        link_policy=snapshot.link_policy,
        link_policy_current=snapshot.link_policy == links.DEFAULT_POLICY.fingerprint,
        snapshot_built_at=snapshot.built_at.isoformat(),
        snapshot_age_s=round((now - snapshot.built_at).total_seconds(), 3),
    )


@router.get("/api/v1/datasets", tags=["meta"], response_model=list[DatasetInfo])
def datasets(provider: ProviderDep, request: Request) -> Response:
    """Every dataset served: id, name, version, counts, licence and attribution."""
    served = provider.snapshots()
    versions = ",".join(f"{s.id}={s.version}" for s in served) + f";{provider.default}"
    tag = hashlib.sha256(versions.encode()).hexdigest()[:16]
    return _tagged(request, tag, lambda: [_info(provider, s) for s in served], list[DatasetInfo])


@router.get("/api/v1/datasets/{dataset}", tags=["meta"], response_model=DatasetInfo)
def dataset(
    provider: ProviderDep, request: Request, dataset: str = Path(max_length=40)
) -> Response:
    snapshot = provider.snapshot(dataset)
    tag = f"{snapshot.version}-{int(snapshot.id == provider.default)}"
    return _tagged(request, tag, lambda: _info(provider, snapshot), DatasetInfo)


def _tagged(request: Request, tag: str, answer: Callable[[], Any], shape: Any) -> Response:
    """The answer with its ETag, or a 304 when the client holds this tag already."""
    etag = f'"{tag}"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"}
    given = request.headers.get("if-none-match", "")
    held = {t.strip().removeprefix("W/") for t in given.split(",")}
    if etag in held or "*" in held:
        return Response(status_code=304, headers=headers)
    response = json_response(to_json(answer(), shape))
    response.headers.update(headers)
    return response


@router.get("/api/v1/meta", tags=["meta"], response_model=Meta)
def meta(snapshot: SnapshotDep, provider: ProviderDep, settings: SettingsDep) -> Meta:
    """One dataset (default: the default one), the store kind and the batch limit."""
    return Meta(
        **_info(provider, snapshot).model_dump(),
        store=provider.store.kind,
        batch_max=settings.careergraph_batch_max,
    )


# DatasetInfo by (id, version, default): built once, not per request (counts walk the roles).
_INFOS: dict[tuple[str, str, bool], DatasetInfo] = {}
MAX_INFOS = 256


def _info(provider: SnapshotProvider, snapshot: Snapshot) -> DatasetInfo:
    key = (snapshot.id, snapshot.version, snapshot.id == provider.default)
    found = _INFOS.get(key)
    if found is None:
        if len(_INFOS) >= MAX_INFOS:  # versions come and go: forget them all, rarely
            _INFOS.clear()
        found = _INFOS[key] = dataset_info(snapshot, default=key[2])
    return found
