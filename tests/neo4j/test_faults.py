"""Neo4j stopped, frozen and restarted empty under load: the service carries on.

Issue 15, failures 1 and 5. A private launcher server (never the session's) and the
service in its own process (`careergraph serve`), under a load of gap / paths /
next-moves reads and /health probes. Through each fault: no data answer fails,
/health never waits, /ready says degraded and why, the console answers 503
problem+json with Retry-After and no address; once Neo4j is back the service
recovers by itself, in seconds. These take minutes (a private server started, frozen,
stopped and restarted), so they run in `make chaos` (marker `chaos`), beside its long
versions; `make test` keeps the same claims on a stand-in store
(tests/api/test_store_faults.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from app import neo4j_launcher
from app.neo4j_launcher import ServerInfo
from graph.algorithms.links import release
from graph.datafiles import read_dataset
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from seed import DATA_DIR
from tools.chaos import faults

pytestmark = [pytest.mark.neo4j, pytest.mark.chaos]

FAULT_S = 6.0
# Loose on purpose (the bug made /health wait 20-40 s; CI machines are shared):
# `make chaos` reports the measured p99 for each fault.
HEALTH_P99_MS = 200
HEALTH_MAX_MS = 3000
RECOVERY_MAX_S = 15


def seed(server: ServerInfo) -> None:
    """Load the seed, and read it back once: a cold server is slow to answer the first time."""
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        load_release_into_neo4j(driver, release(read_dataset(DATA_DIR)), database="neo4j")
        Neo4jStore(driver, database="neo4j", timeout_s=120).load("cigref-2011")


@pytest.fixture(scope="module")
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    state = tmp_path_factory.mktemp("faults")
    yield state
    neo4j_launcher.stop(state)


@pytest.fixture(scope="module")
def server(state_dir: Path) -> ServerInfo:
    try:
        info = neo4j_launcher.start(port=None, state_dir=state_dir)
    except neo4j_launcher.LauncherError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the local launcher cannot start Neo4j: {error}")
        pytest.skip(f"the local launcher cannot start Neo4j: {error}")
    seed(info)
    return info


@pytest.fixture(scope="module")
def base_url(server: ServerInfo, state_dir: Path) -> Iterator[str]:
    with faults.service(server, state_dir / "service.log") as url:
        yield url


def assert_carried_through(window: faults.Window) -> None:
    assert window.data_answers > 0 and window.data_failed == 0, window
    assert window.health_answers > 0 and window.health_failed == 0, window
    assert window.health_p99_ms < HEALTH_P99_MS, window
    assert window.health_max_ms < HEALTH_MAX_MS, window


def assert_store_only_is_503(base_url: str, server: ServerInfo, within_s: float) -> None:
    response, seconds = faults.console(base_url)
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    for secret in ("127.0.0.1", str(server.port), "bolt://"):
        assert secret not in response.text
    assert seconds < within_s


def degraded_because(base_url: str, words: str) -> bool:
    ready = faults.ready(base_url)
    return ready["status"] == "degraded" and any(words in r for r in ready["reasons"])


def test_a_frozen_neo4j(base_url: str, server: ServerInfo) -> None:
    with faults.Load(base_url) as load:
        with faults.frozen(server):
            started = time.monotonic()
            faults.seconds_until(lambda: degraded_because(base_url, "not answered"), 25)
            assert_store_only_is_503(base_url, server, within_s=15)
            time.sleep(max(0.0, FAULT_S - (time.monotonic() - started)))
            ended = time.monotonic()
        recovery = faults.seconds_until(lambda: faults.ready(base_url)["status"] == "ready", 30)
    assert_carried_through(load.window(started, ended))
    assert recovery < RECOVERY_MAX_S
    assert faults.console(base_url)[0].status_code == 200


def test_a_stopped_neo4j_then_restarted_empty(
    base_url: str, server: ServerInfo, state_dir: Path
) -> None:
    with faults.Load(base_url) as load:
        started = time.monotonic()
        faults.stop(state_dir)
        faults.seconds_until(lambda: degraded_because(base_url, "failed its last check"), 25)
        assert_store_only_is_503(base_url, server, within_s=5)
        time.sleep(FAULT_S)
        stopped = time.monotonic()

        restarted = faults.restart_empty(server, state_dir)
        faults.seconds_until(lambda: degraded_because(base_url, "missing from the store"), 30)
        assert faults.ready(base_url)["store_state"]["answering"] is True
        time.sleep(1)
        empty = time.monotonic()

        seed(restarted)
        recovery = faults.seconds_until(lambda: faults.ready(base_url)["status"] == "ready", 30)
        recovered = time.monotonic()
    assert_carried_through(load.window(started, stopped))
    assert_carried_through(load.window(stopped, empty))
    assert_carried_through(load.window(empty, recovered))
    assert recovery < RECOVERY_MAX_S
    assert faults.console(base_url)[0].status_code == 200
