"""k_best_paths against brute force (paths_brute_force) on small random catalogues.

Few competences and few levels make many roles add nothing to what is held, so
equal costs, and equal costs with equal moves, are common: the ties are the point.
"""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.algorithms.paths import default_max_steps, k_best_paths
from graph.errors import NoPath
from graph.models import CareerLink, LinkKind
from graph.snapshot import Snapshot
from tests.factories import competence, role, snapshot_of, tiny_dataset
from tests.unit.paths_brute_force import answered, explained_cost, k_cheapest, usable_graph

COMPETENCES = ("A1", "B2", "C3", "E10")
# Codes that sort differently as text and as numbers (4.10 after 4.9).
ROLE_CODES = ("1.2", "1.10", "2.9", "2.10", "3.1", "3.10", "4.9", "4.10", "7.5")


@st.composite
def catalogues(draw: st.DrawFn) -> Snapshot:
    codes = draw(st.lists(st.sampled_from(ROLE_CODES), min_size=2, max_size=7, unique=True))
    roles = []
    for code in codes:
        needs = draw(st.dictionaries(st.sampled_from(COMPETENCES), st.integers(1, 3), max_size=3))
        roles.append(role(code, f"Role {code}", {c: [level] for c, level in needs.items()}))
    pairs = [(a, b) for a in codes for b in codes if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    kinds: list[LinkKind] = ["documented", "inferred"]
    links = [
        CareerLink(
            source=a,
            target=b,
            kind=draw(st.sampled_from(kinds)),
            coverage=0.5,
            level_steps=0,
            evidence="drawn",
        )
        for a, b in chosen
    ]
    dataset = tiny_dataset(links=()).model_copy(
        update={
            "competences": tuple(competence(c, [1, 2, 3]) for c in COMPETENCES),
            "roles": tuple(roles),
        }
    )
    return snapshot_of(dataset, links)


@st.composite
def questions(draw: st.DrawFn) -> tuple[Snapshot, str, str, set[str]]:
    """A catalogue, two distinct roles and roles to avoid (the two ends may be among them)."""
    snapshot = draw(catalogues())
    codes = sorted(snapshot.roles)
    source, target = draw(st.lists(st.sampled_from(codes), min_size=2, max_size=2, unique=True))
    return snapshot, source, target, draw(st.sets(st.sampled_from(codes), max_size=2))


checks = settings(max_examples=300, deadline=None)


@checks
@given(
    question=questions(),
    k=st.integers(1, 4),
    max_steps=st.integers(1, 5),
    only_documented=st.booleans(),
)
def test_answers_are_the_k_cheapest(
    question: tuple[Snapshot, str, str, set[str]], k: int, max_steps: int, only_documented: bool
) -> None:
    snapshot, source, target, avoid = question
    graph = usable_graph(snapshot, only_documented=only_documented, avoid=avoid - {source, target})
    expected = k_cheapest(
        graph, source, target, k=k, max_steps=max_steps, cost=explained_cost(snapshot)
    )
    got = answered(
        snapshot,
        source,
        target,
        k=k,
        max_steps=max_steps,
        only_documented=only_documented,
        avoid=avoid,
    )
    assert got == expected


@checks
@given(question=questions(), k=st.integers(1, 4))
def test_without_max_steps_the_bound_follows_the_fewest_moves(
    question: tuple[Snapshot, str, str, set[str]], k: int
) -> None:
    snapshot, source, target, avoid = question
    graph = usable_graph(snapshot, avoid=avoid - {source, target})
    linked = nx.has_path(graph, source, target)
    fewest = nx.shortest_path_length(graph, source, target) if linked else 0
    try:
        answer = k_best_paths(snapshot, source, target, k=k, avoid=avoid)
    except NoPath:
        # No links lead there, or no chain of within-reach steps within the default bound.
        assert not linked or not k_cheapest(
            graph,
            source,
            target,
            k=k,
            max_steps=default_max_steps(fewest),
            cost=explained_cost(snapshot),
        )
        return
    assert (answer.fewest_moves, answer.max_steps) == (fewest, default_max_steps(fewest))
    assert answer.max_steps_source == "default"
    expected = k_cheapest(
        graph, source, target, k=k, max_steps=answer.max_steps, cost=explained_cost(snapshot)
    )
    assert [(p.roles, p.cost) for p in answer.paths] == expected
