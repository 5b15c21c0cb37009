"""Shared request dependencies, as Annotated aliases routers declare in signatures."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from app.settings import Settings
from app.snapshots import SnapshotProvider
from graph.snapshot import Snapshot


# Dependencies are `async def`: a plain `def` would cost a thread-pool hop per request.
async def get_provider(request: Request) -> SnapshotProvider:
    provider: SnapshotProvider = request.app.state.snapshots
    return provider


async def get_snapshot(
    request: Request,
    dataset: Annotated[
        str | None,
        Query(
            max_length=40,
            description="dataset id (GET /api/v1/datasets); default: the default dataset",
            examples=["cigref-2011"],
        ),
    ] = None,
) -> Snapshot:
    """The snapshot of the `dataset` the request names (a 404 problem when unknown)."""
    provider: SnapshotProvider = request.app.state.snapshots
    return provider.snapshot(dataset)


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ProviderDep = Annotated[SnapshotProvider, Depends(get_provider)]
SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
