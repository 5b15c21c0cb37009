"""Can a weighting of relatedness's parts put the seed's stated moves in the top 5, and at
what cost on O*NET? (docs/recommendations.md, "Targets met, and not met".)

For every weighting of a grid (levels, titles, descriptions, family), the default next
moves of every role (no step-downs, documented links left out, as the harness ranks
them) from the parts' score matrices: on the seed, the place of each of the 8 stated
moves in its source's list (and in any direction); on the O*NET preset, P@10 and
nDCG@10 against Related Occupations for the weightings that place more stated moves in
the top 5 than the shipped one. The shipped weights give the harness's figures exactly.
Run: .venv/bin/python tools/bench/relatedness_grid.py
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from graph.algorithms.coverage import NEVER, Floats, rank_keys, round_like_python, smallest
from graph.algorithms.direction import DOWN, directions
from graph.algorithms.holdings import from_role
from graph.algorithms.similarity import (
    DESCRIPTION_WEIGHT,
    FAMILY_WEIGHT,
    TITLE_WEIGHT,
    Relatedness,
)
from graph.datafiles import read_dataset
from graph.evaluation import metrics
from graph.evaluation.truth import Truth, truth_for
from graph.formats.importing import import_bundle, read_path
from graph.formats.presets import packaged_file, preset
from graph.models import Dataset, natural_key
from seed import DATA_DIR

SHIPPED = (1.0, TITLE_WEIGHT, DESCRIPTION_WEIGHT, FAMILY_WEIGHT)
GRID = itertools.product(
    (0.25, 0.5, 1, 1.5, 2, 3),  # levels
    (0, 0.3, 0.6, 0.9, 1.2, 1.6, 2, 3),  # titles
    (0, 0.5, 1, 1.5, 2, 3, 4),  # descriptions
    (0, 0.1, 0.2, 0.5, 1),  # same family
)
Weights = tuple[float, float, float, float]


@dataclass(frozen=True)
class Parts:
    """Roles x roles: each part of relatedness, the level steps, and which moves go down."""

    codes: list[str]
    parts: tuple[Floats, Floats, Floats, Floats]
    steps: np.ndarray
    down: np.ndarray

    @classmethod
    def of(cls, dataset: Dataset) -> Parts:
        roles = sorted(dataset.roles, key=lambda r: natural_key(r.code))
        index = Relatedness.of(roles)
        levels = index.levels
        everyone = list(range(len(roles)))
        matrix = levels.matrix.astype(np.float64)
        norms = index.level_norms[:, None] * index.level_norms[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            cosines = np.where(norms > 0, (matrix @ matrix.T).toarray() / norms, 0.0)
        zones = np.array([r.job_zone or 0 for r in roles], dtype=np.int64)
        return cls(
            [r.code for r in roles],
            (
                cosines,
                (index.titles[everyone] @ index.titles.T).toarray(),
                (index.descriptions[everyone] @ index.descriptions.T).toarray(),
                (index.families[:, None] == index.families[None, :]).astype(np.float64),
            ),
            np.array([levels.steps_from(from_role(r)) for r in roles]),
            np.array(
                [
                    directions(int(levels.required[i]), r.job_zone, levels.required, zones) == DOWN
                    for i, r in enumerate(roles)
                ]
            ),
        )

    def rankings(self, weights: Weights, *, any_direction: bool = False) -> list[list[str]]:
        """Every role's next moves, best first, as graph.algorithms.moves ranks them."""
        levels, titles, descriptions, family = self.parts
        total = weights[0] * levels + weights[1] * titles + weights[2] * descriptions
        relatedness = round_like_python((total + weights[3] * family) / sum(weights))
        order = np.arange(len(self.codes), dtype=np.int64)
        out = []
        for row in range(len(self.codes)):
            keys = rank_keys(relatedness[row], self.steps[row], order)
            keys[row] = NEVER
            if not any_direction:
                keys[self.down[row]] = NEVER
            out.append([self.codes[i] for i in smallest(keys, len(self.codes))])
        return out


def places(
    parts: Parts, weights: Weights, stated: list[tuple[str, str]], **how: bool
) -> list[int | None]:
    ranked = dict(zip(parts.codes, parts.rankings(weights, **how), strict=True))
    return [ranked[s].index(t) + 1 if t in ranked[s] else None for s, t in stated]


def scores(parts: Parts, weights: Weights, truth: Truth) -> tuple[float, float]:
    rankings = dict(zip(parts.codes, parts.rankings(weights), strict=True))
    judged = [(rankings[c], truth.relevant[c]) for c in parts.codes if truth.relevant.get(c)]
    precision = sum(metrics.precision_at(r, relevant, 10) for r, relevant in judged)
    ndcg = sum(metrics.ndcg_at(r, relevant, 10) for r, relevant in judged)
    return precision / len(judged), ndcg / len(judged)


def in_top5(found: list[int | None]) -> int:
    return sum(place is not None and place <= 5 for place in found)


def main() -> None:
    seed = read_dataset(DATA_DIR)
    stated = [(link.source, link.target) for link in seed.links]
    seed_parts = Parts.of(seed)
    onet = import_bundle(
        read_path(packaged_file("onet")), "matrix", options=preset("onet").options
    ).dataset
    onet_parts, onet_truth = Parts.of(onet), truth_for(onet)
    assert onet_truth is not None
    shipped = places(seed_parts, SHIPPED, stated)
    print(f"stated moves: {stated}")
    print(
        f"shipped {SHIPPED}: places {shipped}; O*NET P@10 / nDCG@10 "
        f"{scores(onet_parts, SHIPPED, onet_truth)}"
    )
    counts: dict[int, int] = {}
    best: dict[tuple[str, str], tuple[int, Weights]] = {}
    for weights in GRID:
        found = places(seed_parts, weights, stated)
        counts[in_top5(found)] = counts.get(in_top5(found), 0) + 1
        for move, place in zip(stated, found, strict=True):
            best[move] = min(best.get(move, (99, weights)), (place or 99, weights))
        if in_top5(found) > in_top5(shipped):
            anywhere = places(seed_parts, weights, stated, any_direction=True)
            precision, ndcg = scores(onet_parts, weights, onet_truth)
            print(
                f"{weights}: places {found} (any direction {anywhere}); "
                f"O*NET P@10 {precision:.3f} nDCG@10 {ndcg:.3f}"
            )
    print(f"weightings by how many stated moves they place in the top 5: {sorted(counts.items())}")
    for move, (place, weights) in best.items():
        print(f"{move}: best place {place if place < 99 else 'left out'} (weights {weights})")


if __name__ == "__main__":
    main()
