"""The unit x competence heatmap: who holds what their own role requires, by unit."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import numpy as np

from graph.algorithms.gap import competence_ref
from graph.workforce.groups import own_needs, per_unit, placed_with_role, suppression_reason
from graph.workforce.index import WorkforceIndex
from graph.workforce.results import Heatmap, HeatmapCell

HEATMAP_COLUMNS = (
    "unit",
    "competence",
    "title",
    "people",
    "holding",
    "share",
    "suppressed",
    "reason",
)
HeatmapRow = tuple[str, str, str, int | None, int | None, float | None, bool, str | None]


def heatmap(index: WorkforceIndex, *, min_group_size: int) -> Heatmap:
    """Every non-empty (unit, competence) cell; cells over too few people are withheld."""
    rows = placed_with_role(index)
    needs = own_needs(index, rows)
    requires = needs > 0
    reaches = requires & (index.holdings[rows] >= needs)
    people, holding = per_unit(index, rows, requires), per_unit(index, rows, reaches)
    cells = list(_cells(index, people, holding, min_group_size))
    shown = sorted({c.competence for c in cells}, key=index.competences.index)
    return Heatmap(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        min_group_size=min_group_size,
        units=list(index.units),
        competences=[competence_ref(index.snapshot.competences[code]) for code in shown],
        cells=cells,
        suppressed=sum(c.suppressed for c in cells),
        left_out=index.size - len(rows),
    )


def _cells(
    index: WorkforceIndex, people: np.ndarray, holding: np.ndarray, min_group_size: int
) -> Iterator[HeatmapCell]:
    for u, c in zip(*np.nonzero(people), strict=True):
        count, held = int(people[u, c]), int(holding[u, c])
        reason = suppression_reason(count, min_group_size)
        yield HeatmapCell(
            unit=index.units[u],
            competence=index.competences[c],
            people=None if reason else count,
            holding=None if reason else held,
            share=None if reason else share_of(held, count),
            suppressed=reason is not None,
            reason=reason,
        )


def share_of(part: int, whole: int) -> float:
    """part / whole to 4 places, half-even on the exact ratio (1/160 is 0.0062, as in Cypher;
    rounding the float 0.00625000000000000035 would give 0.0063)."""
    return float(round(Fraction(part, whole), 4))


def heatmap_rows(answer: Heatmap, titles: dict[str, str]) -> list[HeatmapRow]:
    """One row per cell (HEATMAP_COLUMNS): the CSV export, and what heatmap.cypher returns."""
    return [
        (
            c.unit,
            c.competence,
            titles[c.competence],
            c.people,
            c.holding,
            c.share,
            c.suppressed,
            c.reason,
        )
        for c in answer.cells
    ]
