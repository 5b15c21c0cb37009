"""Paths from a self-assessment: the entry rule by hand, and the search against brute force.

The brute force lists every simple path from a stand-in node for the person, linked to
the roles the entry rule allows, over the usable career graph, costed step by step.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.algorithms.holdings import profile_holder
from graph.algorithms.links import LinkPolicy
from graph.algorithms.moves import entries
from graph.algorithms.paths import SELF_ASSESSMENT, explain_from, k_best_paths_from, start_of
from graph.errors import NoPath
from graph.snapshot import Snapshot
from tests.factories import snapshot_of, tiny_dataset
from tests.unit.paths_brute_force import cost_within_reach, k_cheapest, usable_graph
from tests.unit.test_paths_random import COMPETENCES, questions


def test_the_entry_rule_by_hand() -> None:
    # B1 e-2, C1 e-1 (a programmer's levels in the tiny catalogue, level mass 3): k is a
    # quarter of the 4 other roles, 1. 3.2 has exactly these levels (relatedness 1); 3.4
    # (A1@3 B1@4 B2@3) 8 / sqrt(5 * 34) = 0.61; 4.1 (mass 1) is a step down.
    snapshot = snapshot_of(tiny_dataset())
    chosen = entries(snapshot, {"B1": 2, "C1": 1})
    assert chosen == {"3.2": "1st most related role to the self-assessment"}
    wider = entries(snapshot, {"B1": 2, "C1": 1}, policy=LinkPolicy(top_k=4, share=1.0))
    assert list(wider) == ["3.2", "3.4", "2.3", "1.1"]


def test_a_self_assessment_keeps_what_it_holds() -> None:
    snapshot = snapshot_of(tiny_dataset())
    holder = profile_holder(snapshot, {"A1": 3, "B1": 4, "B2": 2})
    answer = k_best_paths_from(snapshot, holder, "3.4", k=1)
    # Holding A1 e-3 and B1 e-4 already, 3.4 costs one level of B2: one step.
    (path,) = answer.paths
    assert (path.roles, path.cost) == (["3.4"], 1)
    assert path.steps[0].from_ == SELF_ASSESSMENT


def brute_force(
    snapshot: Snapshot, held: dict[str, int], target: str, k: int, max_steps: int
) -> list[tuple[list[str], int]]:
    holder = profile_holder(snapshot, held)
    start = start_of(snapshot, holder)
    graph: nx.DiGraph = usable_graph(snapshot)
    graph.add_edges_from((SELF_ASSESSMENT, role) for role in start.entries)

    def cost(roles: tuple[str, ...]) -> int | None:  # roles[0] stands for the person
        return cost_within_reach(explain_from(snapshot, start, list(roles[1:])))

    found = k_cheapest(graph, SELF_ASSESSMENT, target, k=k, max_steps=max_steps, cost=cost)
    return [(roles[1:], spent) for roles, spent in found]


@settings(max_examples=200, deadline=None)
@given(
    question=questions(),
    held=st.dictionaries(st.sampled_from(COMPETENCES), st.integers(1, 3), min_size=1),
    k=st.integers(1, 4),
    max_steps=st.integers(1, 4),
)
def test_answers_are_the_k_cheapest(
    question: tuple[Snapshot, str, str, set[str]], held: dict[str, int], k: int, max_steps: int
) -> None:
    snapshot, _, target, _ = question
    expected = brute_force(snapshot, held, target, k, max_steps)
    holder = profile_holder(snapshot, held)
    try:
        answer = k_best_paths_from(snapshot, holder, target, k=k, max_steps=max_steps)
    except NoPath:
        assert expected == []
        return
    assert [(p.roles, p.cost) for p in answer.paths] == expected


def test_a_target_no_entry_leads_to_is_a_no_path_problem() -> None:
    # No links: from C1 e-1 the entries are 4.1 (1.0), 3.2 (1/3), then at 0 coverage 2.3
    # (5 steps) and 1.1 (7); 3.4 (10 steps) ranks fifth.
    snapshot = snapshot_of(tiny_dataset(), [])
    with pytest.raises(NoPath, match=r"No path from the self-assessment to 3\.4 Architect"):
        k_best_paths_from(snapshot, profile_holder(snapshot, {"C1": 1}), "3.4")
