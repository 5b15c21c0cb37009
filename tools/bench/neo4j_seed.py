"""Neo4j figures: server start, seeding, counts, and library latency next to `RETURN 1`.

Uses NEO4J_URI when set (then nothing is wiped: the seed replaces what is there);
otherwise starts a private local server (app/neo4j_launcher.py) in a temporary
state directory, measures from an empty database, and stops it at the end.
Run: .venv/bin/python -m tools.bench.neo4j_seed [--runs 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from neo4j import Driver, RoutingControl

from app import neo4j_launcher
from app.settings import Settings
from graph.algorithms.links import release
from graph.cypher import load_query
from graph.datafiles import read_dataset
from graph.neo4j.connection import Neo4jTarget, open_driver
from graph.neo4j.seeding import load_release_into_neo4j
from seed import DATA_DIR

DATABASE = os.environ.get("NEO4J_DATABASE", "neo4j")
DATASET = "cigref-2011"  # library queries answer about one dataset: $dataset
# The whole seed of a dataset is one transaction, which may use 70% of the heap: a
# 3,000-role catalogue needs about 1 GiB of it (the launcher's default is 512 MiB).
HEAP = "3g"
LIBRARY_CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("RETURN 1", "RETURN 1 AS one", {}),
    ("gap.cypher 3.2 -> 3.4", "library/gap", {"source": "3.2", "target": "3.4", "basis": "entry"}),
    ("next_moves.cypher 3.2", "library/next_moves", {"source": "3.2", "limit": 10}),
    (
        "shortest_moves.cypher 5.2 -> 7.4",
        "library/shortest_moves",
        {"source": "5.2", "target": "7.4", "kinds": ["documented", "inferred"]},
    ),
]


@contextmanager
def server(log: Callable[[str], None] = print) -> Iterator[Neo4jTarget]:
    """NEO4J_URI, or a private local server for the run (its start time is logged)."""
    if os.environ.get("NEO4J_URI") and (given := Settings().neo4j_target()) is not None:
        log(f"server: {given.uri} (NEO4J_URI)")
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="careergraph-bench-") as state:
        started = time.perf_counter()
        info = neo4j_launcher.start(port=None, state_dir=Path(state), heap=HEAP)
        log(f"server: private local Neo4j, started in {time.perf_counter() - started:.1f} s")
        try:
            yield Neo4jTarget(info.uri, info.user, info.password, DATABASE)
        finally:
            neo4j_launcher.stop(Path(state))


def seconds(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def library_latencies(driver: Driver, runs: int) -> dict[str, tuple[float, float]]:
    """Median and p95 milliseconds of `RETURN 1` and of library queries on the seed."""
    return {
        label: latency_ms(
            driver,
            query if query.startswith("RETURN") else load_query(query),
            runs,
            dataset=DATASET,
            **params,
        )
        for label, query, params in LIBRARY_CASES
    }


def latency_ms(driver: Driver, query: str, runs: int, **params: Any) -> tuple[float, float]:
    """Median and 95th percentile of `runs` READ-routed executions, after 50 warm-ups."""

    def once() -> None:
        driver.execute_query(query, params, routing_=RoutingControl.READ, database_=DATABASE)

    for _ in range(50):  # a freshly started JVM is still compiling the query path
        once()
    times = sorted(seconds(once) * 1000 for _ in range(runs))
    return statistics.median(times), times[int(0.95 * (runs - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100, help="executions per latency figure")
    runs = parser.parse_args().runs
    linked = release(read_dataset(DATA_DIR))
    with server() as target, open_driver(target) as driver:
        version = driver.get_server_info().agent
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{version}, release {linked.version}; machine load average {load}")
        first = seconds(lambda: load_release_into_neo4j(driver, linked, database=DATABASE))
        again = [
            seconds(lambda: load_release_into_neo4j(driver, linked, database=DATABASE))
            for _ in range(5)
        ]
        print(f"seed, first load of the run (schema + rows):{first:6.2f} s")
        print(f"seed, reload of the same data (median of 5):  {statistics.median(again):6.2f} s")
        overview = driver.execute_query(
            load_query("library/overview"), dataset=DATASET, database_=DATABASE
        )
        nodes = {r["name"]: r["count"] for r in overview.records if r["kind"] == "node"}
        rels = {r["name"]: r["count"] for r in overview.records if r["kind"] == "relationship"}
        print(f"nodes: {sum(nodes.values())}  " + ", ".join(f"{k} {v}" for k, v in nodes.items()))
        print(
            f"relationships: {sum(rels.values())}  "
            + ", ".join(f"{k} {v}" for k, v in rels.items())
        )
        print(f"latency over {runs} runs, same driver, READ routing:")
        for label, (median, p95) in library_latencies(driver, runs).items():
            print(f"  {label:<34} median {median:6.2f} ms   p95 {p95:6.2f} ms")


if __name__ == "__main__":
    main()
