"""A store that fails, hangs, empties or changes under a live service (no Neo4j needed).

Issue 15, failures 1 and 5, on a stand-in store whose behaviour a test switches:
requests never wait on the store, /ready says what is wrong, and the service recovers
by itself. tests/neo4j/test_faults.py does the same with a real Neo4j.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Literal

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.errors import StoreUnavailable
from seed import DATA_DIR
from tests.fixtures.live import serving
from tools.chaos.faults import DATA_READS, seconds_until

Mode = Literal["ok", "fail", "hang", "empty"]
TIMEOUT_S = 0.5


class SwitchableStore(EmbeddedStore):
    """The seed, answering as `mode` says: normally, failing, hanging, or holding nothing."""

    def __init__(self) -> None:
        seed = EmbeddedStore.from_directories([DATA_DIR])
        super().__init__([seed.load(d) for d in seed.versions()])
        self.mode: Mode = "ok"
        self.checks = 0
        self.released = threading.Event()

    def versions(self) -> dict[str, str]:
        self.checks += 1
        if self.mode == "fail":
            raise StoreUnavailable("Neo4j did not answer: ServiceUnavailable.")
        if self.mode == "hang":
            self.released.wait()
        return {} if self.mode == "empty" else super().versions()


@pytest.fixture
def store() -> Iterator[SwitchableStore]:
    switchable = SwitchableStore()
    yield switchable
    switchable.released.set()  # let a hanging check end


@pytest.fixture
def client(store: SwitchableStore) -> Iterator[httpx.Client]:
    settings = Settings(careergraph_reload_check_s=0.05, neo4j_timeout_s=TIMEOUT_S)
    with serving(create_app(settings, store=store)) as url, httpx.Client(base_url=url) as http:
        yield http


def reasons(client: httpx.Client) -> list[str]:
    ready = client.get("/ready").json()
    return ready["reasons"] if ready["status"] == "degraded" else []


def said(client: httpx.Client, words: str) -> bool:
    return any(words in r for r in reasons(client))


def assert_answers_at_once(client: httpx.Client) -> None:
    """Every data read and /health answers 200, each well within the store's timeout."""
    for path in ("/health", *DATA_READS, "/api/v1/roles/3.2"):
        started = time.monotonic()
        response = client.get(path, timeout=10)
        assert response.status_code == 200, (path, response.text)
        assert time.monotonic() - started < TIMEOUT_S, path
    tag = client.get("/api/v1/roles/3.2").headers["etag"]
    assert client.get("/api/v1/roles/3.2", headers={"If-None-Match": tag}).status_code == 304


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("fail", "the store failed its last check"),
        ("hang", "has not answered its current check in time"),
        ("empty", "missing from the store: reseed it"),
    ],
)
def test_the_service_carries_on_and_says_why(
    client: httpx.Client, store: SwitchableStore, mode: Mode, reason: str
) -> None:
    assert reasons(client) == []
    store.mode = mode
    seconds_until(lambda: said(client, reason), timeout=10)
    assert_answers_at_once(client)
    store.mode = "ok"
    store.released.set()
    assert seconds_until(lambda: reasons(client) == [], timeout=10) < 2 * TIMEOUT_S + 5
    assert_answers_at_once(client)


def test_a_failing_store_is_not_hammered(client: httpx.Client, store: SwitchableStore) -> None:
    """Every 0.05 s while it answers; after failures, backing off (a refused login must
    not lock the user out); back to every 0.05 s once it answers again."""
    store.mode = "fail"
    seconds_until(lambda: said(client, "failed its last check"), timeout=10)
    before = store.checks
    time.sleep(2)
    assert store.checks - before <= 5  # 40 at the normal pace
    store.mode = "ok"
    seconds_until(lambda: reasons(client) == [], timeout=10)
    before = store.checks
    time.sleep(1)
    assert store.checks - before >= 5
