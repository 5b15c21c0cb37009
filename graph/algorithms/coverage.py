"""Coverage of every role at once: the roles x competences matrix of entry levels.

`graph.algorithms.gap.figures` computes one holder's level steps and coverage towards
one role; the functions here compute the same numbers for all roles in numpy, for the
algorithms that rank every role (career links, next moves). They give exactly what
`figures` gives, rounding included (tests/unit/test_coverage.py holds them equal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from graph.models import Role

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
# Rank keys pack (coverage, level steps, role order) into one int64, smallest first.
COVERAGE_SHIFT, STEPS_SHIFT = 40, 20
NEVER = np.iinfo(np.int64).max


@dataclass(frozen=True)
class EntryLevels:
    """Roles (rows, in the given order) x competences (columns): the entry level required."""

    codes: tuple[str, ...]
    rows: Mapping[str, int]  # role code -> row
    columns: Mapping[str, int]  # competence code -> column
    matrix: sparse.csr_array
    required: Ints  # per role: the sum of its entry levels (its required steps)

    @classmethod
    def of(cls, roles: Iterable[Role]) -> EntryLevels:
        codes: list[str] = []
        columns: dict[str, int] = {}
        rows, cols, levels = [], [], []
        for i, role in enumerate(roles):
            codes.append(role.code)
            for requirement in role.requirements:
                rows.append(i)
                cols.append(columns.setdefault(requirement.competence, len(columns)))
                levels.append(requirement.level)
        matrix = sparse.csr_array(
            (levels, (rows, cols)), shape=(len(codes), len(columns)), dtype=np.int64
        )
        required = np.asarray(matrix.sum(axis=1), dtype=np.int64)
        rows_of = {code: i for i, code in enumerate(codes)}
        return cls(tuple(codes), rows_of, columns, matrix, required)

    def steps_from(self, holdings: Mapping[str, int]) -> Ints:
        """Level steps from `holdings` to each role's entry levels."""
        held = np.zeros(len(self.columns), dtype=np.int64)
        for code, level in holdings.items():
            column = self.columns.get(code)
            if column is not None:
                held[column] = level
        short = np.maximum(self.matrix.data - held[self.matrix.indices], 0)
        row_of_entry = np.repeat(np.arange(len(self.codes)), np.diff(self.matrix.indptr))
        return np.bincount(row_of_entry, weights=short, minlength=len(self.codes)).astype(np.int64)


def rounded_coverage(steps: Ints, required: Ints) -> Floats:
    """1 - steps / required rounded to 4 places exactly as Python's round() does it.

    `required` broadcasts against `steps` (one value per column). numpy rounds x * 1e4,
    which can land on the other side of a half when the product is inexact; the few
    values that close to a tie are rounded by Python instead.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        raw: Floats = np.where(required > 0, 1 - steps / required, 1.0)
    return round_like_python(raw)


def round_like_python(raw: Floats) -> Floats:
    """`raw` rounded to 4 places exactly as Python's round() does it (see rounded_coverage)."""
    rounded: Floats = np.round(raw, 4)
    scaled = raw * 10_000
    for index in zip(*np.nonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6), strict=True):
        rounded[index] = round(float(raw[index]), 4)
    return rounded


def rank_keys(coverage: Floats, steps: Ints, order: Ints) -> Ints:
    """One sortable int per cell: higher coverage first, then fewer steps, then `order`."""
    shortfall = 10_000 - np.rint(coverage * 10_000).astype(np.int64)
    return (shortfall << COVERAGE_SHIFT) | (steps << STEPS_SHIFT) | order


def smallest(keys: Ints, k: int) -> list[int]:
    """Indices of the k smallest keys, smallest first (keys are unique; NEVER is never taken)."""
    k = min(k, int((keys != NEVER).sum()))
    if k <= 0:
        return []
    picked = np.argpartition(keys, k - 1)[:k]
    return [int(i) for i in picked[np.argsort(keys[picked])]]
