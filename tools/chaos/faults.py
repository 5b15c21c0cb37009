"""Faults for a local Neo4j and a load to watch them under (loopback only, bounded in time).

Used by the fault tests (tests/neo4j/test_faults.py, short runs) and by `make chaos`
(tools/chaos/run.py, long runs). A fault acts on a private server of the local
launcher (app/neo4j_launcher.py): stop it, freeze its process group (SIGSTOP), or
restart it empty. `Load` sends data reads and /health probes from threads and keeps
every answer, so a window of time can be judged afterwards.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app import neo4j_launcher
from app.neo4j_launcher import ServerInfo

# The snapshot-served reads that must not fail while the store is down.
DATA_READS = (
    "/api/v1/gap?from=3.2&to=3.4",
    "/api/v1/paths?from=3.2&to=3.4",
    "/api/v1/roles/3.2/next-moves",
)


@dataclass(frozen=True)
class Answer:
    kind: str  # "data" or "health"
    at: float  # monotonic time the request was sent
    ms: float
    status: int  # 0: no answer (connection error or timeout)


@dataclass(frozen=True)
class Window:
    """What the load saw between two instants."""

    data_answers: int
    data_failed: int
    health_answers: int
    health_failed: int
    health_p99_ms: float
    health_max_ms: float

    def row(self) -> dict[str, str]:
        return {
            "data answers": str(self.data_answers),
            "failed": str(self.data_failed),
            "/health p99 ms": f"{self.health_p99_ms:.1f}",
            "/health max ms": f"{self.health_max_ms:.1f}",
        }


@dataclass
class Load:
    """Data reads from `workers` threads and a /health probe every `health_every_s`."""

    base_url: str
    workers: int = 2
    health_every_s: float = 0.02
    timeout_s: float = 30.0
    answers: list[Answer] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> Load:
        self._threads = [
            threading.Thread(target=self._reads, args=(n,), daemon=True)
            for n in range(self.workers)
        ] + [threading.Thread(target=self._probes, daemon=True)]
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout_s + 5)

    def window(self, start: float, end: float) -> Window:
        seen = [a for a in list(self.answers) if start <= a.at < end]
        data = [a for a in seen if a.kind == "data"]
        health = [a for a in seen if a.kind == "health"]
        waits = sorted(a.ms for a in health) or [0.0]
        p99 = (
            statistics.quantiles(waits, n=100, method="inclusive")[98]
            if len(waits) > 1
            else waits[0]
        )
        return Window(
            data_answers=len(data),
            data_failed=sum(a.status != 200 for a in data),
            health_answers=len(health),
            health_failed=sum(a.status != 200 for a in health),
            health_p99_ms=p99,
            health_max_ms=waits[-1],
        )

    def _reads(self, worker: int) -> None:
        with httpx.Client(base_url=self.base_url, timeout=self.timeout_s) as client:
            n = worker
            while not self._stop.is_set():
                self._ask(client, "data", DATA_READS[n % len(DATA_READS)])
                n += 1

    def _probes(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=self.timeout_s) as client:
            while not self._stop.wait(self.health_every_s):
                self._ask(client, "health", "/health")

    def _ask(self, client: httpx.Client, kind: str, path: str) -> None:
        sent = time.monotonic()
        try:
            status = client.get(path).status_code
        except httpx.HTTPError:
            status = 0
        self.answers.append(Answer(kind, sent, (time.monotonic() - sent) * 1000, status))


CONSOLE_KEY = "chaos-console-key"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def service(
    server: ServerInfo, log: Path, *, check_every_s: float = 0.2, store_timeout_s: float = 10.0
) -> Iterator[str]:
    """`careergraph serve` in its own process on `server`, as in production; yields its URL.

    The login travels in the environment, never on a command line. The store is checked
    every `check_every_s` and waited on for at most `store_timeout_s`.
    """
    with serving(neo4j_env(server, check_every_s, store_timeout_s), log) as (base, _):
        yield base


def neo4j_env(server: ServerInfo, check_every_s: float, store_timeout_s: float) -> dict[str, str]:
    """The service's settings for `server` (the login in the environment, never argv)."""
    return {
        "NEO4J_URI": server.uri,
        "NEO4J_USER": server.user,
        "NEO4J_PASSWORD": server.password,
        "NEO4J_TIMEOUT_S": str(store_timeout_s),
        "CAREERGRAPH_STORE": "neo4j",
        "CAREERGRAPH_RELOAD_CHECK_S": str(check_every_s),
        "CAREERGRAPH_API_KEYS": f"chaos:console:{CONSOLE_KEY}",
    }


@contextmanager
def serving(
    settings: dict[str, str], log: Path, *, cwd: Path | None = None, start_s: float = 60
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`careergraph serve` in its own process with these settings (none other of the
    environment's), its code from `cwd` when given (another tree, for before/after figures);
    yields its URL and the process (a fault may kill it) once /health answers within
    `start_s`, and ends it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    env |= {"CAREERGRAPH_LOG_LEVEL": "WARNING", **settings}
    port = free_port()
    command = [sys.executable, "-c", "from app.cli.main import main; main()", "serve"]
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            env=env,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        seconds_until(lambda: answers(base, process), timeout=start_s, every=0.2)
        yield base, process
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        process.kill()  # nothing if it has ended
        process.wait()


def answers(base: str, process: subprocess.Popen[bytes]) -> bool:
    if process.poll() is not None:
        raise RuntimeError(f"the service exited with {process.returncode}")
    try:
        return httpx.get(f"{base}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def console(base_url: str, query: str = "RETURN 1 AS one") -> tuple[httpx.Response, float]:
    """A console query and the seconds it took to be answered."""
    started = time.monotonic()
    response = httpx.post(
        f"{base_url}/api/v1/cypher",
        json={"query": query},
        headers={"X-API-Key": CONSOLE_KEY},
        timeout=60,
    )
    return response, time.monotonic() - started


def stop(state_dir: Path) -> None:
    """Stop the server (SIGTERM, then SIGKILL): Bolt refuses connections."""
    neo4j_launcher.stop(state_dir)


@contextmanager
def frozen(server: ServerInfo) -> Iterator[None]:
    """Freeze the server's process group (SIGSTOP) for the block: Bolt accepts, never answers."""
    os.killpg(server.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(server.pid, signal.SIGCONT)


def restart_empty(server: ServerInfo, state_dir: Path) -> ServerInfo:
    """Stop the server and start it again, empty, on the same port with the same login."""
    neo4j_launcher.stop(state_dir)
    return neo4j_launcher.start(
        user=server.user, password=server.password, port=server.port, state_dir=state_dir
    )


def ready(base_url: str) -> dict:
    return dict(httpx.get(f"{base_url}/ready", timeout=5).json())


def table(columns: Sequence[str], rows: list[dict[str, str]]) -> str:
    """`rows` as a text table under `columns`."""
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    lines = [" | ".join(c.ljust(widths[c]) for c in columns)]
    lines.append("-|-".join("-" * widths[c] for c in columns))
    lines += [" | ".join(r[c].ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)


def seconds_until(check: Callable[[], bool], timeout: float, every: float = 0.05) -> float:
    """Seconds until `check()` holds; TimeoutError after `timeout`."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"not within {timeout:.0f} s")
        time.sleep(every)
    return time.monotonic() - started
