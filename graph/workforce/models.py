"""A workforce: pseudonymous people of one dataset, with what was assessed about them.

Minimal by design: an id that is a code (no names, no e-mail addresses), an optional
unit and held role, and at most one assessment per competence. References to the
dataset (role, competence, level) are checked against it by graph.workforce.checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Annotated, Literal, NamedTuple

from pydantic import AfterValidator, Field, StringConstraints, field_validator, model_validator

from graph.models import Code, DatasetId, Frozen, Level, natural_key

Source = Literal["self", "manager", "certified"]
SOURCES: tuple[Source, ...] = ("self", "manager", "certified")
# Identifying values are refused where ids and units go (docs/workforce.md, "Privacy"):
# a person id is a code with at least one digit (an employee number, P0001; `jean.dupont`
# is a name) that does not look like a phone number; a unit is one line of free text with
# no e-mail address ('@') and no phone number.
# A whole id dialled like a number: a + or 0, then nine digits or more (. and - allowed).
_DIALLED = re.compile(r"[+0][0-9](?:[.-]?[0-9]){7,}")
_PHONE = re.compile(r"\+?\d(?:[\s.()/-]*\d){8,}")  # nine digits or more, spaced any way
# Every person's assessments are sorted by competence: the same few codes' keys, asked for
# again and again (100,000 people: 700,000 times). Bounded: codes come from imports too.
competence_order = lru_cache(maxsize=4096)(natural_key)


def _phone_like(text: str) -> bool:
    return bool(_PHONE.search(text))


def _pseudonymous_id(value: str) -> str:
    if not any(c.isdigit() for c in value):
        raise ValueError(
            f"{value!r} looks like a name: a person id is a code with a digit (e.g. P0001)"
        )
    if _DIALLED.fullmatch(value):
        raise ValueError(f"{value!r} looks like a phone number: a person id is a code (P0001)")
    return value


def _no_contact(value: str) -> str:
    if _phone_like(value):
        raise ValueError(f"unit {value!r} holds a phone number: a unit is a name for a team")
    return value


# An id is a code (graph.models.CODE_PATTERN): letters, digits, . _ : + - and never an '@'.
PersonId = Annotated[Code, AfterValidator(_pseudonymous_id)]
# A unit is free text on one line; an '@' would make it look like an e-mail address.
UNIT_PATTERN = r"^[^@\x00-\x1f\x7f]{1,80}$"
Unit = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=UNIT_PATTERN), AfterValidator(_no_contact)
]


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
        return tuple(sorted(assessments, key=lambda a: competence_order(a.competence)))

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


class PersonRow(NamedTuple):
    """One person as the workforce index reads them: no sources or dates, nothing built
    per assessment, so a store can hand 100,000 people to the service in a second or two
    (graph/workforce/index.py). `competences` and `levels` are parallel, in any order."""

    id: str
    unit: str | None
    role: str | None
    competences: Sequence[str]
    levels: Sequence[int]


def person_rows(people: Iterable[Person]) -> list[PersonRow]:
    """`people` as the index reads them."""
    return [
        PersonRow(
            p.id,
            p.unit,
            p.role,
            [a.competence for a in p.assessments],
            [a.level for a in p.assessments],
        )
        for p in people
    ]
