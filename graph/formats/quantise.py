"""Numeric ratings into proficiency levels: thresholds, and what they chose.

A quantisation is a rising list of thresholds t1 < t2 < ... < tn, one per level:
a rating r is level k when tk <= r < t(k+1) (the top level has no upper end), and a
rating below t1, the floor, is "not required". Two ways to get the thresholds:

- equal width: n levels of equal width between the floor and the top (by default the
  highest rating in the data): tk = floor + (k - 1) * (top - floor) / n;
- explicit: the thresholds as given (their first is the floor).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from graph.errors import DatasetError

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Quantisation:
    thresholds: tuple[float, ...]
    labels: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.thresholds:
            raise DatasetError("quantisation: at least one level is needed")
        if any(b <= a for a, b in zip(self.thresholds, self.thresholds[1:], strict=False)):
            raise DatasetError(
                f"quantisation: thresholds must rise strictly, got {list(self.thresholds)}"
            )
        if len(self.labels) != len(self.thresholds):
            raise DatasetError(
                f"quantisation: {len(self.labels)} labels for {len(self.thresholds)} levels"
            )

    @classmethod
    def equal_width(
        cls, levels: int, floor: float, top: float, labels: Sequence[str] | None = None
    ) -> Quantisation:
        if levels < 1:
            raise DatasetError(f"quantisation: {levels} levels; at least 1 is needed")
        if top <= floor:
            raise DatasetError(
                f"quantisation: every rating is at or below the floor {floor:g} "
                f"(the highest is {top:g}); lower the floor"
            )
        width = (top - floor) / levels
        thresholds = tuple(floor + k * width for k in range(levels))
        return cls(thresholds, tuple(labels) if labels else default_labels(levels))

    @classmethod
    def explicit(
        cls, thresholds: Sequence[float], labels: Sequence[str] | None = None
    ) -> Quantisation:
        return cls(tuple(thresholds), tuple(labels) if labels else default_labels(len(thresholds)))

    @property
    def floor(self) -> float:
        return self.thresholds[0]

    def levels(self, ratings: Floats) -> npt.NDArray[np.int64]:
        """The level of each rating, 0 below the floor (NaN, an empty cell, is 0 too)."""
        found = np.searchsorted(np.asarray(self.thresholds), ratings, side="right")
        return np.where(np.isnan(ratings), 0, found).astype(np.int64)

    def describe(self, level: int) -> str:
        """What a level stands for, e.g. 'rating 0.6 to under 0.7' (a level's descriptor)."""
        low = self.thresholds[level - 1]
        if level == len(self.thresholds):
            return f"rating {low:.4g} or more"
        return f"rating {low:.4g} to under {self.thresholds[level]:.4g}"


def default_labels(levels: int) -> tuple[str, ...]:
    return tuple(f"L{n}" for n in range(1, levels + 1))


@dataclass(frozen=True)
class QuantisationReport:
    """What a quantisation chose over a whole matrix, for the importer to show."""

    thresholds: tuple[float, ...]
    labels: tuple[str, ...]
    per_level: tuple[int, ...]  # requirements at each level 1..n
    below_floor: int  # rated cells left out (below the floor, or empty)
    per_role: tuple[int, float, int]  # requirements per role: min, median, max
    roles_without: tuple[str, ...]  # roles left with no requirement
    competences_unused: tuple[str, ...]  # competences no role requires

    @classmethod
    def of(
        cls,
        quantisation: Quantisation,
        levels: npt.NDArray[np.int64],
        roles: Sequence[str],
        competences: Sequence[str],
    ) -> QuantisationReport:
        required = levels > 0
        per_role = required.sum(axis=1)
        counts_per_role = [int(n) for n in per_role]
        used: list[bool] = np.asarray(required.any(axis=0), dtype=bool).tolist()
        counts = np.bincount(levels.ravel(), minlength=len(quantisation.thresholds) + 1)
        return cls(
            thresholds=quantisation.thresholds,
            labels=quantisation.labels,
            per_level=tuple(int(n) for n in counts[1:]),
            below_floor=int(counts[0]),
            per_role=(
                min(counts_per_role, default=0),
                float(statistics.median(counts_per_role or [0])),
                max(counts_per_role, default=0),
            ),
            roles_without=tuple(r for r, n in zip(roles, per_role, strict=True) if n == 0),
            competences_unused=tuple(
                c for c, is_used in zip(competences, used, strict=True) if not is_used
            ),
        )

    def lines(self) -> list[str]:
        """The report as a person reads it."""
        low, median, high = self.per_role
        levels = ", ".join(
            f"{label} (from {t:.4g}): {n}"
            for label, t, n in zip(self.labels, self.thresholds, self.per_level, strict=True)
        )
        lines = [
            f"levels: {levels}",
            f"left out (below the floor {self.thresholds[0]:.4g} or empty): {self.below_floor}",
            f"requirements per role: min {low}, median {median:g}, max {high}",
        ]
        if self.roles_without:
            without = self.roles_without
            lines.append(f"roles with no requirement: {len(without)} ({_some(without)})")
        if self.competences_unused:
            lines.append(
                f"competences no role requires: {len(self.competences_unused)} "
                f"({_some(self.competences_unused)})"
            )
        return lines


def _some(codes: Sequence[str], shown: int = 5) -> str:
    more = f", ... {len(codes) - shown} more" if len(codes) > shown else ""
    return ", ".join(codes[:shown]) + more
