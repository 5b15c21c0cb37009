"""k_best_paths against brute force (paths_brute_force) on every ordered pair of the seed.

Every step of a path must be within reach of all held before it, so about half the
pairs have no path of at most 4 moves (learning the target directly is the answer
there); the counts below keep the comparison from passing on empty answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import networkx as nx
import pytest

from graph.algorithms.links import release
from graph.algorithms.paths import default_max_steps, k_best_paths
from graph.datafiles import read_dataset
from graph.errors import NoPath
from graph.models import natural_key
from graph.results import PathsAnswer
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.unit.paths_brute_force import Ranked, answered, explained_cost, k_cheapest, usable_graph

K = 3
SNAPSHOT = Snapshot.build(release(read_dataset(DATA_DIR)))
CODES = sorted(SNAPSHOT.roles, key=natural_key)
PAIRS = [(a, b) for a in CODES for b in CODES if a != b]
# A path costs the same whatever the question: explain each one once for the module.
cost = cache(explained_cost(SNAPSHOT))
# Inferred steps over every default answer's paths (counted so an empty run cannot pass).
STATED = 2856


def oracle(graph: nx.DiGraph, max_steps: int) -> Callable[[str, str], Ranked]:
    return lambda a, b: k_cheapest(graph, a, b, k=K, max_steps=max_steps, cost=cost)


def mismatches(expected: Callable[[str, str], Ranked], **options: object) -> tuple[list[str], int]:
    """The pairs whose answer differs from the oracle's, and how many pairs have a path."""
    answers = {(a, b): answered(SNAPSHOT, a, b, k=K, **options) for a, b in PAIRS}
    differ = [
        f"{a} -> {b}: {got} != {want}"
        for (a, b), got in answers.items()
        if got != (want := expected(a, b))
    ]
    return differ, sum(1 for found in answers.values() if found)


@pytest.mark.parametrize(("max_steps", "with_paths"), [(3, 193), (4, 247)])
def test_every_pair_gets_the_k_cheapest(max_steps: int, with_paths: int) -> None:
    expected = oracle(usable_graph(SNAPSHOT), max_steps)
    assert mismatches(expected, max_steps=max_steps) == ([], with_paths)


def test_every_pair_with_documented_links_only() -> None:
    """Six of the eight documented moves cover less than 60% of their target's entry
    levels: few chains of documented moves stay within reach."""
    expected = oracle(usable_graph(SNAPSHOT, only_documented=True), 4)
    assert mismatches(expected, max_steps=4, only_documented=True) == ([], 3)


@cache
def first_stop(source: str, target: str) -> tuple[str, ...]:
    """The first role between source and target on the best path, if any: a real detour."""
    found = answered(SNAPSHOT, source, target, k=1, max_steps=4)
    return tuple(found[0][0][1:-1][:1]) if found else ()


def test_every_pair_avoiding_the_best_paths_first_stop() -> None:
    def expected(a: str, b: str) -> Ranked:
        return oracle(usable_graph(SNAPSHOT, avoid=first_stop(a, b)), 4)(a, b)

    failed = [
        f"{a} -> {b} avoiding {avoid}: {got} != {want}"
        for a, b in PAIRS
        if (got := answered(SNAPSHOT, a, b, k=K, max_steps=4, avoid=(avoid := first_stop(a, b))))
        != (want := expected(a, b))
    ]
    assert failed == []
    assert sum(1 for a, b in PAIRS if first_stop(a, b)) > 150


@cache
def default_answer(source: str, target: str) -> PathsAnswer | None:
    """The paths answer as the API gives it by default (k = 3, default bound); None: no path."""
    try:
        return k_best_paths(SNAPSHOT, source, target, k=K)
    except NoPath:
        return None


def stated_steps(evidence: str) -> int | None:
    """The level steps an inferred move's evidence states ("..., 4 level steps to go; ...")."""
    found = re.search(r"(\d+) level steps? to go", evidence)
    return int(found[1]) if found else None


def test_every_step_states_its_own_level_steps() -> None:
    """Over every seed pair with a default answer: an inferred step's evidence states the
    step's own figures (from all held so far), never its link's (from the role alone)."""
    stated = differ = 0
    for a, b in PAIRS:
        for path in found.paths if (found := default_answer(a, b)) else []:
            for step in path.steps:
                if step.kind == "documented":
                    continue  # the document's own sentence, no figures
                stated += 1
                differ += stated_steps(step.evidence) != step.cost
                assert f"{step.coverage:.0%} of the target's entry levels" in step.evidence
    assert (stated, differ) == (STATED, 0)


def test_going_direct_is_said_better_exactly_when_it_is() -> None:
    """Within reach and fewer level steps than the best path: the answer says go direct."""
    better = [
        (a, b)
        for a, b in PAIRS
        if (found := default_answer(a, b))
        and found.direct.within_reach
        and found.direct.level_steps < found.paths[0].cost
    ]
    said = [(a, b) for a, b in PAIRS if (found := default_answer(a, b)) and found.direct.better]
    assert said == better and len(better) == 51
    assert all(default_answer(a, b).direct.text.startswith("go direct") for a, b in said)  # type: ignore[union-attr]
    assert ("1.3", "7.2") in said


def test_default_bound_follows_the_fewest_moves() -> None:
    """Without max_steps the bound is default_max_steps(fewest); wherever that bound is
    at most 4, the answer (or its absence) is the brute force's at that bound."""
    graph = usable_graph(SNAPSHOT)
    lengths = dict(nx.all_pairs_shortest_path_length(graph))
    compared = answers = unreachable = 0
    for a, b in PAIRS:
        if b not in lengths[a]:  # links never step down: some junior roles are unreachable
            unreachable += 1
            with pytest.raises(NoPath, match="No path"):
                k_best_paths(SNAPSHOT, a, b, k=K)
            continue
        fewest = lengths[a][b]
        found = default_answer(a, b)
        if found is None:
            got: Ranked = []
        else:
            answers += 1
            got = [(p.roles, p.cost) for p in found.paths]
            assert (found.fewest_moves, found.max_steps, found.max_steps_source) == (
                fewest,
                default_max_steps(fewest),
                "default",
            )
        if default_max_steps(fewest) <= 4:
            compared += 1
            assert got == oracle(graph, default_max_steps(fewest))(a, b), (a, b)
    # On the seed's 1,056 pairs under the version 3 relatedness links (titles, descriptions,
    # family): 152 unreachable, 337 answered, 569 compared with the brute force (the rest
    # have a default bound over 4). Before descriptions: 92, 354, 572.
    assert (compared, answers, unreachable) == (569, 337, 152)
