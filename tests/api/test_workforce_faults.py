"""Issue 22 finding 6: workforce routes on a Neo4j that does not answer fail fast and never
hold the shared worker threads, so every other route keeps answering.

The service's workforce store is a real Neo4j driver (the app's own settings) pointed at
loopback ports where Neo4j is stopped (nothing listens: refused) or frozen (a socket
accepts and never says a word). Before: 14 s per workforce request, serialised behind one
lock; 42 pending filled the thread pool and /api/v1/datasets, /meta and /ready hung.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi import FastAPI

from app.main import create_app
from app.settings import Settings
from app.workforce import WorkforceProvider
from graph.embedded import EmbeddedStore
from graph.neo4j.connection import Neo4jTarget, open_driver
from graph.neo4j.workforce import Neo4jWorkforce
from seed import DATA_DIR
from tests.fixtures.live import serving

HR = {"X-API-Key": "hr-secret"}
FLOOD = 42
# What a request stranded on a frozen server waits (the app's default is 10 s; before,
# 42 such requests held the thread pool whatever the timeout).
TIMEOUT_S = 3.0
# Other routes must answer within this while the flood runs (before: no answer in 12 s).
OTHERS_WITHIN_S = 5.0


@pytest.fixture
def frozen_port() -> Iterator[int]:
    """A port that accepts connections and never answers them (a frozen Neo4j)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def stopped_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()  # nothing listens there now
    return port


def serve_with_neo4j_at(port: int) -> tuple[FastAPI, Iterator[str]]:
    settings = Settings(careergraph_api_keys=["hr:workforce:hr-secret"])
    app = create_app(settings, store=EmbeddedStore.from_directories([DATA_DIR]))
    return app, serving(app)


def flood(port: int) -> tuple[list[httpx.Response], list[int]]:
    """FLOOD workforce requests at once, and the other routes' statuses meanwhile."""
    app, served = serve_with_neo4j_at(port)
    with served as url:
        target = Neo4jTarget(f"bolt://127.0.0.1:{port}", "neo4j", "x", timeout_s=TIMEOUT_S)
        app.state.workforce = WorkforceProvider(
            Neo4jWorkforce(open_driver(target), database="neo4j", timeout_s=TIMEOUT_S),
            app.state.snapshots,
            check_every_s=0,
        )

        def ask(_: int) -> httpx.Response:
            with httpx.Client(base_url=url, timeout=120) as client:
                return client.get("/api/v1/workforce/bench", headers=HR)

        with ThreadPoolExecutor(FLOOD) as pool:
            pending = [pool.submit(ask, n) for n in range(FLOOD)]
            with httpx.Client(base_url=url, timeout=OTHERS_WITHIN_S) as other:
                statuses = [other.get(path).status_code for path in OTHER_ROUTES]
            answers = [p.result() for p in pending]
    return answers, statuses


OTHER_ROUTES = ("/api/v1/datasets", "/api/v1/meta", "/ready", "/health")


@pytest.mark.parametrize("state", ["stopped", "frozen"])
def test_workforce_routes_fail_fast_and_leave_the_others_alone(
    state: str, frozen_port: int
) -> None:
    port = stopped_port() if state == "stopped" else frozen_port
    answers, statuses = flood(port)
    assert statuses == [200, 200, 200, 200], statuses
    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["retry-after"]
        assert str(port) not in answer.text and "127.0.0.1" not in answer.text
    # At most the store's slots waited on the frozen server; the rest were told at once.
    waited = [a for a in answers if "busy" not in a.text and "retrying shortly" not in a.text]
    assert len(waited) <= 4
