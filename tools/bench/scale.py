"""Scale figures on synthetic ESCO-shaped catalogues (tools/bench/synthetic.py).

For each size, in fresh processes (so each peak RSS is that size's alone):
  generate and write the JSON files; then, as the embedded store does at start, import
  them (read + validate), infer the career links, build the snapshot; then time gap,
  next moves and paths (k=3, max 4 moves) on random role pairs, and paths up a family's
  ladder (a role to one 2-4 grades above it, tools/bench/synthetic.py: those have a
  path, where most random pairs of a big catalogue have none), computed (no cache);
  then seed Neo4j with the release when a server is given (NEO4J_URI and login).
The growth of each figure with size is the slope of a least-squares fit of
log(figure) on log(roles): 1 is linear, 2 quadratic.

Run: .venv/bin/python -m tools.bench.scale [--sizes 300 3000 30000] [--keep FILE]
     .venv/bin/python -m tools.bench.scale --tables FILE...     (one table of kept runs)
     .venv/bin/python -m tools.bench.scale --measure DIR        (one size, prints JSON)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Container, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tools.bench.servers import ROOT
from tools.bench.table import Row, markdown, ms, seconds

if TYPE_CHECKING:
    from graph.release import Release

SIZES = (300, 3_000, 30_000)
T = TypeVar("T")
SAMPLES = {"gap": 200, "next moves": 50, "paths": 50, "climbs": 50}
# Every step (generate, measure, seed) runs in a child killed after this: a run can't hang.
STEP_TIMEOUT_S = 1_800


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _median_ms(work: Callable[[], object], inputs: int) -> tuple[float, float, float]:
    """Median and largest milliseconds of `inputs` calls of `work` (each on new inputs), and
    the median CPU milliseconds: on a busy machine, wall time also counts waiting for a core."""
    times, cpu = [], []
    for _ in range(inputs):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def _timed(found: dict[str, Any], name: str, work: Callable[[], T]) -> T:
    """`work()`, its wall and CPU seconds kept in `found` (CPU time: on a busy machine, wall
    time also counts waiting for a core) and told on stderr as soon as known, so a step
    cut short by its timeout still shows how far it came."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = work()
    found[f"{name}_s"] = time.perf_counter() - started
    found[f"{name}_cpu_s"] = time.process_time() - started_cpu
    print(
        f"{name}: {found[f'{name}_s']:.1f} s, CPU {found[f'{name}_cpu_s']:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    return result


def measure(directory: Path) -> dict[str, Any]:
    """One size: import, links, snapshot, peak RSS and query latencies (run in a child)."""
    from graph.algorithms.gap import gap
    from graph.algorithms.holdings import role_holder
    from graph.algorithms.links import release
    from graph.algorithms.moves import next_moves
    from graph.algorithms.paths import k_best_paths
    from graph.datafiles import read_dataset
    from graph.errors import NoPath
    from graph.snapshot import Snapshot

    found: dict[str, Any] = {}
    dataset = _timed(found, "import", lambda: read_dataset(directory))
    linked = _timed(found, "links", lambda: release(dataset))
    snapshot = _timed(found, "snapshot", lambda: Snapshot.build(linked))
    found["peak_rss_mib"] = _peak_rss_mib()
    found["links"] = len(linked.links)
    found["competences"] = len(dataset.competences)
    found["requirements"] = sum(len(r.requirements) for r in dataset.roles)
    found |= _links_file(directory, linked)

    rng = random.Random(7)
    codes = sorted(snapshot.roles)

    def pair() -> tuple[str, str]:
        a, b = rng.sample(codes, 2)
        return a, b

    def one_gap() -> None:
        a, b = pair()
        gap(snapshot, role_holder(snapshot, a), b)

    def one_moves() -> None:
        next_moves(snapshot, role_holder(snapshot, rng.choice(codes)))

    def paths(a: str, b: str, name: str) -> None:
        try:
            k_best_paths(snapshot, a, b, k=3, max_steps=4)
        except NoPath:
            found[f"{name}_none"] = found.get(f"{name}_none", 0) + 1

    climbers = [code for code in codes if climb_target(code, 2, snapshot.roles) is not None]

    def one_climb() -> None:
        source = rng.choice(climbers)
        target = None
        while target is None:
            target = climb_target(source, rng.randint(2, 4), snapshot.roles)
        paths(source, target, "climbs")

    works = {
        "gap": one_gap,
        "next moves": one_moves,
        "paths": lambda: paths(*pair(), "paths"),
        "climbs": one_climb,
    }
    for name, work in works.items():
        work()  # warm-up, not counted
        found.pop(f"{name}_none", None)
        found[f"{name}_ms"] = _median_ms(work, SAMPLES[name])
    return found


def climb_target(code: str, grades: int, roles: Container[str]) -> str | None:
    """The role `grades` grades above `code` in its family (synthetic codes are
    family.grade), if the catalogue has it."""
    family, _, grade = code.partition(".")
    above = f"{family}.{int(grade) + grades}"
    return above if above in roles else None


def _links_file(directory: Path, linked: Release) -> dict[str, Any]:
    """Write the release's career-links.jsonl as an import does, then read it back as an
    open does (graph/stored_links.py); seconds each and its size."""
    from graph.stored_links import LINKS_FILE, links_file, stored_links

    started = time.perf_counter()
    for name, text in links_file(linked).items():
        (directory / name).write_text(text, encoding="utf-8")
    found: dict[str, Any] = {"links_write_s": time.perf_counter() - started}
    found["links_file_mb"] = (directory / LINKS_FILE).stat().st_size / 1e6
    started = time.perf_counter()
    read = stored_links(directory, linked.dataset, linked.link_policy)
    found["links_read_s"] = time.perf_counter() - started
    if read != linked.links:
        raise AssertionError("the stored links file did not read back as written")
    return found


def seed(directory: Path) -> dict[str, Any]:
    """Seed the release into the Neo4j of NEO4J_URI (run in a child), then remove it. The
    links are those the measure step stored (inferring them again doubled a 30,000-role run)."""
    from neo4j.exceptions import Neo4jError

    from app.settings import Settings
    from graph.algorithms.links import DEFAULT_POLICY, release
    from graph.datafiles import read_dataset
    from graph.neo4j.connection import open_driver
    from graph.neo4j.seeding import load_release_into_neo4j, remove_dataset_from_neo4j
    from graph.release import Release
    from graph.stored_links import stored_links

    dataset = read_dataset(directory)
    policy = DEFAULT_POLICY.fingerprint
    stored = stored_links(directory, dataset, policy)
    linked = release(dataset) if stored is None else Release(dataset, stored, policy)
    target = Settings().neo4j_target()
    assert target is not None, "NEO4J_URI is set by the caller"
    with open_driver(target) as driver:
        started = time.perf_counter()
        load_release_into_neo4j(driver, linked, database=target.database)
        found: dict[str, Any] = {"seed_s": time.perf_counter() - started}
        started = time.perf_counter()
        try:  # its own figure: a removal the server refuses must not hide the seed's
            remove_dataset_from_neo4j(driver, linked.dataset.id, database=target.database)
            found["remove_s"] = time.perf_counter() - started
        except Neo4jError as error:
            found["remove_error"] = f"after {time.perf_counter() - started:.0f} s: {error.code}"
    return found | {"seed_peak_rss_mib": _peak_rss_mib()}


def _child(what: str, directory: Path, env: Mapping[str, str], timeout: float) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench.scale", what, str(directory)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _step(what: str, directory: Path, env: Mapping[str, str]) -> dict[str, Any]:
    """The figures of one step's child, or its error under `<what>_error`."""
    try:
        return _child(f"--{what}", directory, env, timeout=STEP_TIMEOUT_S)
    except subprocess.TimeoutExpired as timeout:
        told = timeout.stderr.decode() if isinstance(timeout.stderr, bytes) else timeout.stderr
        done = "; ".join((told or "").strip().splitlines()) or "no step"
        return {f"{what}_error": f"not done after {STEP_TIMEOUT_S} s (finished: {done})"}
    except RuntimeError as error:
        return {f"{what}_error": str(error)}


def size_figures(roles: int, neo4j_env: Mapping[str, str] | None) -> dict[str, Any]:
    """Every figure of one size; a step that fails is reported as its error."""
    with tempfile.TemporaryDirectory(prefix=f"careergraph-scale-{roles}-") as temporary:
        directory = Path(temporary)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tools.bench.synthetic", str(roles), str(directory)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=STEP_TIMEOUT_S,
        )
        found: dict[str, Any] = {"roles": roles, "generate_s": time.perf_counter() - started}
        found |= _step("measure", directory, {})
        if neo4j_env is not None:
            found |= _step("seed", directory, neo4j_env)
    return found


def growth(points: list[tuple[int, float]]) -> float | None:
    """The slope of log(value) over log(roles), least squares; None under two points."""
    usable = [(math.log(n), math.log(v)) for n, v in points if v > 0]
    if len(usable) < 2:
        return None
    mean_x = statistics.mean(x for x, _ in usable)
    mean_y = statistics.mean(y for _, y in usable)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in usable) / sum(
        (x - mean_x) ** 2 for x, _ in usable
    )
    return slope


def _latency(found: dict[str, Any], query: str, which: int) -> float | None:
    figures = found.get(f"{query}_ms")
    return None if figures is None else float(figures[which])


# (label, how to read it from a size's figures, formatter, target at ESCO's size in its unit)
Figure = tuple[str, Callable[[dict[str, Any]], float | None], Callable[[float], str], float | None]
FIGURES: list[Figure] = [
    ("import (read + validate JSON)", lambda f: f.get("import_s"), seconds, None),
    ("import, CPU time", lambda f: f.get("import_cpu_s"), seconds, None),
    ("link inference", lambda f: f.get("links_s"), seconds, 60),
    ("link inference, CPU time", lambda f: f.get("links_cpu_s"), seconds, None),
    ("snapshot build", lambda f: f.get("snapshot_s"), seconds, 10),
    ("snapshot build, CPU time", lambda f: f.get("snapshot_cpu_s"), seconds, None),
    ("career-links.jsonl: write (import)", lambda f: f.get("links_write_s"), seconds, None),
    ("career-links.jsonl: read + check (open)", lambda f: f.get("links_read_s"), seconds, None),
    ("career-links.jsonl: size", lambda f: f.get("links_file_mb"), lambda v: f"{v:,.0f} MB", None),
    (
        "peak RSS: import + links + snapshot (MiB)",
        lambda f: f.get("peak_rss_mib"),
        lambda v: f"{v:,.0f} MiB",
        1024,
    ),
    ("gap p50", lambda f: _latency(f, "gap", 0), ms, 5),
    ("gap p50, CPU time", lambda f: _latency(f, "gap", 2), ms, None),
    ("next moves p50", lambda f: _latency(f, "next moves", 0), ms, 50),
    ("next moves p50, CPU time", lambda f: _latency(f, "next moves", 2), ms, None),
    ("paths k=3 max 4 moves, p50", lambda f: _latency(f, "paths", 0), ms, None),
    ("paths k=3 max 4 moves, p50, CPU time", lambda f: _latency(f, "paths", 2), ms, None),
    ("paths k=3 max 4 moves, max", lambda f: _latency(f, "paths", 1), ms, 200),
    (
        f"paths: random pairs with no path (of {SAMPLES['paths']})",
        lambda f: f.get("paths_none", 0) if "paths_ms" in f else None,
        lambda v: f"{v:.0f}",
        None,
    ),
    ("paths up a ladder (2-4 grades), p50", lambda f: _latency(f, "climbs", 0), ms, None),
    ("paths up a ladder, p50, CPU time", lambda f: _latency(f, "climbs", 2), ms, None),
    ("paths up a ladder, max", lambda f: _latency(f, "climbs", 1), ms, None),
    (
        f"paths up a ladder: pairs with no path (of {SAMPLES['climbs']})",
        lambda f: f.get("climbs_none", 0) if "climbs_ms" in f else None,
        lambda v: f"{v:.0f}",
        None,
    ),
    ("Neo4j seed", lambda f: f.get("seed_s"), seconds, 120),
    ("Neo4j: remove the dataset", lambda f: f.get("remove_s"), seconds, None),
]
ESCO_SIZE = 3_000


def rows(sizes: list[dict[str, Any]]) -> list[Row]:
    """One row per figure: its value at each size, the growth exponent, the ESCO target."""
    table = []
    for label, read, show, target in FIGURES:
        values = [(f["roles"], read(f)) for f in sizes]
        shown = "; ".join(
            f"{n:,}: {show(v) if v is not None else 'not measured'}" for n, v in values
        )
        exponent = growth([(n, v) for n, v in values if v is not None])
        if exponent is not None:
            shown += f"; growth n^{exponent:.2f}"
        esco = next((v for n, v in values if n == ESCO_SIZE), None)
        table.append(
            Row(
                "scale (synthetic ESCO-shaped)",
                label,
                shown,
                f"< {show(target)} at 3,000 roles" if target else "",
                None if target is None or esco is None else esco < target,
            )
        )
    errors = [
        f"{f['roles']:,} roles: {key.removesuffix('_error')}: {f[key]}"
        for f in sizes
        for key in ("measure_error", "seed_error", "remove_error")
        if key in f
    ]
    table += [Row("scale (synthetic ESCO-shaped)", "failed", error) for error in errors]
    shapes = "; ".join(
        f"{f['roles']:,} roles: {f.get('competences', 0):,} competences, "
        f"{f.get('requirements', 0):,} requirements, "
        + (f"{f['links']:,} links" if "links" in f else "links not inferred")
        for f in sizes
    )
    table.insert(0, Row("scale (synthetic ESCO-shaped)", "catalogues", shapes))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="also write each size's figures here (JSON)")
    parser.add_argument(
        "--tables", type=Path, nargs="+", help="print the table of figures kept by --keep runs"
    )
    args = parser.parse_args()
    if args.tables:
        kept = [f for path in args.tables for f in json.loads(path.read_text())]
        print(markdown(rows(sorted(kept, key=lambda f: int(f["roles"])))))
        return
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    if args.seed:
        print(json.dumps(seed(args.seed)))
        return
    neo4j = {"NEO4J_URI": os.environ["NEO4J_URI"]} if os.environ.get("NEO4J_URI") else None
    found = [size_figures(n, neo4j) for n in args.sizes]
    if args.keep:
        args.keep.write_text(json.dumps(found))
    print(markdown(rows(found)))


if __name__ == "__main__":
    main()
