"""Score a dataset's recommendations against its truth set, beside baselines.

docs/recommendations.md holds the figures and says how to read them.

The model is judged alone: the dataset's documented links are left out before anything
is computed (a truth loaded as documented links would otherwise grade itself), and next
moves are asked with documented="exclude". Every ranker ranks every role's moves; the
metrics are averaged over the roles that have at least one related role in the truth.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from graph.algorithms.direction import STEP_DOWN, DirectionFilter
from graph.algorithms.holdings import role_holder
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, release
from graph.algorithms.moves import by_coverage, ranking
from graph.algorithms.similarity import Relatedness
from graph.evaluation import metrics
from graph.evaluation.truth import Truth, truth_for
from graph.models import Dataset
from graph.snapshot import Snapshot

DEPTH = 20  # places ranked per role: enough for P@10, R@20, nDCG@10
RANDOM_SEED = 20
Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class RankingScores:
    name: str
    precision_10: float
    recall_20: float
    ndcg_10: float
    step_downs_top3: int  # moves among all roles' first three that are step-downs
    top3: int  # moves among all roles' first three


@dataclass(frozen=True)
class LinkScores:
    name: str
    median_out: float
    max_out: int
    precision: float
    recall: float


@dataclass(frozen=True)
class Evaluation:
    dataset: str
    roles: int
    truth: str
    judged: int  # roles with a truth
    rankings: list[RankingScores]
    links: list[LinkScores]
    stated_ranks: dict[str, int | None] = field(default_factory=dict)  # "s->t": place


def evaluate(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> Evaluation | None:
    """The evaluation of `dataset`, or None when no truth set judges it."""
    truth = truth_for(dataset)
    if truth is None:
        return None
    snapshot = model_alone(dataset, policy=policy)
    judged = sorted(code for code in snapshot.roles if truth.relevant.get(code))
    rankers: dict[str, Ranker] = {
        "model (default: no step-downs)": _model(snapshot, "not-down"),
        "model, any direction": _model(snapshot, "any"),
        "today's rule (coverage)": lambda code: by_coverage(
            snapshot, role_holder(snapshot, code), limit=DEPTH
        ),
        "baseline: cosine of requirement profiles": _cosine(snapshot),
        f"baseline: random (seed {RANDOM_SEED})": _random(snapshot),
    }
    return Evaluation(
        dataset=dataset.id,
        roles=len(snapshot.roles),
        truth=truth.name,
        judged=len(judged),
        rankings=[_score(name, rank, snapshot, truth, judged) for name, rank in rankers.items()],
        links=[
            _link_scores("model links", _model_links(snapshot), truth, judged),
            _link_scores("today's rule links", _todays_links(snapshot), truth, judged),
        ],
        stated_ranks=_stated_ranks(dataset, snapshot),
    )


def model_alone(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> Snapshot:
    """`dataset` released without its documented links: only the model's inferred ones."""
    return Snapshot.build(release(dataset.model_copy(update={"links": ()}), policy=policy))


def _model(snapshot: Snapshot, direction: DirectionFilter) -> Ranker:
    return lambda code: _next_moves(snapshot, code, direction)[:DEPTH]


def _next_moves(
    snapshot: Snapshot, code: str, direction: DirectionFilter = "not-down"
) -> list[str]:
    """Every role next moves would offer the holder of `code`, in next moves' order, its
    documented moves left out: the order `next_moves` lists, without writing each move's
    words (building 894 explained moves per O*NET role doubled the evaluation's time)."""
    held = role_holder(snapshot, code).holdings
    rows, _, _ = ranking(snapshot, held, code, direction=direction, documented="exclude")
    return [snapshot.entry_levels.codes[row] for row in rows]


def _cosine(snapshot: Snapshot) -> Ranker:
    """The plain cosine of the entry-level vectors: no titles, no direction, no gap."""
    index = Relatedness.of(snapshot.roles.values())
    codes = snapshot.entry_levels.codes

    def rank(code: str) -> list[str]:
        held = {r.competence: r.level for r in snapshot.roles[code].requirements}
        scores = np.round(index.to_all(held, None), 12)
        order = sorted((i for i in range(len(codes)) if codes[i] != code), key=lambda i: -scores[i])
        return [codes[i] for i in order[:DEPTH]]

    return rank


def _random(snapshot: Snapshot) -> Ranker:
    generator = random.Random(RANDOM_SEED)
    codes = list(snapshot.entry_levels.codes)

    def rank(code: str) -> list[str]:
        return generator.sample([c for c in codes if c != code], min(DEPTH, len(codes) - 1))

    return rank


def _score(
    name: str, rank: Ranker, snapshot: Snapshot, truth: Truth, judged: list[str]
) -> RankingScores:
    required = dict(
        zip(snapshot.entry_levels.codes, snapshot.entry_levels.required.tolist(), strict=True)
    )
    precision = recall = ndcg = 0.0
    downs = top3 = 0
    for code in snapshot.entry_levels.codes:
        ranked = rank(code)
        first = ranked[:3]
        top3 += len(first)
        downs += sum(required[t] < STEP_DOWN * required[code] for t in first)
        if code in judged:
            relevant = truth.relevant[code]
            precision += metrics.precision_at(ranked, relevant, 10)
            recall += metrics.recall_at(ranked, relevant, 20)
            ndcg += metrics.ndcg_at(ranked, relevant, 10)
    count = max(1, len(judged))
    return RankingScores(name, precision / count, recall / count, ndcg / count, downs, top3)


def _model_links(snapshot: Snapshot) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {code: set() for code in snapshot.roles}
    for link in snapshot.links:
        out[link.source].add(link.target)
    return out


def _todays_links(snapshot: Snapshot) -> dict[str, set[str]]:
    """The rule before version 3: the 4 most covered roles, plus every role covered >= 60%."""
    levels = snapshot.entry_levels
    out = {}
    for code in levels.codes:
        holder = role_holder(snapshot, code)
        ranked = by_coverage(snapshot, holder, limit=len(levels.codes))
        steps = levels.steps_from(holder.holdings)
        covered = {
            levels.codes[i]
            for i in np.flatnonzero(steps <= (1 - 0.6) * levels.required).tolist()
            if levels.codes[i] != code
        }
        out[code] = set(ranked[:4]) | covered
    return out


def _link_scores(
    name: str, out: dict[str, set[str]], truth: Truth, judged: list[str]
) -> LinkScores:
    sizes = [len(targets) for targets in out.values()]
    hits = sum(metrics.set_hits(out[code], truth.relevant[code]) for code in judged)
    predicted = sum(len(out[code]) for code in judged)
    relevant = sum(len(truth.relevant[code]) for code in judged)
    return LinkScores(
        name,
        metrics.median(sizes),
        max(sizes),
        hits / predicted if predicted else 0.0,
        hits / relevant if relevant else 0.0,
    )


def _stated_ranks(dataset: Dataset, snapshot: Snapshot) -> dict[str, int | None]:
    """Where each documented move lands in its source's default next moves, the link left out."""
    ranked: dict[str, list[str]] = {}
    places: dict[str, int | None] = {}
    for link in dataset.links:
        if link.source not in ranked:  # one ranking per source, however many links leave it
            ranked[link.source] = _next_moves(snapshot, link.source)
        codes = ranked[link.source]
        places[f"{link.source}->{link.target}"] = (
            codes.index(link.target) + 1 if link.target in codes else None
        )
    return places
