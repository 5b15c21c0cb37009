"""Shared request dependencies, as Annotated aliases routers declare in signatures."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.settings import Settings
from app.snapshots import SnapshotProvider
from graph.snapshot import Snapshot


def get_provider(request: Request) -> SnapshotProvider:
    provider: SnapshotProvider = request.app.state.snapshots
    return provider


def get_snapshot(request: Request) -> Snapshot:
    return get_provider(request).current()


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ProviderDep = Annotated[SnapshotProvider, Depends(get_provider)]
SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
