"""The behavioural suite runs once per store: every claim holds on both."""

from __future__ import annotations

import pytest

from graph.snapshot import Snapshot
from graph.store import GraphStore
from tests.fixtures.stores import STORE_KINDS, store_of_kind


@pytest.fixture(scope="session", params=STORE_KINDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    return store_of_kind(request)


@pytest.fixture(scope="session")
def snapshot(store: GraphStore) -> Snapshot:
    return Snapshot.build(store.load("cigref-2011"))
