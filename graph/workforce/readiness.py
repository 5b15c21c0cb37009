"""Readiness of a person for a role: the coverage of the entry-basis gap from their holdings."""

from __future__ import annotations

import numpy as np

from graph.errors import PersonNotFound
from graph.results import RoleRef
from graph.workforce.index import NONE, WorkforceIndex
from graph.workforce.results import PersonReadiness, ReadinessStatus, RoleReadiness


def status_of(readiness: float, threshold: float) -> ReadinessStatus:
    """Ready now at 1.0; ready soon at the threshold or above; else not ready."""
    if readiness >= 1.0:
        return "ready_now"
    return "ready_soon" if readiness >= threshold else "not_ready"


def held_role(index: WorkforceIndex, row: int) -> RoleRef | None:
    role = int(index.role_of[row])
    return None if role == NONE else index.snapshot.role_ref(index.roles[role])


def unit_of(index: WorkforceIndex, row: int) -> str | None:
    unit = int(index.unit_of[row])
    return None if unit == NONE else index.units[unit]


def row_of(index: WorkforceIndex, person: str) -> int:
    row = index.position.get(person.strip())
    if row is None:
        raise PersonNotFound(person, index.snapshot.id)
    return row


def readiness(
    index: WorkforceIndex, person: str, *, threshold: float, role: str | None = None
) -> PersonReadiness:
    """`person`'s readiness for `role`, or for every role: by readiness, then fewer level
    steps, then the catalogue's order."""
    row = row_of(index, person)
    held = index.holdings[row : row + 1]
    targets = [index.role_index(role)] if role is not None else range(len(index.roles))
    answers = []
    for target in targets:
        scores = index.scores(target, held)
        value = float(scores.readiness[0])
        answers.append(
            RoleReadiness(
                role=index.snapshot.role_ref(index.roles[target]),
                holds=int(index.role_of[row]) == target,
                readiness=value,
                level_steps=int(scores.level_steps[0]),
                required_steps=int(index.required_steps[target]),
                status=status_of(value, threshold),
            )
        )
    order = {code: i for i, code in enumerate(index.roles)}
    answers.sort(key=lambda a: (-a.readiness, a.level_steps, order[a.role.code]))
    holdings = {
        index.competences[c]: int(level) for c, level in enumerate(index.holdings[row]) if level > 0
    }
    return PersonReadiness(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        person=index.ids[row],
        unit=unit_of(index, row),
        role=held_role(index, row),
        holdings=holdings,
        threshold=threshold,
        roles=answers,
    )


def ready_counts(
    index: WorkforceIndex, role: int, threshold: float, holdings: np.ndarray | None = None
) -> tuple[int, int]:
    """(ready now, ready soon) among the non-holders of `role`."""
    scores = index.scores(role, holdings)
    others = index.role_of != role
    now = others & (scores.readiness >= 1.0)
    soon = others & (scores.readiness >= threshold) & ~now
    return int(now.sum()), int(soon.sum())
