"""`make bench`: every figure of issue 14 in one run, printed as one table.

In order: HTTP on the embedded store (1 worker, with start-up and latency rows); a
private local Neo4j (or NEO4J_URI): the default dataset seeded, HTTP on the Neo4j
store, library latency next to `RETURN 1`, and the scale figures, each size also seeded;
then HTTP with 2 workers. Every HTTP ratio divides by a bare FastAPI app measured in the
same group (tools/bench/http_load.py). Needs wrk (`sudo apt-get install -y wrk`), and for
the Neo4j rows Java 17 + Maven (the launcher) or NEO4J_URI.

    .venv/bin/python -m tools.bench.run [--seconds 5] [--sizes 300 3000 30000]
                                        [--no-neo4j] [--write-docs docs/benchmarks.md]

`--write-docs` replaces the block between the bench markers of that file with this
run's machine, command and table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from neo4j import Driver

from tools.bench import http_load, scale, wrk
from tools.bench.table import Row, markdown, ms, ratio

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
CYPHER_RUNS = 200


def machine() -> str:
    """CPU, cores, memory, OS and Python, as one line."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kib / 1024**2:.0f} GiB; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}"
    )


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def library_rows(driver: Driver) -> list[Row]:
    """Library queries' latency next to `RETURN 1`, on the default dataset."""
    from tools.bench.neo4j_seed import library_latencies

    latencies = library_latencies(driver, CYPHER_RUNS)
    one = latencies["RETURN 1"][0]
    rows = []
    for label, (median, p95) in latencies.items():
        is_gap = label.startswith("gap.cypher")
        rows.append(
            Row(
                "Neo4j, Cypher library (READ routing)",
                label,
                f"p50 {ms(median)} = {ratio(median / one)} RETURN 1; p95 {ms(p95)}",
                "p50 within 3x RETURN 1" if is_gap else "",
                median <= 3 * one if is_gap else None,
            )
        )
    return rows


def neo4j_rows(args: argparse.Namespace, codes: list[str]) -> list[Row]:
    """The default dataset seeded, HTTP on the Neo4j store, library latency, scale."""
    from graph.algorithms.links import release
    from graph.datafiles import read_dataset
    from graph.neo4j.connection import open_driver
    from graph.neo4j.seeding import load_release_into_neo4j
    from seed import DATA_DIR
    from tools.bench.neo4j_seed import server

    rows: list[Row] = []
    with server(log) as target, open_driver(target) as driver:
        linked = release(read_dataset(DATA_DIR))
        started = time.perf_counter()
        load_release_into_neo4j(driver, linked, database=target.database)
        rows.append(
            Row(
                "Neo4j",
                "seed the default dataset (33 roles)",
                f"{time.perf_counter() - started:.2f} s",
            )
        )
        env = {
            "CAREERGRAPH_STORE": "neo4j",
            "NEO4J_URI": target.uri,
            "NEO4J_USER": target.user,
            "NEO4J_PASSWORD": target.password,
            "NEO4J_DATABASE": target.database,
            # A fresh JVM on a busy machine can take longer than the default 10 s to
            # hand over a dataset; the bench measures serving, not that first read.
            "NEO4J_TIMEOUT_S": "120",
        }
        rows += section(
            "HTTP, Neo4j store",
            lambda: http_load.group("Neo4j store", codes, env, run_s=args.seconds, workers=1)[0],
        )
        rows += section("Neo4j, Cypher library", lambda: library_rows(driver))
        if args.sizes:
            rows += section(
                "scale (synthetic ESCO-shaped)",
                lambda: scale.rows([scale.size_figures(n, env) for n in args.sizes]),
            )
    return rows


def section(name: str, work: Callable[[], list[Row]]) -> list[Row]:
    """The rows of one part of the run, or one row saying how it failed: the rest still runs."""
    log(name)
    try:
        return work()
    except Exception as error:
        log(f"{name} failed: {error}")
        message = str(error).strip().splitlines()
        return [Row(name, "failed", f"{type(error).__name__}: {message[-1] if message else ''}")]


def main() -> None:
    from graph.datafiles import read_dataset
    from graph.models import natural_key
    from seed import DATA_DIR

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="each measured wrk run")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(scale.SIZES))
    parser.add_argument("--no-neo4j", action="store_true", help="skip every Neo4j row")
    parser.add_argument("--write-docs", type=Path, metavar="FILE")
    args = parser.parse_args()
    try:
        wrk.require()
    except wrk.WrkMissing as missing:
        sys.exit(str(missing))
    command = "make bench" + (
        f" BENCH_ARGS={shlex.quote(' '.join(sys.argv[1:]))}" if sys.argv[1:] else ""
    )
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    codes = sorted((r.code for r in read_dataset(DATA_DIR).roles), key=natural_key)
    embedded = http_load.EMBEDDED

    rates: dict[str, float] = {}

    def one_worker() -> list[Row]:
        rows, _, loads = http_load.group(
            "embedded store", codes, embedded, run_s=args.seconds, workers=1
        )
        rates["gap"] = loads["GET gap 3.2 -> 3.4"].requests_per_s
        return rows

    rows = section("HTTP, embedded store, 1 worker", one_worker)
    if "gap" in rates:
        rows += section(
            "HTTP, embedded store, latency",
            lambda: http_load.latency_rows(
                codes, embedded, run_s=args.seconds, gap_rate=rates["gap"]
            ),
        )
    rows += section(
        "HTTP, embedded store, 2 workers",
        lambda: http_load.group("embedded store", codes, embedded, run_s=args.seconds, workers=2)[
            0
        ],
    )
    if args.no_neo4j:
        rows += section(
            "scale", lambda: scale.rows([scale.size_figures(n, None) for n in args.sizes])
        )
    else:
        rows += section("Neo4j", lambda: neo4j_rows(args, codes))
    load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    report = "\n".join(
        [
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
            f"Load average (1, 5, 15 min) before {load_before}, after {load_after}.",
            f"Command: `{command}`; wrk {wrk.THREADS} thread, {wrk.CONNECTIONS} connections, "
            f"{args.seconds:g} s per run after a 1 s warm-up.",
            "",
            markdown(rows),
        ]
    )
    print(report)
    if args.write_docs:
        text = args.write_docs.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        args.write_docs.write_text(f"{head}{BEGIN}\n{report}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
