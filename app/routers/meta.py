"""Liveness, readiness and what the service is serving."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from app.deps import ProviderDep, SettingsDep, SnapshotDep
from app.schemas import Counts, Health, Meta, Ready
from graph.algorithms import links
from graph.errors import StoreUnavailable

router = APIRouter()


@router.get("/health", tags=["ops"], response_model=Health)
def health() -> Health:
    """Liveness: the process answers. Says nothing about the store."""
    return Health()


@router.get("/ready", tags=["ops"], response_model=Ready)
def ready(provider: ProviderDep) -> Ready:
    """Readiness: the store answers and which dataset version is served (503 if not)."""
    try:
        provider.store.version()
    except Exception as exc:  # any driver failure means "not ready", never a 500
        raise StoreUnavailable(f"The {provider.store.kind} store does not answer: {exc}") from exc
    snapshot = provider.current()
    return Ready(
        store=provider.store.kind,
        dataset_version=snapshot.version,
        link_policy=snapshot.link_policy,
        link_policy_current=snapshot.link_policy == links.DEFAULT_POLICY.fingerprint,
        snapshot_built_at=snapshot.built_at.isoformat(),
        snapshot_age_s=round((datetime.now(UTC) - snapshot.built_at).total_seconds(), 3),
    )


@router.get("/api/v1/meta", tags=["meta"], response_model=Meta)
def meta(snapshot: SnapshotDep, provider: ProviderDep, settings: SettingsDep) -> Meta:
    """Dataset name and version, the store kind, and how much the dataset holds."""
    data = snapshot.dataset
    return Meta(
        name=data.name,
        dataset_version=snapshot.version,
        source=data.source,
        store=provider.store.kind,
        counts=Counts(
            families=len(data.families),
            roles=len(data.roles),
            competences=len(data.competences),
            requirements=sum(len(r.requirements) for r in data.roles),
            knowledge=sum(len(c.knowledge) for c in data.competences),
            skills=sum(len(c.skills) for c in data.competences),
            links_documented=sum(link.kind == "documented" for link in snapshot.links),
            links_inferred=sum(link.kind == "inferred" for link in snapshot.links),
        ),
        batch_max=settings.careergraph_batch_max,
    )
