"""`make chaos`: Neo4j frozen, stopped and restarted empty under load, for minutes; a table.

    python -m tools.chaos.run [--seconds 30] [--workers 2]

Starts a private local Neo4j (Java + Maven, as `careergraph neo4j start`), seeds it,
runs `careergraph serve` on it in its own process, and keeps a load of gap / paths /
next-moves reads and /health probes on it (loopback only) while it:

1. runs with nothing wrong (the baseline),
2. freezes Neo4j (SIGSTOP of its process group) for --seconds, then thaws it,
3. stops Neo4j for --seconds,
4. starts it again empty for --seconds, then reseeds it.

For each phase it prints what the load saw (answers, failures, /health p99 and max),
what /ready said, what the console answered, and how many seconds the service took to
be ready again once Neo4j was back. Everything stops by itself; nothing is left running.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from neo4j import GraphDatabase

from app import neo4j_launcher
from app.neo4j_launcher import ServerInfo
from graph.algorithms.links import release
from graph.datafiles import read_dataset
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from seed import DATA_DIR
from tools.chaos import faults

COLUMNS = (
    "phase",
    "seconds",
    "data answers",
    "failed",
    "/health p99 ms",
    "/health max ms",
    "/ready said",
    "console",
    "recovery s",
)


def seed(server: ServerInfo) -> None:
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        load_release_into_neo4j(driver, release(read_dataset(DATA_DIR)), database="neo4j")
        Neo4jStore(driver, database="neo4j", timeout_s=120).load("cigref-2011")


@contextmanager
def seeded_neo4j(state_dir: Path) -> Iterator[ServerInfo]:
    """A private local Neo4j holding the seed, stopped when the block ends."""
    print(f"starting a private Neo4j in {state_dir} ...", flush=True)
    server = neo4j_launcher.start(port=None, state_dir=state_dir)
    try:
        seed(server)
        yield server
    finally:
        neo4j_launcher.stop(state_dir)


def readiness(base_url: str) -> str:
    ready = faults.ready(base_url)
    return ready["status"] + (f": {ready['reasons'][0][:60]}" if ready["reasons"] else "")


def console_said(base_url: str) -> str:
    response, seconds = faults.console(base_url)
    retry = response.headers.get("retry-after")
    leaks = "127.0.0.1" in response.text or "bolt://" in response.text
    return (
        f"{response.status_code} in {seconds:.1f}s"
        + (f", Retry-After {retry}" if retry else "")
        + (", LEAKS AN ADDRESS" if leaks else "")
    )


def is_ready(base_url: str) -> Callable[[], bool]:
    return lambda: faults.ready(base_url)["status"] == "ready"


class Phases:
    """Runs phases under one load and keeps a row for each."""

    def __init__(self, load: faults.Load, base_url: str, seconds: float) -> None:
        self.load, self.base_url, self.seconds = load, base_url, seconds
        self.rows: list[dict[str, str]] = []

    def run(self, name: str) -> dict[str, str]:
        """Watch `seconds` of load; ask the console in the middle, /ready near the end."""
        started = time.monotonic()
        time.sleep(self.seconds / 2)
        console = console_said(self.base_url)
        time.sleep(max(0.0, self.seconds - 1 - (time.monotonic() - started)))
        said = readiness(self.base_url)  # late in the phase: after the store's timeout
        time.sleep(max(0.0, self.seconds - (time.monotonic() - started)))
        ended = time.monotonic()
        row = {
            "phase": name,
            "seconds": f"{ended - started:.0f}",
            **self.load.window(started, ended).row(),
            "/ready said": said,
            "console": console,
            "recovery s": "",
        }
        self.rows.append(row)
        return row

    def recovered(self, row: dict[str, str]) -> None:
        row["recovery s"] = f"{faults.seconds_until(is_ready(self.base_url), 120):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30, help="length of each phase")
    parser.add_argument("--workers", type=int, default=2, help="threads sending data reads")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="careergraph-chaos-") as temp,
        seeded_neo4j(Path(temp)) as server,
    ):
        state = Path(temp)
        with (
            faults.service(server, state / "service.log") as base_url,
            faults.Load(base_url, workers=args.workers) as load,
        ):
            phases = Phases(load, base_url, args.seconds)
            print(f"service at {base_url}; {args.seconds:.0f} s a phase", flush=True)
            phases.run("baseline (nothing wrong)")
            with faults.frozen(server):
                frozen = phases.run("Neo4j frozen (SIGSTOP)")
            phases.recovered(frozen)  # from SIGCONT
            faults.stop(state)
            phases.run("Neo4j stopped")
            server = faults.restart_empty(server, state)
            empty = phases.run("Neo4j restarted empty")
            seed(server)
            phases.recovered(empty)  # from the reseed
        print()
        print(faults.table(COLUMNS, phases.rows))


if __name__ == "__main__":
    main()
