"""The local launcher: a loopback-only server, its own user, and a clean stop."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import TransientError

from app import neo4j_launcher

pytestmark = pytest.mark.neo4j

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


def start_or_give_up(state: Path, **login: str) -> neo4j_launcher.ServerInfo:
    """Start a private server; without Java or Maven that is a skip, or a failure under CI."""
    try:
        return neo4j_launcher.start(port=None, state_dir=state, **login)
    except neo4j_launcher.LauncherError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the local launcher cannot start Neo4j: {error}")
        pytest.skip(f"the local launcher cannot start Neo4j: {error}")


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[neo4j_launcher.ServerInfo]:
    """A private server started for user analyst, stopped after the module."""
    state = tmp_path_factory.mktemp("launcher")
    info = start_or_give_up(state, user="analyst", password="analyst-password")
    yield info
    neo4j_launcher.stop(state)


def test_the_server_listens_on_loopback_only(own_server: neo4j_launcher.ServerInfo) -> None:
    addresses = listening_addresses(own_server.pid)
    assert own_server.port in {port for _, port in addresses}
    assert {address for address, _ in addresses} <= LOOPBACK


def test_the_configured_user_can_log_in(own_server: neo4j_launcher.ServerInfo) -> None:
    auth = ("analyst", "analyst-password")
    with GraphDatabase.driver(own_server.uri, auth=auth) as driver:
        assert driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def test_status_finds_it_and_stop_ends_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    state = tmp_path_factory.mktemp("launcher-stop")
    info = start_or_give_up(state)
    assert neo4j_launcher.status(state) == info
    assert neo4j_launcher.start(port=None, state_dir=state) == info  # already running: reused
    assert neo4j_launcher.stop(state) is True
    assert neo4j_launcher.status(state) is None
    assert not Path(f"/proc/{info.pid}").exists()
    assert neo4j_launcher.stop(state) is False


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
