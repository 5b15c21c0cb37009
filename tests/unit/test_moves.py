"""Next moves: the vectorised ranking equals the plain role-by-role definition, move for move.

The plain definition (tests/oracles/moves_reference.py) computes relatedness, direction
and the gap role by role in pure Python; the matrices are the speed.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.algorithms.direction import DOWN, LATERAL, UP, DirectionFilter, directions
from graph.algorithms.holdings import from_role, role_holder
from graph.algorithms.links import release
from graph.algorithms.moves import DocumentedMode, next_moves
from graph.algorithms.similarity import (
    DESCRIPTION_WEIGHT,
    FAMILY_WEIGHT,
    LONGEST_WORD,
    TITLE_WEIGHT,
    TOTAL_WEIGHT,
    Relatedness,
    words_of,
)
from graph.datafiles import read_dataset
from graph.models import Dataset
from graph.results import Holder, NextMoves
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.factories import snapshot_of, tiny_dataset
from tests.oracles.moves_reference import reference_ranking
from tests.strategies import COMPETENCES, datasets

# Held competences include one no role requires (D9): it must change nothing.
profiles = st.dictionaries(
    st.sampled_from([*COMPETENCES, "D9"]), st.integers(min_value=1, max_value=5), min_size=1
)
FILTERS: tuple[DirectionFilter, ...] = ("not-down", "any", "up", "lateral", "down")
MODES: tuple[DocumentedMode, ...] = ("include", "exclude", "only")


@cache
def seed() -> Snapshot:
    return Snapshot.build(release(read_dataset(DATA_DIR)))


def rows(answer: NextMoves) -> list[tuple[str, float, float, int, str, bool]]:
    return [
        (m.role.code, m.relatedness, m.coverage, m.level_steps, m.direction, m.documented)
        for m in answer.moves
    ]


def same_both_ways(snapshot: Snapshot, holder: Holder, limit: int) -> None:
    for wanted in FILTERS:
        for mode in MODES:
            answer = next_moves(snapshot, holder, limit=limit, direction=wanted, documented=mode)
            expected = reference_ranking(snapshot, holder, direction_filter=wanted, documented=mode)
            assert rows(answer) == expected[:limit], (wanted, mode)


@pytest.mark.parametrize("code", ["3.1", "3.2", "4.4", "5.2", "7.1"])
def test_seed_roles_get_the_same_moves_both_ways(code: str) -> None:
    snapshot = seed()
    same_both_ways(snapshot, role_holder(snapshot, code), len(snapshot.roles))


def test_every_seed_role_gets_the_same_default_moves() -> None:
    snapshot = seed()
    for code in snapshot.roles:
        holder = role_holder(snapshot, code)
        assert (
            rows(next_moves(snapshot, holder, limit=10)) == reference_ranking(snapshot, holder)[:10]
        )


def test_a_documented_move_comes_first_and_says_so() -> None:
    snapshot = seed()
    moves = next_moves(snapshot, role_holder(snapshot, "4.4"), limit=3).moves
    # 4.4 -> 4.1 is stated by the source and is a step down: stated moves stay, first.
    assert (moves[0].role.code, moves[0].documented, moves[0].direction) == ("4.1", True, "down")
    assert moves[0].why.startswith("the source states this move: ")
    alone = next_moves(snapshot, role_holder(snapshot, "4.4"), documented="exclude", limit=32)
    assert "4.1" not in {m.role.code for m in alone.moves}
    assert not any(m.documented for m in alone.moves)


def test_no_step_down_by_default_and_words_for_each_figure() -> None:
    snapshot = seed()
    for code in snapshot.roles:
        for move in next_moves(snapshot, role_holder(snapshot, code), documented="exclude").moves:
            assert move.direction != "down"
            assert "alike in what both ask" in move.why
            assert f"{move.level_steps} level steps to learn" in move.why
            assert f"a {'step up' if move.direction == 'up' else 'lateral move'}" in move.why


def test_job_zones_decide_the_direction_when_both_roles_have_one() -> None:
    dataset = tiny_dataset(links=())
    zoned = tuple(
        r.model_copy(update={"job_zone": 1 if r.code == "4.1" else 3}) for r in dataset.roles
    )
    snapshot = snapshot_of(dataset.model_copy(update={"roles": zoned}), [])
    moves = next_moves(snapshot, role_holder(snapshot, "4.1"), direction="any", limit=10).moves
    assert {m.direction for m in moves} == {"up"}
    assert all("O*NET Job Zone" in m.why for m in moves)
    back = next_moves(snapshot, role_holder(snapshot, "3.2"), direction="down", limit=10).moves
    assert [m.role.code for m in back] == ["4.1"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset=datasets(), held=profiles, limit=st.integers(min_value=1, max_value=20))
def test_random_catalogues_and_profiles_get_the_same_moves_both_ways(
    dataset: Dataset, held: dict[str, int], limit: int
) -> None:
    snapshot = Snapshot.build(release(dataset))
    holders = [Holder(kind="profile", holdings=held)]
    holders += [role_holder(snapshot, code) for code in snapshot.roles]
    for holder in holders:
        same_both_ways(snapshot, holder, limit)


def test_one_job_zone_lower_is_a_step_down_only_when_the_mass_agrees() -> None:
    # Source: zone 4, mass 100. Targets: zone 3 with mass 80 (lateral) and 60 (down: under
    # 75%), zone 2 with mass 100 (down: two zones), zone 5 with mass 50 (up: zones decide).
    masses = np.array([80, 60, 100, 50], dtype=np.int64)
    zones = np.array([3, 3, 2, 5], dtype=np.int64)
    assert directions(100, 4, masses, zones).tolist() == [LATERAL, DOWN, DOWN, UP]


def test_zoned_roles_get_the_same_moves_both_ways() -> None:
    # The seed with Job Zones by family (1 -> 5 ... 5 -> 1): the zone rule against the oracle.
    dataset = read_dataset(DATA_DIR)
    zoned = tuple(
        r.model_copy(update={"job_zone": max(1, 6 - int(r.code.split(".")[0]))})
        for r in dataset.roles
    )
    snapshot = Snapshot.build(release(dataset.model_copy(update={"roles": zoned})))
    for code in ("1.3", "2.2", "4.4", "5.2"):
        same_both_ways(snapshot, role_holder(snapshot, code), len(snapshot.roles))


def _cosine(
    words_a: list[str], weights_a: list[float], words_b: list[str], weights_b: list[float]
) -> float:
    theirs = dict(zip(words_b, weights_b, strict=True))
    return sum(
        w * theirs[word] for word, w in zip(words_a, weights_a, strict=True) if word in theirs
    )


def test_the_word_vectors_seeding_writes_give_the_relatedness_back() -> None:
    """What library/next_moves.cypher computes from the nodes' word lists, in plain Python."""
    roles = seed().roles
    index = Relatedness.of(roles.values())
    for source in ("3.1", "3.3", "4.4"):
        mine, a = from_role(roles[source]), index.word_vectors(source)
        expected = index.to_all(mine, source)
        for target, role in roles.items():
            theirs, b = from_role(role), index.word_vectors(target)
            levels = sum(mine[c] * theirs[c] for c in mine.keys() & theirs.keys()) / (
                math.hypot(*mine.values()) * math.hypot(*theirs.values())
            )
            total = (
                levels
                + TITLE_WEIGHT
                * _cosine(a.title_words, a.title_weights, b.title_words, b.title_weights)
                + DESCRIPTION_WEIGHT
                * _cosine(
                    a.description_words,
                    a.description_weights,
                    b.description_words,
                    b.description_weights,
                )
                + FAMILY_WEIGHT * (roles[source].family == role.family)
            ) / TOTAL_WEIGHT
            assert total == pytest.approx(expected[index.levels.rows[target]], abs=1e-12)
    assert all(index.word_vectors(code).description_words for code in roles)


def test_a_blob_of_letters_is_not_a_word() -> None:
    # A 2 MB mission of one letter (tests/neo4j/test_dataset_writes.py) would otherwise be
    # one "word" carried into every word vector the graph stores.
    blob = "x" * (LONGEST_WORD + 1)
    assert words_of(f"design {blob} networks") == ["design", "network"]
    assert words_of("x" * LONGEST_WORD) == ["x" * LONGEST_WORD]
