"""Unlocks: figures worked by hand on a literal catalogue, and the brute-force oracle.

The oracle (tests/oracles/unlocks_reference.py) tries every raise against every role;
the algorithm only looks at the roles a raise can change. They must agree raise for
raise, on the seed and on random small catalogues whose coverages sit near the threshold.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.algorithms.holdings import profile_holder, role_holder
from graph.algorithms.links import DEFAULT_POLICY, release
from graph.algorithms.moves import next_moves
from graph.algorithms.unlocks import unlocks
from graph.datafiles import read_dataset
from graph.results import Holder, UnlocksAnswer
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.factories import competence, role, snapshot_of, tiny_dataset
from tests.oracles.unlocks_reference import RaiseRow, every_raise, toward

THRESHOLD = DEFAULT_POLICY.threshold


@cache
def seed() -> Snapshot:
    return Snapshot.build(release(read_dataset(DATA_DIR)))


def rows(answer: UnlocksAnswer) -> list[RaiseRow]:
    return [
        (r.competence.code, r.before, r.after, [u.role.code for u in r.unlocks])
        for r in answer.raises
    ]


def test_tiny_catalogue_by_hand() -> None:
    # 3.2 holds B1@2 C1@1 (level mass 3). 4.1 (C1@1) is covered, and a step down. The
    # relevant roles are 3.2's first 2k = 2 next moves (k = a quarter of 4, at least 1):
    # 3.4, stated by the source, and 2.3, as unrelated as 1.1 (no shared competence or
    # title word) but 5 level steps away where 1.1 is 7.
    # 3.4 (A1@3 B1@4 B2@3, 10 required) has 2 of B1: 0.2; 2.3 (B2@2 E2@3, 5 required) 0.
    # E2 -> e-3 takes 2.3 to 3/5 = 0.6: within reach; E2 -> e-4, e-5 unlock it too, but
    # 2.3 is listed once, under the cheapest. Nothing reaches 3.4 with one raise.
    snapshot = snapshot_of(tiny_dataset())
    answer = unlocks(snapshot, role_holder(snapshot, "3.2"), limit=100)
    assert answer.within_reach == 1  # 4.1
    assert answer.total == len(answer.raises) == 1
    first = answer.raises[0]
    assert (first.competence.code, first.before, first.after, first.level_steps) == ("E2", 0, 3, 3)
    assert [(u.role.code, u.coverage_before, u.coverage_after) for u in first.unlocks] == [
        ("2.3", 0.0, 0.6)
    ]


def test_each_role_is_listed_once_and_only_relevant_roles_are() -> None:
    snapshot = seed()
    for code in snapshot.roles:
        holder = role_holder(snapshot, code)
        relevant = next_moves(snapshot, holder, limit=16).moves  # 2k, k = 8 on the seed
        listed = [
            u.role.code for r in unlocks(snapshot, holder, limit=100).raises for u in r.unlocks
        ]
        assert len(listed) == len(set(listed))
        assert set(listed) <= {m.role.code for m in relevant}
    # The Programmer's page no longer offers Help Desk Technician (a step down).
    programmer = unlocks(snapshot, role_holder(snapshot, "3.2"), limit=100)
    assert "5.2" not in {u.role.code for r in programmer.raises for u in r.unlocks}


def test_toward_a_target_ranks_by_steps_closed_per_step() -> None:
    # 3.2 -> 3.4: A1 0 -> 3 closes 3 with 3 steps (1 per step), B1 2 -> 4 closes 2 (1),
    # B2 0 -> 3 closes 3 (1); A1 -> e-4 closes 3 with 4 steps (0.75). Among 1 per step,
    # most closed first: A1 and B2 (3), in code order, then B1 -> e-4 (2).
    snapshot = snapshot_of(tiny_dataset())
    target = unlocks(snapshot, role_holder(snapshot, "3.2"), target="3.4").toward
    assert target is not None
    assert (target.level_steps, target.coverage) == (8, 0.2)
    best = [(r.competence.code, r.after, r.closes, r.closes_per_step) for r in target.raises[:4]]
    assert best == [("A1", 3, 3, 1.0), ("B2", 3, 3, 1.0), ("B1", 4, 2, 1.0), ("B2", 2, 2, 1.0)]
    assert target.raises[0].coverage_after == 0.5


def test_nothing_to_unlock_when_everything_is_within_reach() -> None:
    snapshot = snapshot_of(tiny_dataset())
    everything = {"A1": 5, "B1": 5, "B2": 4, "C1": 3, "E2": 5}
    answer = unlocks(snapshot, profile_holder(snapshot, everything), target="3.4")
    assert (answer.within_reach, answer.total, answer.raises) == (5, 0, [])
    assert answer.toward is not None and answer.toward.raises == []


SEED_HOLDERS = ["3.2", "5.2", "7.1", "4.7", "2.3"]


@pytest.mark.parametrize("code", SEED_HOLDERS)
def test_seed_roles_agree_with_the_oracle(code: str) -> None:
    snapshot = seed()
    holder = role_holder(snapshot, code)
    answer = unlocks(snapshot, holder, target="3.4" if code != "3.4" else "2.3", limit=500)
    assert rows(answer) == every_raise(snapshot, holder, THRESHOLD)
    assert answer.toward is not None
    expected = toward(snapshot, holder, answer.toward.role.code, THRESHOLD)
    assert [
        (r.competence.code, r.before, r.after, [u.role.code for u in r.unlocks])
        for r in answer.toward.raises
    ] == expected


def test_a_seed_self_assessment_agrees_with_the_oracle() -> None:
    snapshot = seed()
    holder = profile_holder(snapshot, {"B1": 3, "C1": 1, "E8": 2, "A6": 2, "D10": 3})
    answer = unlocks(snapshot, holder, limit=500)
    assert rows(answer) == every_raise(snapshot, holder, THRESHOLD)


def test_the_limit_keeps_the_best() -> None:
    snapshot = seed()
    holder = role_holder(snapshot, "3.2")
    every = unlocks(snapshot, holder, limit=500)
    assert unlocks(snapshot, holder, limit=3).raises == every.raises[:3]
    assert every.total == len(every.raises)


COMPETENCES = ("A1", "B2", "C3", "E10")
ROLE_CODES = ("1.2", "1.10", "2.9", "3.1", "4.9", "4.10", "7.5")


@st.composite
def catalogues(draw: st.DrawFn) -> tuple[Snapshot, Holder]:
    """Roles of 1 to 4 competences at e-1..e-4 (coverages often near 0.6), and a person."""
    codes = draw(st.lists(st.sampled_from(ROLE_CODES), min_size=1, max_size=7, unique=True))
    roles = []
    for code in codes:
        needs = draw(st.dictionaries(st.sampled_from(COMPETENCES), st.integers(1, 4), min_size=1))
        roles.append(role(code, f"Role {code}", {c: [level] for c, level in needs.items()}))
    dataset = tiny_dataset(links=()).model_copy(
        update={
            "competences": tuple(competence(c, [1, 2, 3, 4]) for c in COMPETENCES),
            "roles": tuple(roles),
        }
    )
    snapshot = snapshot_of(dataset, [])
    held = draw(st.dictionaries(st.sampled_from(COMPETENCES), st.integers(0, 4), min_size=1))
    if not any(held.values()):
        held = {"A1": 1}
    return snapshot, profile_holder(snapshot, held)


@settings(max_examples=300, deadline=None)
@given(case=catalogues(), threshold=st.sampled_from([0.5, 0.6, 0.6667, 0.75]))
def test_random_catalogues_agree_with_the_oracle(
    case: tuple[Snapshot, Holder], threshold: float
) -> None:
    snapshot, holder = case
    target = sorted(snapshot.roles)[0]
    answer = unlocks(snapshot, holder, target=target, limit=500, threshold=threshold)
    assert rows(answer) == every_raise(snapshot, holder, threshold)
    assert answer.toward is not None
    assert [
        (r.competence.code, r.before, r.after, [u.role.code for u in r.unlocks])
        for r in answer.toward.raises
    ] == toward(snapshot, holder, target, threshold)
