"""Workforce figures (issue 13's targets), on both stores, and what an analyst would read.

10,000 generated people on the default dataset: index build, bench strength for every
role, heatmap, single points of failure, what-if for one raise, best single raise for
every role; on the embedded store's files and on Neo4j (the service answers from the same
in-memory index on both; the analysts' Cypher library is timed too). Then 100,000 people
imported into Neo4j from a CSV file (parse, check, one write transaction) and the memory
of the service's index.

Uses NEO4J_URI when set, else a private local server (see neo4j_seed.py).
Run: .venv/bin/python tools/bench/workforce.py [--people 10000] [--big 100000] [--seed 42]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j_seed import DATABASE, server  # tools/bench/neo4j_seed.py

from graph.algorithms.links import release
from graph.cypher import load_query
from graph.datafiles import read_dataset
from graph.neo4j.connection import open_driver
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.workforce import Neo4jWorkforce
from graph.snapshot import Snapshot
from graph.workforce.bench import bench_board, bench_strength
from graph.workforce.best_raise import best_single_raise
from graph.workforce.csvfile import write_csv
from graph.workforce.files import WorkforceFiles
from graph.workforce.generate import generate
from graph.workforce.heatmap import heatmap
from graph.workforce.imports import read_people_file
from graph.workforce.index import WorkforceIndex
from graph.workforce.models import Workforce
from graph.workforce.spof import single_points_of_failure
from graph.workforce.store import WorkforceStore
from graph.workforce.whatif import WhatIfRaise, what_if
from seed import DATA_DIR

SOON, GROUP = 0.8, 5


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def median_ms(work: Callable[[], Any], runs: int = 7) -> float:
    work()  # warm: caches and lazy arrays
    return statistics.median(timed(work)[0] for _ in range(runs)) * 1000


def analyses(index: WorkforceIndex, label: str) -> None:
    """The service's answers on `index`, each the median of 7 runs."""
    raise_ = [WhatIfRaise(competence="B2", level=4, role="3.2")]
    figures = {
        "bench strength, every role": lambda: bench_board(index, SOON),
        "bench strength of 3.4 with 50 candidates": lambda: bench_strength(
            index, "3.4", threshold=SOON, limit=50
        ),
        "heatmap": lambda: heatmap(index, min_group_size=GROUP),
        "single points of failure": lambda: single_points_of_failure(index, min_group_size=GROUP),
        "what-if, one raise (B2 e-4 for the holders of 3.2)": lambda: what_if(
            index, raise_, threshold=SOON
        ),
        "best single raise, every role": lambda: [
            best_single_raise(index, r, threshold=SOON) for r in index.roles
        ],
    }
    for name, work in figures.items():
        print(f"  {label}: {name}: {median_ms(work):.0f} ms")


def indexed(snapshot: Snapshot, store: WorkforceStore, label: str) -> WorkforceIndex:
    seconds, index = timed(
        lambda: WorkforceIndex.build(snapshot, store.load(snapshot.id), store.version(snapshot.id))
    )
    print(
        f"  {label}: load + index {index.size} people: {seconds:.2f} s, "
        f"index memory {index.nbytes() / 1e6:.1f} MB"
    )
    return index


def findings(index: WorkforceIndex) -> None:
    """Three things an HR analyst would act on."""
    board = bench_board(index, SOON)
    held = [r for r in board.roles if r.holders > 0]
    thin = min(held, key=lambda r: (r.ready_now + r.ready_soon, -r.holders))
    print(
        f"  thinnest bench: {thin.role.code} {thin.role.title}: {thin.holders} holders, "
        f"{thin.ready_now} ready now, {thin.ready_soon} ready soon"
    )
    for threshold in (SOON, 0.7, 0.6):
        best = best_single_raise(index, thin.role.code, threshold=threshold)
        if best.best:
            b = best.best
            print(
                f"    best single raise (ready soon from {threshold:.0%}, {best.candidates} "
                f"candidates): {b.competence.code} {b.competence.title} to {b.label}: "
                f"+{b.ready_now_added} ready now, {b.level_steps} level steps"
            )
            break
        print(f"    ready soon from {threshold:.0%}: {best.reason}")
    ranked = sorted(
        (best_single_raise(index, r.role.code, threshold=SOON) for r in held),
        key=lambda a: -(a.best.ready_now_added if a.best else 0),
    )
    top = ranked[0]
    if top.best:
        print(
            f"  largest single-raise gain: {top.role.code} {top.role.title}: "
            f"{top.best.competence.code} to {top.best.label} makes "
            f"+{top.best.ready_now_added} of {top.candidates} candidates ready now"
        )
    points = single_points_of_failure(index, min_group_size=GROUP)
    zero = [p for p in points.points if p.holders == 0]
    print(
        f"  single points of failure: {len(points.points)} (unit, competence) pairs, "
        f"{len(zero)} with no holder at all; e.g. "
        + "; ".join(
            f"{p.unit} {p.competence.code} {p.label} needed by {p.needed_by}, held by {p.holders}"
            for p in sorted(points.points, key=lambda p: -p.needed_by)[:3]
        )
    )
    cells = [c for c in heatmap(index, min_group_size=GROUP).cells if not c.suppressed]
    weakest = sorted(cells, key=lambda c: (c.share or 0, -(c.people or 0)))[:3]
    print(
        "  weakest heatmap cells: "
        + "; ".join(f"{c.unit} {c.competence} {c.holding}/{c.people}" for c in weakest)
    )


def on_neo4j(
    snapshot: Snapshot, people: Workforce, embedded: WorkforceIndex, big: int, seed: int, work: Path
) -> None:
    with server() as target, open_driver(target) as driver:
        load_release_into_neo4j(driver, release(snapshot.dataset), database=DATABASE)
        neo4j = Neo4jWorkforce(driver, database=DATABASE, timeout_s=120)
        seconds, _ = timed(lambda: neo4j.replace(people))
        print(f"neo4j: replace {len(people.people)} people: {seconds:.1f} s")
        from_neo4j = indexed(snapshot, neo4j, "neo4j")
        assert bench_board(from_neo4j, SOON).roles == bench_board(embedded, SOON).roles
        analyses(from_neo4j, "neo4j")
        for name, params in LIBRARY:
            seconds, _ = timed(
                lambda name=name, params=params: driver.execute_query(
                    load_query(f"library/{name}"),
                    {"dataset": snapshot.id, **params},
                    database_=DATABASE,
                )
            )
            print(f"  neo4j: Cypher library {name}: {seconds:.1f} s")
        imported(snapshot, neo4j, big, seed, work)
        neo4j.replace(Workforce(dataset=snapshot.id))


LIBRARY = (
    ("workforce_bench", {"role": None, "threshold": None}),
    ("workforce_heatmap", {"min_group_size": None}),
    ("workforce_single_points", {"min_group_size": None}),
)


def imported(snapshot: Snapshot, neo4j: Neo4jWorkforce, big: int, seed: int, work: Path) -> None:
    """`big` people from a CSV file into Neo4j: read and check, then one write transaction."""
    seconds, people = timed(lambda: generate(snapshot.dataset, people=big, seed=seed))
    path = work / "people.csv"
    path.write_text(write_csv(people.people), encoding="utf-8")
    rows = sum(max(1, len(p.assessments)) for p in people.people)
    size = path.stat().st_size / 1e6
    print(f"{big} people generated in {seconds:.1f} s; CSV of {rows} rows, {size:.0f} MB")
    read_s, parsed = timed(lambda: read_people_file(path, snapshot.dataset))
    write_s, _ = timed(lambda: neo4j.replace(parsed))
    print(
        f"  import into Neo4j: read and check {read_s:.1f} s + one write transaction "
        f"{write_s:.1f} s = {read_s + write_s:.1f} s"
    )
    analyses(indexed(snapshot, neo4j, "neo4j"), f"neo4j, {big} people")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000, help="people imported into Neo4j")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    snapshot = Snapshot.build(release(read_dataset(DATA_DIR)))
    seconds, people = timed(lambda: generate(snapshot.dataset, people=args.people, seed=args.seed))
    assessed = sum(len(p.assessments) for p in people.people)
    print(f"generated {args.people} people ({assessed} assessments) in {seconds:.1f} s")
    with tempfile.TemporaryDirectory(prefix="careergraph-workforce-") as work:
        files = WorkforceFiles(Path(work) / "workforce")
        print(f"embedded store: write {timed(lambda: files.replace(people))[0]:.2f} s")
        embedded = indexed(snapshot, files, "embedded")
        analyses(embedded, "embedded")
        print(f"findings on {args.people} generated people (seed {args.seed}):")
        findings(embedded)
        on_neo4j(snapshot, people, embedded, args.big, args.seed, Path(work))


if __name__ == "__main__":
    main()
