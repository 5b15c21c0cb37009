"""The evaluation harness: its metrics against hand-computed tables, and the figures the
issue asks of the seed and of O*NET (docs/recommendations.md).

Targets the model does not reach yet are strict xfails with the measured figure in the
reason: they fail loudly the day they pass, and no unmet target counts as a pass.
"""

from __future__ import annotations

from functools import cache

import pytest

from graph.datafiles import read_dataset
from graph.evaluation import metrics
from graph.evaluation.harness import Evaluation, RankingScores, evaluate
from graph.evaluation.truth import onet_codes, truth_for
from graph.formats.importing import import_bundle, read_path
from graph.formats.presets import packaged_file, preset
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


def test_seed_top_three_moves_rarely_step_down() -> None:
    result = seed_evaluation()
    model, today = ranking(result, "model (default"), ranking(result, "today's rule")
    assert model.top3 >= 98 and model.step_downs_top3 <= 5  # the issue's target: at most 5
    assert today.step_downs_top3 == 51  # the issue's own count for the rule before


def test_seed_documented_moves_rank_high_without_their_link() -> None:
    places = seed_evaluation().stated_ranks
    assert len(places) == 8
    # Measured: 5 of 8 in the top 5 (2.1->7.5 3, 2.2->1.3 3, 2.2->2.1 2, 2.3->1.3 2,
    # 3.1->2.3 2); the rule before had 2 (3 and 1).
    assert sum(1 for p in places.values() if p is not None and p <= 5) >= 5


@pytest.mark.xfail(
    strict=True,
    reason="measured 5 of 8: 3.1->2.1 is 10th, 3.3->2.2 13th (a conditional move, 3.8 times "
    "the level mass), 4.4->4.1 is a step down the default leaves out",
)
def test_seed_every_documented_move_in_the_top_five() -> None:
    places = seed_evaluation().stated_ranks
    assert all(p is not None and p <= 5 for p in places.values())


# --- O*NET ------------------------------------------------------------------------------------


@cache
def onet_evaluation() -> Evaluation:
    options = preset("onet").options
    dataset = import_bundle(read_path(packaged_file("onet")), "matrix", options=options).dataset
    result = evaluate(dataset)
    assert result is not None
    return result


def test_onet_next_moves_beat_today_and_the_baselines() -> None:
    result = onet_evaluation()
    assert result.judged == 894
    model = ranking(result, "model (default")
    cosine, today = ranking(result, "baseline: cosine"), ranking(result, "today's rule")
    assert model.precision_10 >= 0.50 and model.ndcg_10 >= 0.47  # measured 0.502, 0.477
    assert model.precision_10 > cosine.precision_10 > today.precision_10
    assert model.ndcg_10 > cosine.ndcg_10 > today.ndcg_10
    assert model.step_downs_top3 == 0
    assert ranking(result, "baseline: random").precision_10 < 0.05


def test_onet_links_are_sparse_and_precise() -> None:
    links = onet_evaluation().links[0]
    assert links.median_out <= 25 and links.max_out <= 30
    assert links.precision >= 0.40  # measured 0.428
    assert links.recall >= 0.33  # measured 0.337


@pytest.mark.xfail(
    strict=True,
    reason="measured P@10 0.502, nDCG@10 0.477: the preset keeps only the upper half of "
    "each rating (cosine of those levels: 0.491) and titles; see docs/recommendations.md",
)
def test_onet_next_moves_reach_the_issue_targets() -> None:
    model = ranking(onet_evaluation(), "model (default")
    assert model.precision_10 >= 0.60 and model.ndcg_10 >= 0.55


@pytest.mark.xfail(
    strict=True,
    reason="measured recall 0.337 at precision 0.428 (k = 15); recall 0.50 would need k near "
    "35 and precision would fall near 0.30",
)
def test_onet_links_reach_the_issue_recall() -> None:
    assert onet_evaluation().links[0].recall >= 0.50
