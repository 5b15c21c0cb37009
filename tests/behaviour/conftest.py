"""The behavioural suite runs once per store: every claim holds on both."""

from __future__ import annotations

import pytest

from graph.embedded import EmbeddedStore
from graph.snapshot import Snapshot
from graph.store import GraphStore


@pytest.fixture(scope="session", params=["embedded"])
def store(request: pytest.FixtureRequest) -> GraphStore:
    return EmbeddedStore.from_directory()


@pytest.fixture(scope="session")
def snapshot(store: GraphStore) -> Snapshot:
    return Snapshot.build(store.load_dataset())
