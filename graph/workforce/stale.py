"""Stale people: those whose role or assessed competences the dataset no longer has.

After a catalogue is replaced, a person may hold a role it dropped, or have assessments of
competences it dropped. The analytics leave such references out; this says who is
affected, so an analyst can fix their records (docs/design.md, "Catalogue changes").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import Field

from graph.models import Dataset
from graph.results import Answer
from graph.workforce.models import PersonRow, Workforce, competence_order, person_rows
from graph.workforce.store import EMPTY, WorkforceStore


class StalePerson(Answer):
    person: str
    role: str | None = Field(description="the held role the dataset no longer has, if so")
    competences: list[str] = Field(description="assessed competences the dataset no longer has")


def stale_people(workforce: Workforce, dataset: Dataset) -> Iterator[StalePerson]:
    """Every person of `workforce` referring to a role or competence `dataset` lacks."""
    return stale_rows(person_rows(workforce.people), dataset)


def stale_rows(people: Iterable[PersonRow], dataset: Dataset) -> Iterator[StalePerson]:
    """Every one of `people` referring to a role or competence `dataset` lacks."""
    roles = {r.code for r in dataset.roles}
    competences = {c.code for c in dataset.competences}
    for person in people:
        if (not person.role or person.role in roles) and competences.issuperset(person.competences):
            continue  # most people: nothing lost
        lost_role = person.role if person.role and person.role not in roles else None
        lost = sorted(set(person.competences) - competences, key=competence_order)
        yield StalePerson(person=person.id, role=lost_role, competences=lost)


def stale_after_replace(people: WorkforceStore, dataset: Dataset) -> list[StalePerson]:
    """Who would be stale if `dataset` replaced the stored one of its id: ask before replacing
    a catalogue (Neo4j drops the links to what the new catalogue lacks)."""
    if people.version(dataset.id) == EMPTY:
        return []
    return list(stale_people(people.load(dataset.id), dataset))


def describe(stale: list[StalePerson], *, shown: int = 10) -> str:
    """'3 people ...: P4 (role 4.1), P5 (competences E2), ...' for a warning."""
    listed = ", ".join(
        f"{s.person} ({'; '.join(part for part in _parts(s) if part)})" for s in stale[:shown]
    )
    more = f" and {len(stale) - shown} more" if len(stale) > shown else ""
    return (
        f"{len(stale)} people hold a role or competences the dataset no longer has: {listed}{more}"
    )


def _parts(stale: StalePerson) -> tuple[str, str]:
    return (
        f"role {stale.role}" if stale.role else "",
        f"competences {', '.join(stale.competences)}" if stale.competences else "",
    )
