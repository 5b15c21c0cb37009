"""A throwaway local Neo4j Community server, started from Maven-resolved jars.

Developers and CI machines without a Docker engine still need a real Neo4j for
the `neo4j` test suite and for analysts trying the Cypher library. This module
resolves the server's jars with Maven (app/neo4j_pom.xml, cached in ~/.m2),
writes a loopback-only config into a per-user state directory and runs
`org.neo4j.server.CommunityEntryPoint` with Java 17 in the background.

Each start begins from an empty database. The password is set over Bolt (never
on a command line, where /proc would show it): the caller's, or a random one. The
state file (mode 0600) records it, so every careergraph command finds the server
and logs in without being told (app/settings.py `Settings.neo4j_target`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

from graph.cypher import load_query

DEFAULT_USER = "neo4j"
# A fresh server's built-in login, which must change its password before anything else.
FACTORY_PASSWORD = "neo4j"
DEFAULT_PORT = 7687
RATE_LIMITED = "Neo.ClientError.Security.AuthenticationRateLimit"
POM = Path(__file__).resolve().parent / "neo4j_pom.xml"
SERVER_CLASS = "org.neo4j.server.CommunityEntryPoint"
HEAP = "512m"
PAGE_CACHE = "128m"
# What transactions may hold on the heap, all together and each, in eighths of it (512m:
# 320m and 192m): a runaway query (a string doubling, a huge collect) fails with
# MemoryPoolOutOfMemoryError instead of running the server out of heap, and a larger
# heap admits larger imports. docker-compose.yml sets the same ratios.
TRANSACTIONS_EIGHTHS, TRANSACTION_EIGHTHS = 5, 3
BOLT_KEEP_ALIVE = "5s"
# What the neo4j start script would add on Java 17: Neo4j needs these opens for
# its off-heap page cache and Netty; the rest keeps failures diagnosable.
JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dlog4j2.disable.jmx=true",
)
# More JVM options, space-separated. The tests set -XX:TieredStopAtLevel=1 for the servers
# they start and stop within a minute: the optimising compiler took half their CPU (start
# and five seeds of the default dataset: 31.5 s of CPU, 17.8 s with the quick compiler).
EXTRA_JVM_OPTIONS = "CAREERGRAPH_NEO4J_JVM_OPTIONS"


def jvm_options() -> tuple[str, ...]:
    return (*JVM_OPTIONS, *shlex.split(os.environ.get(EXTRA_JVM_OPTIONS, "")))


Log = Callable[[str], None]


class LauncherError(RuntimeError):
    """The local server could not be started (the message says why and where the log is)."""


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    port: int
    uri: str
    user: str
    password: str = field(repr=False)
    home: str
    started_at: float


def default_state_dir() -> Path:
    """Per-user state: $XDG_STATE_HOME/careergraph/neo4j (default ~/.local/state/...)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "careergraph" / "neo4j"


def java_executable() -> str:
    """$JAVA_HOME/bin/java when set, else the `java` on PATH (Neo4j 5.26 needs 17 or 21)."""
    home = os.environ.get("JAVA_HOME")
    found = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not found or not Path(found).exists():
        raise LauncherError("no Java found: install a JDK 17 or set JAVA_HOME")
    return found


def status(state_dir: Path | None = None) -> ServerInfo | None:
    """The running server recorded in `state_dir`, or None if there is none alive."""
    state_file = (state_dir or default_state_dir()) / "state.json"
    if not state_file.exists():
        return None
    try:
        info = ServerInfo(**json.loads(state_file.read_text()))
    except (TypeError, ValueError):  # a state file of another version: not ours to use
        return None
    return info if _is_our_server(info) else None


def start(
    *,
    user: str = DEFAULT_USER,
    password: str = "",
    port: int | None = DEFAULT_PORT,
    state_dir: Path | None = None,
    timeout: float = 180.0,
    log: Log = lambda _: None,
    heap: str = HEAP,
) -> ServerInfo:
    """Start a fresh server (or return the one already running) once Bolt answers.

    `user` logs in with `password` (empty: a random one, recorded in the state file).
    `port=None` picks a free port, so concurrent test sessions do not collide.
    `heap` is the JVM heap (e.g. 512m, 3g); a transaction may use 3/8 of it (a whole
    dataset's seed is one transaction: ESCO-sized catalogues need more than the default).
    """
    state = state_dir or default_state_dir()
    running = status(state)
    if running is not None:
        log(f"already running (pid {running.pid})")
        return running
    bolt_port = port if port is not None else _free_port()
    if not _port_is_free(bolt_port):
        raise LauncherError(f"port {bolt_port} on 127.0.0.1 is taken; choose another with --port")
    password = password or secrets.token_urlsafe(18)
    home, conf = state / "home", state / "conf"
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(conf, ignore_errors=True)
    home.mkdir(parents=True)
    conf.mkdir(parents=True)
    (conf / "neo4j.conf").write_text(_config(home, bolt_port, heap))
    java, classpath = java_executable(), _classpath(log)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    server_log = state / "neo4j.log"
    log(f"starting Neo4j on 127.0.0.1:{bolt_port} (log: {server_log})")
    with server_log.open("wb") as out:
        process = subprocess.Popen(
            [
                java,
                f"-Xms{heap}",
                f"-Xmx{heap}",
                *jvm_options(),
                "-cp",
                classpath,
                SERVER_CLASS,
                f"--home-dir={home}",
                f"--config-dir={conf}",
                "--console-mode",
            ],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group: stop() signals the whole server
        )
    uri = f"bolt://127.0.0.1:{bolt_port}"
    info = ServerInfo(process.pid, bolt_port, uri, user, password, str(home), time.time())
    _write_private(state / "state.json", json.dumps(asdict(info)))
    try:
        _wait_for_bolt(process, info.uri, timeout, server_log)
        log("setting the password")
        _set_password(info.uri, password, user)
    except BaseException:
        stop(state)
        raise
    return info


def stop(state_dir: Path | None = None, *, timeout: float = 60.0) -> bool:
    """End the server cleanly (SIGTERM, then SIGKILL after `timeout`); False if none ran."""
    state = state_dir or default_state_dir()
    info = status(state)
    (state / "state.json").unlink(missing_ok=True)
    if info is None:
        return False
    os.killpg(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _is_our_server(info) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _is_our_server(info):
        os.killpg(info.pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(info.pid, 0)  # reap it when this process started it
    return True


def _eighths(size: str, eighths: int) -> str:
    """`eighths`/8 of a JVM size such as 512m or 3g, in megabytes."""
    match = re.fullmatch(r"([1-9][0-9]*)([mMgG])", size)
    if match is None:
        raise LauncherError(f"heap {size!r}: expected a size such as 512m or 2g")
    megabytes = int(match[1]) * (1024 if match[2] in "gG" else 1)
    return f"{megabytes * eighths // 8}m"


def _config(home: Path, port: int, heap: str) -> str:
    """Loopback only: Bolt on 127.0.0.1, HTTP(S) off, no usage reports; dirs inside `home`."""
    directories = {
        "data": "data",
        "logs": "logs",
        "run": "run",
        "plugins": "plugins",
        "import": "import",
        "lib": "lib",
        "licenses": "licenses",
        "transaction.logs.root": "data/transactions",
        "dumps.root": "data/dumps",
    }
    settings = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.usage_report.enabled": "false",
        "server.memory.pagecache.size": PAGE_CACHE,
        "db.memory.transaction.total.max": _eighths(heap, TRANSACTIONS_EIGHTHS),
        "db.memory.transaction.max": _eighths(heap, TRANSACTION_EIGHTHS),
        # Drivers stop waiting on a connection silent for keep_alive x probes (a hint the
        # server sends): a frozen server fails its clients' reads in 10 s, not never.
        "server.bolt.connection_keep_alive": BOLT_KEEP_ALIVE,
        "server.bolt.connection_keep_alive_probes": "2",
        "db.tx_log.rotation.retention_policy": "2 files",
        # Timeouts are checked every 2 s by default; the console's limits want it prompt.
        "db.transaction.monitor.check.interval": "200ms",
        # Netty's default quiet period makes every stop take ~10 s; a test server needs none.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
        **{f"server.directories.{key}": str(home / sub) for key, sub in directories.items()},
    }
    return "".join(f"{key}={value}\n" for key, value in settings.items())


def _classpath(log: Log) -> str:
    """Resolve the server's jars with Maven once per pom; reuse the list while the jars exist.

    The list is cached per user (not per state dir), so test sessions with a private
    state dir skip Maven's start-up too.
    """
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    cached = Path(cache_home) / "careergraph" / f"neo4j-classpath-{digest}.txt"
    cached.parent.mkdir(parents=True, exist_ok=True)
    if cached.exists():
        classpath = cached.read_text().strip()
        if all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LauncherError("Maven (mvn) is needed to resolve the Neo4j jars; install maven")
    log("resolving Neo4j jars with Maven (first time downloads ~150 MB into ~/.m2)")
    goal = ["dependency:build-classpath", f"-Dmdep.outputFile={cached}"]
    _run([mvn, "-q", "-B", "-f", str(POM), *goal], dict(os.environ))
    return cached.read_text().strip()


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise LauncherError(f"{command[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read: it holds the password."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(text)


def _wait_for_bolt(
    process: subprocess.Popen[bytes], uri: str, timeout: float, server_log: Path
) -> None:
    deadline = time.monotonic() + timeout
    with GraphDatabase.driver(uri, auth=(DEFAULT_USER, FACTORY_PASSWORD)) as driver:
        while True:
            if process.poll() is not None:
                tail = server_log.read_text(errors="replace")[-3000:]
                raise LauncherError(f"Neo4j exited with {process.returncode}:\n{tail}")
            try:
                driver.verify_connectivity()
                return
            except (ServiceUnavailable, OSError) as error:
                if time.monotonic() > deadline:
                    message = f"Bolt did not answer in {timeout:.0f}s; see {server_log}"
                    raise LauncherError(message) from error
                time.sleep(0.5)
            except AuthError as error:
                raise LauncherError(f"the server refused its factory login: {error}") from error
            except ClientError as error:
                # Another client's failed logins (a service waiting for this server) lock
                # the user for a few seconds; wait it out.
                if error.code != RATE_LIMITED or time.monotonic() > deadline:
                    raise LauncherError(f"the server refused its factory login: {error}") from error
                time.sleep(1)


def _set_password(uri: str, password: str, user: str) -> None:
    """Replace the factory password over Bolt (a parameter, not a command line).

    Community has one built-in admin (neo4j); another user is created beside it.
    """
    with GraphDatabase.driver(uri, auth=(DEFAULT_USER, FACTORY_PASSWORD)) as driver:
        driver.execute_query(
            load_query("admin/set_password"),
            old=FACTORY_PASSWORD,
            new=password,
            database_="system",
        )
    if user == DEFAULT_USER:
        return
    with GraphDatabase.driver(uri, auth=(DEFAULT_USER, password)) as driver:
        driver.execute_query(
            load_query("admin/create_user"), user=user, password=password, database_="system"
        )


def _is_our_server(info: ServerInfo) -> bool:
    """True when the recorded pid is alive and still this state's server (not a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{info.pid}/cmdline").read_bytes()
        stat = Path(f"/proc/{info.pid}/stat").read_text()
    except OSError:
        return False
    zombie = stat.rsplit(")", 1)[-1].split()[0] == "Z"
    return f"--home-dir={info.home}".encode() in cmdline and not zombie


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        # As the server binds: connections of a server just stopped (TIME_WAIT) do not
        # keep a new one off its port.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
