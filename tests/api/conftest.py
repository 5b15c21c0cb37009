"""The API suite talks real HTTP to the service, once per store."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.store import GraphStore
from tests.fixtures.live import serving
from tests.fixtures.stores import STORE_KINDS, store_of_kind

BATCH_MAX = 50


@pytest.fixture(scope="session", params=STORE_KINDS)
def api_store(request: pytest.FixtureRequest) -> GraphStore:
    return store_of_kind(request)


@pytest.fixture(scope="session")
def base_url(api_store: GraphStore) -> Iterator[str]:
    # The snapshot stays the one built at start: other Neo4j tests reseed the database.
    settings = Settings(careergraph_batch_max=BATCH_MAX, careergraph_reload_check_s=3600)
    with serving(create_app(settings, store=api_store)) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http
