"""Bench strength: who holds a role, and who among the others is ready now or soon."""

from __future__ import annotations

import numpy as np

from graph.workforce.index import Levels, WorkforceIndex
from graph.workforce.readiness import held_role, ready_counts, status_of, unit_of
from graph.workforce.results import BenchBoard, BenchCounts, BenchStrength, Candidate


def holders(index: WorkforceIndex, role: int) -> int:
    return int((index.role_of == role).sum())


def bench_counts(
    index: WorkforceIndex, role: int, threshold: float, holdings: Levels | None = None
) -> BenchCounts:
    now, soon = ready_counts(index, role, threshold, holdings)
    return BenchCounts(
        role=index.snapshot.role_ref(index.roles[role]),
        holders=holders(index, role),
        ready_now=now,
        ready_soon=soon,
    )


def bench_board(
    index: WorkforceIndex, threshold: float, holdings: Levels | None = None
) -> BenchBoard:
    """Bench counts of every role, in the catalogue's order."""
    return BenchBoard(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        people=index.size,
        threshold=threshold,
        roles=[bench_counts(index, r, threshold, holdings) for r in range(len(index.roles))],
    )


def candidate_rows(index: WorkforceIndex, role: int, threshold: float) -> np.ndarray:
    """Rows of the non-holders ready now or soon: by readiness, fewer level steps, then id."""
    scores = index.scores(role)
    rows = np.flatnonzero((index.role_of != role) & (scores.readiness >= threshold))
    # lexsort's last key sorts first; rows are in id order, so the row breaks ties by id.
    order = np.lexsort((rows, scores.level_steps[rows], -scores.readiness[rows]))
    return rows[order]


def bench_strength(
    index: WorkforceIndex, role: str, *, threshold: float, limit: int
) -> BenchStrength:
    """Bench counts of `role` and its first `limit` candidates."""
    at = index.role_index(role)
    rows = candidate_rows(index, at, threshold)
    scores = index.scores(at)
    candidates = [
        Candidate(
            person=index.ids[row],
            unit=unit_of(index, row),
            role=held_role(index, row),
            readiness=float(scores.readiness[row]),
            level_steps=int(scores.level_steps[row]),
            status=status_of(float(scores.readiness[row]), threshold),
        )
        for row in rows[:limit]
    ]
    counts = bench_counts(index, at, threshold)
    return BenchStrength(
        **counts.model_dump(),
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        threshold=threshold,
        candidates=candidates,
        candidates_total=len(rows),
    )
