"""The best single raise for a role: one (competence, level) for every candidate, the most
of them ready now (docs/design.md, "What-if")."""

from __future__ import annotations

import numpy as np

from graph.algorithms.gap import competence_ref
from graph.workforce.bench import candidate_rows
from graph.workforce.index import WorkforceIndex
from graph.workforce.results import BestRaise, RaiseOption

Option = tuple[int, int, int, int]  # (-added, level steps given, competence column, level)


def best_single_raise(index: WorkforceIndex, role: str, *, threshold: float) -> BestRaise:
    """Over the role's competences and their levels: most added ready-now candidates, then
    fewer level steps given, then competence order, then the lower level."""
    at = index.role_index(role)
    rows = candidate_rows(index, at, threshold)
    required = np.flatnonzero(index.entry[at])
    need = index.entry[at, required].astype(np.int32)
    held = index.holdings[np.ix_(rows, required)].astype(np.int32)
    short = held < need
    alone = short.sum(axis=1) == 1  # the one gap left: closing it makes them ready now
    options: list[Option] = []
    for j, at_column in enumerate(required):
        competence = index.snapshot.competences[index.competences[at_column]]
        for level in competence.applicable_levels:
            added = int((alone & short[:, j]).sum()) if level >= need[j] else 0
            steps = int(np.maximum(level - held[:, j], 0).sum())
            options.append((-added, steps, int(at_column), level))
    best = min(options, default=None)
    answer = BestRaise(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        role=index.snapshot.role_ref(index.roles[at]),
        threshold=threshold,
        candidates=len(rows),
        best=None,
        reason=None,
    )
    if best is None or best[0] == 0:
        why = (
            "no one outside the role is ready now or soon"
            if len(rows) == 0
            else "no single raise makes a candidate ready now"
        )
        return answer.model_copy(update={"reason": why})
    added, steps, column, level = best
    code = index.competences[column]
    option = RaiseOption(
        competence=competence_ref(index.snapshot.competences[code]),
        level=level,
        label=index.snapshot.level_label(level),
        ready_now_added=-added,
        level_steps=steps,
    )
    return answer.model_copy(update={"best": option})
