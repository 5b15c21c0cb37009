"""A workforce: pseudonymous people of one dataset, with what was assessed about them.

Minimal by design: an id that is a code (no names, no e-mail addresses), an optional
unit and held role, and at most one assessment per competence. References to the
dataset (role, competence, level) are checked against it by graph.workforce.checks.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from graph.models import Code, DatasetId, Frozen, Level, natural_key

Source = Literal["self", "manager", "certified"]
SOURCES: tuple[Source, ...] = ("self", "manager", "certified")
# An id is a code (graph.models.CODE_PATTERN): letters, digits, . _ : + - and never an '@'.
PersonId = Code
# A unit is free text on one line; an '@' would make it look like an e-mail address.
UNIT_PATTERN = r"^[^@\x00-\x1f\x7f]{1,80}$"
Unit = Annotated[str, StringConstraints(strip_whitespace=True, pattern=UNIT_PATTERN)]


class Assessment(Frozen):
    competence: Code
    level: Level
    source: Source
    assessed_on: date


class Person(Frozen):
    """One person; assessments are kept in competence order, so equal records compare equal
    whichever store or file they were read from."""

    id: PersonId
    unit: Unit | None = None
    role: Code | None = None
    assessments: tuple[Assessment, ...] = ()

    @field_validator("assessments")
    @classmethod
    def _in_competence_order(cls, assessments: tuple[Assessment, ...]) -> tuple[Assessment, ...]:
        return tuple(sorted(assessments, key=lambda a: natural_key(a.competence)))

    @model_validator(mode="after")
    def _one_assessment_per_competence(self) -> Person:
        seen = [a.competence for a in self.assessments]
        if len(seen) != len(set(seen)):
            raise ValueError(f"person {self.id} has two assessments of one competence")
        return self

    def assessment(self, competence: str) -> Assessment | None:
        return next((a for a in self.assessments if a.competence == competence), None)


class Workforce(Frozen):
    """The people of dataset `dataset`, each once, in id order."""

    dataset: DatasetId
    people: tuple[Person, ...] = Field(default=())

    @field_validator("people")
    @classmethod
    def _each_once_in_order(cls, people: tuple[Person, ...]) -> tuple[Person, ...]:
        ordered = tuple(sorted(people, key=lambda p: p.id))
        ids = [p.id for p in ordered]
        if len(ids) != len(set(ids)):
            raise ValueError("a person id appears twice")
        return ordered

    def person(self, id_: str) -> Person | None:
        return next((p for p in self.people if p.id == id_), None)

    def merged(self, incoming: Workforce) -> Workforce:
        """This workforce with `incoming`'s people replacing or joining theirs."""
        replaced = {p.id: p for p in self.people} | {p.id: p for p in incoming.people}
        return Workforce(dataset=self.dataset, people=tuple(replaced.values()))

    def without(self, id_: str) -> Workforce:
        return Workforce(dataset=self.dataset, people=tuple(p for p in self.people if p.id != id_))
