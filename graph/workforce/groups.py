"""Counting people by unit and competence, and the rule that withholds small groups."""

from __future__ import annotations

import numpy as np

from graph.workforce.index import NONE, Counts, Levels, WorkforceIndex


def suppression_reason(people: int, min_group_size: int) -> str | None:
    """Why an aggregate over `people` is withheld, or None when it may be shown."""
    if people >= min_group_size:
        return None
    return f"fewer than {min_group_size} people (the minimum group size)"


def per_unit(index: WorkforceIndex, rows: np.ndarray, values: np.ndarray) -> Counts:
    """units x competences: the sum of `values` (one row per person of `rows`) by unit."""
    totals = np.zeros((len(index.units), len(index.competences)), dtype=np.int32)
    np.add.at(totals, index.unit_of[rows], values.astype(np.int32))
    return totals


def unit_sizes(index: WorkforceIndex) -> Counts:
    placed = index.unit_of[index.unit_of != NONE]
    return np.bincount(placed, minlength=len(index.units)).astype(np.int32)


def placed_with_role(index: WorkforceIndex) -> np.ndarray:
    """Rows of the people with both a unit and a (known) role."""
    return np.flatnonzero((index.unit_of != NONE) & (index.role_of != NONE))


def own_needs(index: WorkforceIndex, rows: np.ndarray) -> Levels:
    """Per person of `rows`: their held role's entry level of each competence (0: not required)."""
    return index.entry[index.role_of[rows]]
