"""How fast the embedded algorithms answer: every role pair, every role, every path.

Prints wall times for: loading + validating the seed, building the snapshot
(inferred links included), all 33 x 33 gaps (both bases), every role's next moves,
and k=3 paths for every ordered pair, with max_steps 4 and with the default bound.

    --baseline REF   also time REF's graph/algorithms/paths.py (e.g. 5d92d22, before
                     the exact search) at max_steps 4, and count the pairs whose
                     answer (roles and costs) differs from the current one, with
                     max_steps 4 and without max_steps
    --scale N        also time paths on a synthetic ESCO-shaped catalogue of N roles
                     (tools/bench/synthetic.py, links inferred by the default policy)

Run: .venv/bin/python -m tools.bench.algorithms [--baseline 5d92d22] [--scale 3000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import time
import types
from collections.abc import Callable

from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.algorithms.links import release
from graph.algorithms.moves import next_moves
from graph.algorithms.paths import k_best_paths
from graph.datafiles import read_dataset
from graph.errors import NoPath
from graph.models import natural_key
from graph.results import PathsAnswer
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tools.bench.synthetic import catalogue

PathsFunction = Callable[..., PathsAnswer]
Answers = dict[tuple[str, str], list[tuple[list[str], int]]]


def timed(label: str, work: Callable[[], int]) -> None:
    started = time.perf_counter()
    count = work()
    elapsed = time.perf_counter() - started
    per = f", {elapsed / count * 1000:.2f} ms each" if count > 1 else ""
    print(f"{label:<52} {elapsed * 1000:9.1f} ms  ({count} answers{per})")


def all_paths(
    snapshot: Snapshot, pairs: list[tuple[str, str]], paths: PathsFunction, **options: object
) -> tuple[Answers, list[float]]:
    """Each pair's k=3 answer (empty when there is no path) and each query's milliseconds."""
    answers: Answers = {}
    millis: list[float] = []
    for a, b in pairs:
        started = time.perf_counter()
        try:
            found = paths(snapshot, a, b, k=3, **options).paths
        except NoPath:
            found = []
        millis.append((time.perf_counter() - started) * 1000)
        answers[a, b] = [(p.roles, p.cost) for p in found]
    return answers, millis


def report(label: str, answers: Answers, millis: list[float]) -> None:
    ranked = sorted(millis)
    none = sum(1 for found in answers.values() if not found)
    print(
        f"{label:<52} {sum(millis):9.1f} ms  ({len(millis)} queries, "
        f"mean {statistics.mean(millis):.2f}, median {statistics.median(millis):.2f}, "
        f"p95 {ranked[int(0.95 * len(ranked))]:.2f}, max {ranked[-1]:.2f} ms; "
        f"{none} without a path)"
    )


def baseline_paths(ref: str) -> PathsFunction:
    """k_best_paths as graph/algorithms/paths.py was at git `ref`."""
    source = subprocess.run(
        ["git", "show", f"{ref}:graph/algorithms/paths.py"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    module = types.ModuleType(f"baseline_paths_{ref}")
    exec(compile(source, f"{ref}:graph/algorithms/paths.py", "exec"), module.__dict__)
    # An older answer may lack fields added since; only its paths are compared.
    module.PathsAnswer = PathsAnswer.model_construct  # type: ignore[attr-defined]
    return module.k_best_paths  # type: ignore[no-any-return]


def time_paths(
    snapshot: Snapshot, pairs: list[tuple[str, str]], what: str
) -> tuple[Answers, Answers]:
    """Answers with max_steps 4, and without max_steps."""
    given, given_ms = all_paths(snapshot, pairs, k_best_paths, max_steps=4)
    report(f"k=3 paths, max_steps 4, {what}", given, given_ms)
    default, default_ms = all_paths(snapshot, pairs, k_best_paths)
    report(f"k=3 paths, default bound, {what}", default, default_ms)
    return given, default


def changed(before: Answers, after: Answers, label: str) -> None:
    differ = [pair for pair in after if before[pair] != after[pair]]
    costs = sum(1 for p in differ if [c for _, c in before[p]] != [c for _, c in after[p]])
    print(f"  pairs answered differently {label}: {len(differ)} ({costs} with other costs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REF", help="git ref of an older paths.py")
    parser.add_argument("--scale", metavar="ROLES", type=int, help="synthetic catalogue size")
    args = parser.parse_args()

    holder: dict[str, Snapshot] = {}

    def load() -> int:
        holder["snapshot"] = Snapshot.build(release(read_dataset(DATA_DIR)))
        return 1

    timed("read seed + build snapshot", load)
    snapshot = holder["snapshot"]
    codes = sorted(snapshot.roles, key=natural_key)
    pairs = [(a, b) for a in codes for b in codes if a != b]

    def all_gaps() -> int:
        for basis in ("entry", "mastery"):
            for a in codes:
                for b in codes:
                    gap(snapshot, role_holder(snapshot, a), b, basis=basis)  # type: ignore[arg-type]
        return 2 * len(codes) ** 2

    def all_moves() -> int:
        for code in codes:
            next_moves(snapshot, role_holder(snapshot, code), limit=32)
        return len(codes)

    timed("all gaps, entry and mastery", all_gaps)
    timed("next moves for every role", all_moves)
    given, default = time_paths(snapshot, pairs, "every ordered pair")
    if args.baseline:
        # Before, max_steps defaulted to 4: the same answers with it given or not.
        before, before_ms = all_paths(snapshot, pairs, baseline_paths(args.baseline), max_steps=4)
        report(f"k=3 paths, max_steps 4, at {args.baseline}", before, before_ms)
        changed(before, given, "with max_steps 4")
        changed(before, default, "without max_steps")
    if args.scale:
        started = time.perf_counter()
        large = Snapshot.build(release(catalogue(args.scale)))
        print(
            f"synthetic catalogue: {len(large.roles)} roles, {large.career.number_of_edges()} "
            f"links, built in {time.perf_counter() - started:.1f} s"
        )
        rng = random.Random(2)
        large_codes = sorted(large.roles, key=natural_key)
        sample = [tuple(rng.sample(large_codes, 2)) for _ in range(200)]
        time_paths(large, sample, f"200 pairs of {args.scale} roles")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
