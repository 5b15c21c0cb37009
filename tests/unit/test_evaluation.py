"""The evaluation harness: its metrics against hand-computed tables, and the figures the
issue asks of the seed and of O*NET (docs/recommendations.md).

Targets the model does not reach yet are strict xfails with the measured figure in the
reason: they fail loudly the day they pass, and no unmet target counts as a pass.
"""

from __future__ import annotations

from functools import cache

import pytest

from graph.algorithms.direction import DirectionFilter
from graph.algorithms.holdings import role_holder
from graph.algorithms.links import release
from graph.algorithms.moves import next_moves
from graph.datafiles import read_dataset
from graph.evaluation import metrics
from graph.evaluation.harness import Evaluation, RankingScores, evaluate, model_alone
from graph.evaluation.harness import _next_moves as harness_next_moves
from graph.evaluation.truth import onet_codes, truth_for
from graph.formats.importing import import_bundle, read_path
from graph.formats.presets import packaged_file, preset
from graph.models import Dataset
from graph.snapshot import Snapshot
from seed import DATA_DIR

# --- metrics by hand ------------------------------------------------------------------------

RELEVANT = {"b": 3, "d": 1, "x": 2}  # x is never ranked
RANKED = ["a", "b", "c", "d", "e"]


def test_precision_and_recall_by_hand() -> None:
    # First 2: a, b -> 1 hit of 2. First 5: b, d -> 2 hits of 5; of the 3 relevant, 2 found.
    assert metrics.precision_at(RANKED, RELEVANT, 2) == 0.5
    assert metrics.precision_at(RANKED, RELEVANT, 5) == 0.4
    assert metrics.precision_at(RANKED, RELEVANT, 10) == 0.2  # a short list counts its gaps
    assert metrics.recall_at(RANKED, RELEVANT, 5) == pytest.approx(2 / 3)
    assert metrics.recall_at(RANKED, {}, 5) == 0.0


def test_ndcg_by_hand() -> None:
    # DCG: b (3) at place 2 -> 3 / log2(3) = 1.8928; d (1) at place 4 -> 1 / log2(5) = 0.4307.
    # Ideal: 3, 2, 1 at places 1..3 -> 3 + 2 / log2(3) + 1 / 2 = 4.7619. nDCG = 2.3235 / 4.7619.
    assert metrics.ndcg_at(RANKED, RELEVANT, 5) == pytest.approx(0.48794, abs=1e-5)
    assert metrics.ndcg_at(["b", "x", "d"], RELEVANT, 3) == pytest.approx(1.0)
    assert metrics.ndcg_at(["a"], {}, 3) == 0.0


def test_set_hits_and_median_by_hand() -> None:
    assert metrics.set_hits({"a", "b", "d"}, RELEVANT) == 2
    assert metrics.median([4, 1, 3]) == 3
    assert metrics.median([4, 1, 3, 10]) == 3.5


# --- truth sets -------------------------------------------------------------------------------


def test_onet_codes_map_by_code_or_by_title() -> None:
    seed = read_dataset(DATA_DIR)
    software, other = seed.roles[0], seed.roles[1]
    renamed = seed.model_copy(
        update={
            "roles": (
                software.model_copy(update={"code": "15-1252.00", "title": "anything"}),
                other.model_copy(update={"title": "Software Developers"}),
            )
        }
    )
    assert onet_codes(renamed) == {"15-1252.00": "15-1252.00", other.code: "15-1252.00"}
    assert truth_for(renamed) is not None  # every role maps: judged as O*NET
    assert truth_for(seed.model_copy(update={"id": "mine"})) is None  # no truth: ESCO, yours


# --- the seed -------------------------------------------------------------------------------


@cache
def seed_evaluation() -> Evaluation:
    result = evaluate(read_dataset(DATA_DIR))
    assert result is not None
    return result


def ranking(result: Evaluation, name: str) -> RankingScores:
    return next(r for r in result.rankings if r.name.startswith(name))


@pytest.mark.parametrize("direction", ["not-down", "any"])
def test_the_model_ranks_as_next_moves_lists(direction: DirectionFilter) -> None:
    """The harness ranks roles without writing each move's words: the same order."""
    snapshot = model_alone(read_dataset(DATA_DIR))
    for code in snapshot.roles:
        listed = next_moves(
            snapshot,
            role_holder(snapshot, code),
            limit=len(snapshot.roles),
            direction=direction,
            documented="exclude",
        )
        assert harness_next_moves(snapshot, code, direction) == [m.role.code for m in listed.moves]


def test_seed_top_three_moves_rarely_step_down() -> None:
    result = seed_evaluation()
    model, today = ranking(result, "model (default"), ranking(result, "today's rule")
    assert model.top3 >= 98 and model.step_downs_top3 <= 5  # the issue's target: at most 5
    assert today.step_downs_top3 == 51  # the issue's own count for the rule before


def test_seed_documented_moves_rank_high_without_their_link() -> None:
    places = seed_evaluation().stated_ranks
    assert len(places) == 8
    # Measured: 5 of 8 in the top 5 (2.1->7.5 3, 2.2->1.3 3, 2.2->2.1 2, 2.3->1.3 1,
    # 3.1->2.3 3); the rule before had 2 (3 and 1).
    assert sum(1 for p in places.values() if p is not None and p <= 5) >= 5


@pytest.mark.xfail(
    strict=True,
    reason="measured 5 of 8: 3.1->2.1 is 11th, 3.3->2.2 11th (a conditional move, 3.8 times "
    "the level mass), 4.4->4.1 is a step down the default leaves out; what each needs and "
    "costs on O*NET: docs/recommendations.md, 'The three unmet moves'",
)
def test_seed_every_documented_move_in_the_top_five() -> None:
    places = seed_evaluation().stated_ranks
    assert all(p is not None and p <= 5 for p in places.values())


# --- O*NET ------------------------------------------------------------------------------------


@cache
def onet_dataset() -> Dataset:
    options = preset("onet").options
    return import_bundle(read_path(packaged_file("onet")), "matrix", options=options).dataset


@cache
def onet_evaluation() -> Evaluation:
    result = evaluate(onet_dataset())
    assert result is not None
    return result


def test_the_truth_loaded_as_documented_links_does_not_grade_itself() -> None:
    dataset = onet_dataset()
    stated = [link for link in dataset.links if link.evidence.quote]
    assert len(stated) > 4000  # the preset loads Primary-Short Related Occupations
    assert all(link.evidence.quote.startswith("O*NET Related Occupations") for link in stated)
    snapshot = model_alone(dataset)
    assert snapshot.links and all(link.kind == "inferred" for link in snapshot.links)
    assert all("O*NET" not in link.evidence for link in snapshot.links)


def test_documented_moves_left_out_leave_the_model_alone() -> None:
    seed = read_dataset(DATA_DIR)
    stated, alone = Snapshot.build(release(seed)), model_alone(seed)
    for code in ("2.2", "3.1", "4.4"):  # sources of documented moves
        mine = next_moves(stated, role_holder(stated, code), documented="exclude")
        bare = next_moves(alone, role_holder(alone, code), documented="exclude")
        assert [m.role.code for m in mine.moves] == [m.role.code for m in bare.moves]
        assert not any(m.documented for m in mine.moves)


def test_onet_next_moves_reach_the_issue_targets_and_beat_the_baselines() -> None:
    result = onet_evaluation()
    assert result.judged == 894
    model = ranking(result, "model (default")
    cosine, today = ranking(result, "baseline: cosine"), ranking(result, "today's rule")
    assert model.precision_10 >= 0.60 and model.ndcg_10 >= 0.55  # measured 0.606, 0.586
    assert model.precision_10 > cosine.precision_10 > today.precision_10
    assert model.ndcg_10 > cosine.ndcg_10 > today.ndcg_10
    assert ranking(result, "baseline: random").precision_10 < 0.05


def test_onet_links_reach_the_issue_targets() -> None:
    links = onet_evaluation().links[0]
    assert links.median_out <= 25 and links.max_out <= 30  # measured 23, 23
    assert links.precision >= 0.40  # measured 0.417
    assert links.recall >= 0.50  # measured 0.503
