"""Answer shapes of the workforce analytics: the same JSON for the API and the CLI's --json.

Aggregates over a group smaller than the minimum group size carry `suppressed: true`, no
numbers, and the `reason`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from graph.results import Answer, CompetenceRef, RoleRef
from graph.workforce.stale import StalePerson

# How a nullable count says it was withheld (graph/workforce/disclosure.py).
WITHHELD = "; null: withheld (fewer than the minimum group size, or would reveal such a group)"
ReadinessStatus = Literal["ready_now", "ready_soon", "not_ready"]


class Versions(Answer):
    """What an answer was computed from."""

    dataset_version: str
    workforce_version: str = Field(description="changes with every write to the workforce")


class RoleReadiness(Answer):
    role: RoleRef
    holds: bool = Field(description="the person holds this role")
    readiness: float = Field(ge=0, le=1, description="coverage of the entry-basis gap")
    level_steps: int = Field(ge=0)
    required_steps: int = Field(ge=0)
    status: ReadinessStatus


class PersonReadiness(Versions):
    person: str
    unit: str | None
    role: RoleRef | None = Field(description="the role the person holds")
    holdings: dict[str, int] = Field(description="competence code -> level (assessed, else entry)")
    threshold: float = Field(description="readiness from which a person is ready soon")
    roles: list[RoleReadiness] = Field(description="by readiness, then fewer level steps")


class ReadyCounts(Answer):
    ready_now: int | None = Field(ge=0, description="non-holders with readiness 1" + WITHHELD)
    ready_soon: int | None = Field(
        ge=0, description="non-holders at or above the threshold, not 1" + WITHHELD
    )


class BenchCounts(ReadyCounts):
    role: RoleRef
    holders: int | None = Field(ge=0, description="null: withheld (graph/workforce/disclosure.py)")


class Candidate(Answer):
    person: str
    unit: str | None
    role: RoleRef | None = Field(description="the role the candidate holds now")
    readiness: float = Field(ge=0, le=1)
    level_steps: int = Field(ge=0)
    status: ReadinessStatus


class BenchStrength(Versions, BenchCounts):
    threshold: float
    candidates: list[Candidate] = Field(
        description="ready-now and ready-soon non-holders: by readiness, fewer level steps, id"
    )
    candidates_total: int | None = Field(
        ge=0, description="all candidates; `candidates` may be cut" + WITHHELD
    )


class BenchBoard(Versions):
    people: int = Field(ge=0)
    threshold: float
    roles: list[BenchCounts] = Field(description="every role, in the catalogue's order")


class HeatmapCell(Answer):
    unit: str
    competence: str
    people: int | None = Field(description="people whose held role requires the competence")
    holding: int | None = Field(description="of them, those holding it at their role's entry level")
    share: float | None = Field(description="holding / people, 4 places")
    suppressed: bool
    reason: str | None = Field(description="why the numbers are withheld")


class Heatmap(Versions):
    min_group_size: int
    units: list[str]
    competences: list[CompetenceRef] = Field(description="those with at least one cell")
    cells: list[HeatmapCell] = Field(description="by unit, then competence; no empty cells")
    suppressed: int = Field(ge=0, description="cells withheld")
    left_out: int = Field(ge=0, description="people without a unit or a role")


class SinglePoint(Answer):
    unit: str
    competence: CompetenceRef
    level: int = Field(ge=1, description="the highest entry level the unit's held roles state")
    label: str
    holders: int = Field(ge=0, le=1, description="people of the unit at that level or above")
    needed_by: int = Field(ge=1, description="people of the unit whose role requires it")


class SuppressedUnit(Answer):
    unit: str
    reason: str


class SinglePoints(Versions):
    min_group_size: int
    points: list[SinglePoint] = Field(description="by unit, then competence")
    suppressed_units: list[SuppressedUnit]


class RaiseOption(Answer):
    competence: CompetenceRef
    level: int = Field(ge=1)
    label: str
    ready_now_added: int = Field(ge=1)
    level_steps: int = Field(ge=0, description="level steps given to the candidates in all")


class BestRaise(Versions):
    role: RoleRef
    threshold: float
    candidates: int | None = Field(
        ge=0, description="ready-now and ready-soon non-holders" + WITHHELD
    )
    best: RaiseOption | None
    reason: str | None = Field(description="why there is no best raise")


class AppliedRaise(Answer):
    competence: CompetenceRef
    level: int
    label: str
    target: str = Field(description="who was given it, as asked")
    people: int = Field(ge=0, description="people it reached")
    raised: int | None = Field(
        ge=0, description="of them, people below the level before" + WITHHELD
    )


class BenchChange(Answer):
    role: RoleRef
    holders: int | None
    before: ReadyCounts
    after: ReadyCounts


class WhatIf(Versions):
    threshold: float
    raises: list[AppliedRaise]
    roles: list[BenchChange] = Field(description="every role, in the catalogue's order")
    ready_now_added: int | None = Field(
        description="over every role, after minus before" + WITHHELD
    )
    ready_soon_added: int | None


class WorkforceStatus(Versions):
    dataset: str
    people: int
    units: int
    with_role: int
    min_group_size: int
    threshold: float
    index_bytes: int = Field(description="memory of the service's index of this workforce")
    stale: list[StalePerson] = Field(
        description="people whose role or competences this dataset no longer has"
    )
