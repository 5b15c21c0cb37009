"""The local launcher: a loopback-only server, its own user, a heap that bounds one
transaction, and a clean stop.

One private server for the module (a JVM start costs CI half a minute on 2 cores), with a
256 MB heap: a transaction may hold 96 MB. The test that stops it comes last."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import TransientError

from app import neo4j_launcher
from graph.algorithms.links import DEFAULT_POLICY
from graph.errors import TooLarge
from graph.neo4j.store import Neo4jStore
from graph.release import Release
from tests.fixtures.neo4j import SHORT_LIVED_JVM

pytestmark = pytest.mark.neo4j

POLICY = DEFAULT_POLICY.fingerprint
LISTEN = "0A"
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def listening_addresses(pid: int) -> set[tuple[str, int]]:
    """(hex address, port) of every TCP socket `pid` listens on, from /proc (no `ss` needed)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:  # closed while we looked: files come and go in a live JVM
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port = fields[1].split(":")
            if fields[3] == LISTEN and fields[9] in inodes:
                found.add((address, int(port, 16)))
    return found


def start_or_give_up(state: Path, *, user: str, password: str, heap: str) -> None:
    """Start a private server; without Java or Maven that is a skip, or a failure under CI."""
    try:
        with pytest.MonkeyPatch.context() as env:
            for name, value in SHORT_LIVED_JVM.items():
                env.setenv(name, value)
            neo4j_launcher.start(
                port=None, state_dir=state, user=user, password=password, heap=heap
            )
    except neo4j_launcher.LauncherError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the local launcher cannot start Neo4j: {error}")
        pytest.skip(f"the local launcher cannot start Neo4j: {error}")


@pytest.fixture(scope="module")
def own_state(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The state directory of a private server started for user analyst with a small heap;
    the server is stopped after the module (if a test has not stopped it)."""
    state = tmp_path_factory.mktemp("launcher")
    start_or_give_up(state, user="analyst", password="analyst-password", heap="256m")
    yield state
    neo4j_launcher.stop(state)


@pytest.fixture(scope="module")
def own_server(own_state: Path) -> neo4j_launcher.ServerInfo:
    info = neo4j_launcher.status(own_state)
    assert info is not None, "the module's server is running"
    return info


def test_the_server_listens_on_loopback_only(own_server: neo4j_launcher.ServerInfo) -> None:
    addresses = listening_addresses(own_server.pid)
    assert own_server.port in {port for _, port in addresses}
    assert {address for address, _ in addresses} <= LOOPBACK


def test_the_configured_user_can_log_in(own_server: neo4j_launcher.ServerInfo) -> None:
    auth = ("analyst", "analyst-password")
    with GraphDatabase.driver(own_server.uri, auth=auth) as driver:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def test_the_password_is_on_no_command_line(own_server: neo4j_launcher.ServerInfo) -> None:
    """Issue 15, failure 6: /proc shows every process's arguments to every local user."""
    for proc in Path("/proc").iterdir():
        try:
            arguments = (proc / "cmdline").read_bytes()
        except OSError:  # not a process, or gone
            continue
        assert b"analyst-password" not in arguments, proc


@pytest.mark.chaos
def test_a_runaway_transaction_fails_alone(own_server: neo4j_launcher.ServerInfo) -> None:
    """Issue 15, failure 3: one query's memory is bounded below the server's heap.

    Half a minute of a server filling its pool: in `make chaos`; `make test` checks the
    bounds the launcher writes (tests/unit/test_launcher_memory.py)."""
    auth = ("analyst", "analyst-password")
    with GraphDatabase.driver(own_server.uri, auth=auth) as driver:
        with pytest.raises(TransientError, match="MemoryPoolOutOfMemoryError"):
            driver.execute_query("UNWIND range(1, 30000000) AS i RETURN size(collect(i)) AS n")
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def test_a_load_over_the_transaction_memory_is_too_large_and_keeps_the_previous(
    own_server: neo4j_launcher.ServerInfo, seed_release: Release
) -> None:
    """Issue 22: an O*NET import with a small heap answered 500 after 44 s of retries.

    33 roles of 2 MB missions: far more than 96 MB of transaction state. The API answers
    TooLarge as 413 upload-too-large (tests/api/test_dataset_library_api.py)."""
    seed = seed_release.dataset
    mission = "x" * 2_000_000
    heavy = seed.model_copy(
        update={
            "id": "heavy",
            "links": (),
            "roles": tuple(r.model_copy(update={"mission": mission}) for r in seed.roles),
        }
    )
    light = Release(seed.model_copy(update={"id": "heavy", "links": ()}), (), POLICY)
    auth = (own_server.user, own_server.password)
    with GraphDatabase.driver(own_server.uri, auth=auth) as driver:
        store = Neo4jStore(driver, database="neo4j", timeout_s=60)
        store.save(light)
        with pytest.raises(TooLarge, match="transaction memory"):
            store.save(Release(heavy, (), POLICY))  # raised at once: never retried
        assert store.versions()["heavy"] == light.version
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1  # alive


def test_status_finds_it_and_stop_ends_it(
    own_state: Path, own_server: neo4j_launcher.ServerInfo
) -> None:
    """Last in the module: it stops the module's server."""
    assert neo4j_launcher.status(own_state) == own_server
    assert neo4j_launcher.start(port=None, state_dir=own_state) == own_server  # reused
    assert neo4j_launcher.stop(own_state) is True
    assert neo4j_launcher.status(own_state) is None
    assert not Path(f"/proc/{own_server.pid}").exists()
    assert neo4j_launcher.stop(own_state) is False
