"""A plan to keep: from a role or a self-assessment to a target, move by move (docs/design.md).

Each step is a move of the path costed as paths cost it (everything held so far is
kept), with what to learn for each competence it raises (the descriptors of the levels
to reach, knowledge and skills), the evidence for the move, the level steps so far,
and the experience the sheet of the role entered asks for, when it says so.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from graph.algorithms.gap import learn
from graph.algorithms.paths import (
    SELF_ASSESSMENT,
    Start,
    direct_move,
    explain_from,
    k_best_paths_from,
    start_of,
)
from graph.budget import Budget, unlimited
from graph.errors import InvalidPath
from graph.models import Role
from graph.results import CareerPath, Holder, Plan, PlanItem, PlanStep
from graph.snapshot import Snapshot


def _checked(snapshot: Snapshot, start: Start, end: Role, path: Sequence[str]) -> list[str]:
    """The roles a given path enters, once it is known to be a career path from start to end."""
    roles = [snapshot.role(code).code for code in path]
    if start.code != SELF_ASSESSMENT:
        if not roles or roles[0] != start.code:
            raise InvalidPath(f"A path from {start.name} lists {start.code} first.")
        roles = roles[1:]
    if not roles or roles[-1] != end.code:
        raise InvalidPath(f"A path to {end.code} {end.title} lists {end.code} last.")
    if len(set(roles)) != len(roles) or start.code in roles:
        raise InvalidPath("A path enters each role at most once.")
    for source, target in pairwise([start.code, *roles]):
        if source != SELF_ASSESSMENT and snapshot.link(source, target) is None:
            raise InvalidPath(
                f"No career link from {source} to {target}: a plan follows career links "
                "(GET /api/v1/paths lists paths that do)."
            )
    return roles


def _steps(snapshot: Snapshot, career: CareerPath, budget: Budget) -> list[PlanStep]:
    steps = []
    so_far = 0
    for step in career.steps:
        budget.spend(1 + len(step.gains))  # each raise is listed with what to learn
        so_far += step.cost
        entered = snapshot.roles[step.to]
        items = []
        for gain in step.gains:
            competence = snapshot.competences[gain.competence.code]
            items.append(
                PlanItem(
                    competence=gain.competence,
                    before=gain.before,
                    after=gain.after,
                    level_steps=gain.after - gain.before,
                    learn=learn(snapshot.dataset.scale, competence, gain.before, gain.after),
                )
            )
        steps.append(
            PlanStep(
                from_=None if step.from_ == SELF_ASSESSMENT else snapshot.role_ref(step.from_),
                to=snapshot.role_ref(step.to),
                kind=step.kind,
                evidence=step.evidence,
                level_steps=step.cost,
                coverage=step.coverage,
                condition=step.condition,
                cumulative_level_steps=so_far,
                learn=items,
                experience=entered.career,
            )
        )
    return steps


def plan(
    snapshot: Snapshot,
    holder: Holder,
    target: str,
    *,
    path: Sequence[str] | None = None,
    only_documented: bool = False,
    avoid: Collection[str] = (),
    budget: Budget | None = None,
) -> Plan:
    """The plan along `path` (role codes, as paths list them), else along the best path.

    `only_documented` and `avoid` choose the best path; a given path is followed as given.
    `budget` (default: unlimited) bounds the search for the best path and the plan's steps.
    """
    budget = budget or unlimited()
    start, end = start_of(snapshot, holder), snapshot.role(target)
    if path:
        career = explain_from(snapshot, start, _checked(snapshot, start, end, path))
    else:
        career = k_best_paths_from(
            snapshot,
            holder,
            end.code,
            k=1,
            only_documented=only_documented,
            avoid=avoid,
            budget=budget,
        ).paths[0]
    return Plan(
        from_=holder,
        to=snapshot.role_ref(end.code),
        dataset_version=snapshot.version,
        path=career.roles,
        path_source="given" if path else "best",
        level_steps=career.cost,
        direct=direct_move(snapshot, start, end.code, career.cost),
        steps=_steps(snapshot, career, budget),
    )
