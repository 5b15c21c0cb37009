"""Single points of failure: what a unit's roles require that at most one of its people holds."""

from __future__ import annotations

import numpy as np

from graph.algorithms.gap import competence_ref
from graph.workforce.groups import (
    own_needs,
    per_unit,
    placed_with_role,
    suppression_reason,
    unit_sizes,
)
from graph.workforce.index import NONE, WorkforceIndex
from graph.workforce.results import SinglePoint, SinglePoints, SuppressedUnit


def single_points_of_failure(index: WorkforceIndex, *, min_group_size: int) -> SinglePoints:
    """(unit, competence) pairs held at the required level by at most one person of the unit.

    The required level is the highest entry level the roles held in the unit state; anyone
    of the unit reaching it counts, whatever their role. Small units are withheld whole.
    """
    rows = placed_with_role(index)
    needs = own_needs(index, rows)
    needed_by = per_unit(index, rows, needs > 0)
    level = np.zeros_like(needed_by)
    np.maximum.at(level, index.unit_of[rows], needs.astype(np.int32))
    placed = np.flatnonzero(index.unit_of != NONE)
    reach = index.holdings[placed] >= level[index.unit_of[placed]]
    holders = per_unit(index, placed, reach)
    sizes = unit_sizes(index)
    reasons = [suppression_reason(int(size), min_group_size) for size in sizes]
    scale = index.snapshot.dataset.scale
    points = [
        SinglePoint(
            unit=index.units[u],
            competence=competence_ref(index.snapshot.competences[index.competences[c]]),
            level=int(level[u, c]),
            label=scale.label(int(level[u, c])),
            holders=int(holders[u, c]),
            needed_by=int(needed_by[u, c]),
        )
        for u, c in zip(*np.nonzero((level > 0) & (holders <= 1)), strict=True)
        if reasons[u] is None
    ]
    return SinglePoints(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        min_group_size=min_group_size,
        points=points,
        suppressed_units=[
            SuppressedUnit(unit=index.units[u], reason=reason)
            for u, reason in enumerate(reasons)
            if reason is not None
        ],
    )
