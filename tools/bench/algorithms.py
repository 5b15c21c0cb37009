"""How fast the embedded algorithms answer: every role pair, every role, every path.

Prints wall times for: loading + validating the seed, building the snapshot
(inferred links included), all 33 x 33 gaps (both bases), every role's next moves,
and k=3 paths for every ordered pair, with max_steps 4 and with the default bound.

    --baseline REF   also time REF's graph/algorithms/paths.py (e.g. 5d92d22, before
                     the exact search) at max_steps 4, and count the pairs whose
                     answer (roles and costs) differs from the current one, with
                     max_steps 4 and without max_steps
    --scale N        also time paths on a synthetic catalogue of N roles (see synthetic)

Run: .venv/bin/python tools/bench/algorithms.py [--baseline 5d92d22] [--scale 3000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import time
import types
from collections.abc import Callable

from graph.algorithms.gap import figures, gap
from graph.algorithms.holdings import from_role, role_holder
from graph.algorithms.links import release
from graph.algorithms.moves import next_moves
from graph.algorithms.paths import k_best_paths
from graph.datafiles import read_dataset
from graph.errors import NoPath
from graph.models import CareerLink, CareerProfile, Requirement, Role, natural_key
from graph.release import Release
from graph.results import PathsAnswer
from graph.snapshot import Snapshot
from seed import DATA_DIR

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
    ).stdout
    module = types.ModuleType(f"baseline_paths_{ref}")
    exec(compile(source, f"{ref}:graph/algorithms/paths.py", "exec"), module.__dict__)
    # An older answer may lack fields added since; only its paths are compared.
    module.PathsAnswer = PathsAnswer.model_construct  # type: ignore[attr-defined]
    return module.k_best_paths  # type: ignore[no-any-return]


def synthetic(roles: int, *, links_per_role: int = 15, seed: int = 1) -> Snapshot:
    """A catalogue of `roles` roles in families of look-alikes, linked to their most reachable.

    The seed's 36 competences; roles/30 archetypes of 8-14 competences at e-1..e-4; each role is
    its archetype with two levels moved by one and two competences more. Each role
    links to its `links_per_role` most reachable roles (by coverage) among 40 random
    roles and 20 of its archetype, 5% of links documented. Role codes go beyond the
    nomenclature's 1.1..7.10, so the models are built without validation.
    """
    rng = random.Random(seed)
    seed_data = read_dataset(DATA_DIR)
    competences = [c.code for c in seed_data.competences]
    kinds = roles // 30
    archetypes = [
        {c: rng.randint(1, 4) for c in rng.sample(competences, rng.randint(8, 14))}
        for _ in range(kinds)
    ]
    made: list[Role] = []
    for i in range(roles):
        needs = dict(archetypes[i % kinds])
        for code in rng.sample(sorted(needs), 2):
            needs[code] = max(1, min(5, needs[code] + rng.choice((-1, 1))))
        for code in rng.sample(competences, 2):
            needs.setdefault(code, rng.randint(1, 3))
        family, number = i % 7 + 1, i // 7 + 1
        made.append(
            Role.model_construct(
                code=f"{family}.{number}",
                family=family,
                title=f"Role {family}.{number}",
                requirements=tuple(
                    Requirement(competence=c, levels=(n,)) for c, n in sorted(needs.items())
                ),
                career=CareerProfile(profile="", experience=""),
            )
        )
    links: list[CareerLink] = []
    for i, source in enumerate(made):
        alike = [made[(i + kinds * rng.randrange(1, roles // kinds)) % roles] for _ in range(20)]
        candidates = {r.code: r for r in [*rng.sample(made, 40), *alike] if r is not source}
        held = from_role(source)
        numbers = {code: figures(held, role) for code, role in candidates.items()}
        for code in sorted(numbers, key=lambda c: -numbers[c].coverage)[:links_per_role]:
            links.append(
                CareerLink(
                    source=source.code,
                    target=code,
                    kind="documented" if rng.random() < 0.05 else "inferred",
                    coverage=numbers[code].coverage,
                    level_steps=numbers[code].level_steps,
                    evidence="synthetic",
                )
            )
    dataset = seed_data.model_copy(update={"roles": tuple(made), "links": ()})
    return Snapshot.build(Release(dataset, tuple(links), "synthetic"))


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
        large = synthetic(args.scale)
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
