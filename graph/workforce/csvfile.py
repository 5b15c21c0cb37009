"""The workforce as CSV: one row per person and competence (docs/workforce.md).

    person,unit,role,competence,level,source,assessed_on
    P0001,Payments,3.2,B1,3,manager,2024-11-04
    P0001,Payments,3.2,B2,e-2,self,2024-10-12
    P0002,Payments,3.4,,,,

A person with no assessment has one row with the competence cells empty. `unit` and
`role` repeat on each row of a person and must agree. Reading checks every cell against
the dataset and reports every bad one as file:line:column (column = the field's number);
any problem and nothing is returned.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import cast

from pydantic import TypeAdapter, ValidationError

from graph.csvsafe import QUOTE, csv_text, restored
from graph.workforce.checks import PSEUDONYMOUS, Catalogue, personal_field
from graph.workforce.models import (
    SOURCES,
    Assessment,
    Person,
    PersonId,
    Source,
    Unit,
    Workforce,
)
from graph.workforce.problems import Problems

COLUMNS = ("person", "unit", "role", "competence", "level", "source", "assessed_on")
REQUIRED = ("person",)
ASSESSMENT = ("level", "source", "assessed_on")  # required when `competence` is given
_ID = TypeAdapter(PersonId)
_UNIT = TypeAdapter(Unit)


@dataclass
class _Draft:
    """A person as their rows build them up: where they were first seen, what they said."""

    line: int
    unit: str | None
    role: str | None
    assessments: dict[str, tuple[int, Assessment | None]] = field(default_factory=dict)


def read_csv(text: str, catalogue: Catalogue, *, dataset: str, name: str) -> Workforce:
    """The workforce the CSV `text` describes; InvalidWorkforce listing every bad cell."""
    problems = Problems(name)
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if header is None:
        problems.add(1, 1, "the file is empty; expected a header: " + ",".join(COLUMNS))
        problems.raise_if_any()
    columns = _columns([h.strip().lstrip("\ufeff") for h in header or []], problems)
    problems.raise_if_any()
    reader = _Reader(columns, catalogue, problems)
    try:
        for row in rows:
            joined = "".join(row)
            if joined.strip():  # not a blank row
                if QUOTE in joined:
                    row = [restored(cell) for cell in row]  # write_csv's formula guard
                reader.read(rows.line_num, row)
    except csv.Error as error:  # e.g. a cell over the csv module's field size limit
        problems.add(rows.line_num, 1, f"unreadable CSV: {error}")
    problems.raise_if_any()
    people = tuple(_person(id_, draft) for id_, draft in reader.drafts.items())
    return Workforce(dataset=dataset, people=people)


def _columns(header: list[str], problems: Problems) -> dict[str, int]:
    """Column name -> index; refuses personal, unknown, repeated and missing columns."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        column = index + 1
        if personal_field(title):
            problems.add(1, column, f"column {title!r} refused: {PSEUDONYMOUS}")
        elif title not in COLUMNS:
            problems.add(1, column, f"unknown column {title!r}; columns: {', '.join(COLUMNS)}")
        elif title in found:
            problems.add(1, column, f"column {title!r} given twice")
        else:
            found[title] = index
    for missing in (c for c in REQUIRED if c not in found):
        problems.add(1, 1, f"missing column {missing!r}")
    return found


class _Reader:
    """Reads rows into drafts, reporting every bad cell of every row. What repeats is
    checked once: a person's id, unit and role come back on each of their rows, and an
    assessment (competence, level, source, date) recurs across people, so a valid value
    is remembered (and an Assessment shared: they are frozen); a bad one is checked, and
    reported, wherever it appears."""

    def __init__(self, columns: dict[str, int], catalogue: Catalogue, problems: Problems):
        self.drafts: dict[str, _Draft] = {}
        self._columns = columns
        self._catalogue = catalogue
        self._problems = problems
        # A row's cells in COLUMNS' order; a column the file lacks reads the empty cell
        # `read` appends to every row (at -1).
        self._width = max(columns.values()) + 1
        self._cells = itemgetter(*(columns.get(name, -1) for name in COLUMNS))
        self._units: set[str] = set()
        self._assessments: dict[tuple[str, str, str, str], Assessment] = {}
        self._line = 0

    def read(self, line: int, row: list[str]) -> None:
        self._line = line
        row.extend([""] * (self._width - len(row)))  # a short row: its last cells are empty
        row.append("")
        cells = map(str.strip, self._cells(row))
        person, unit_cell, role_cell, competence, level, source, on = cells
        if person not in self.drafts and self._bad(
            "person", _invalid(_ID, person, "an id (letters, digits, . _ : + -)")
        ):
            return
        unit, role = unit_cell or None, role_cell or None
        if (
            unit is not None
            and unit not in self._units
            and not self._bad("unit", _unit_problem(unit))
        ):
            self._units.add(unit)
        if role is not None:
            self._bad("role", self._catalogue.role_problem(role))
        draft = self.drafts.get(person)
        if draft is None:
            draft = self.drafts[person] = _Draft(line, unit, role)
        elif unit != draft.unit or role != draft.role:
            for name, mine, theirs in (("unit", unit, draft.unit), ("role", role, draft.role)):
                if mine != theirs:
                    self._bad(
                        name, f"{person} has {name} {theirs!r} on line {draft.line}, here {mine!r}"
                    )
        if competence in draft.assessments:
            first = draft.assessments[competence][0]
            what = f"competence {competence}" if competence else "a row without competence"
            self._bad("competence", f"duplicate row: {person} has {what} on line {first} already")
            return
        if not competence:
            draft.assessments[competence] = (line, None)
            for name, given in zip(ASSESSMENT, (level, source, on), strict=True):
                if given:
                    self._bad(name, "given without a competence")
            return
        key = (competence, level, source, on)
        assessment = self._assessments.get(key)
        if assessment is None:
            assessment = self._assessment(*key)
            if assessment is not None:
                self._assessments[key] = assessment
        draft.assessments[competence] = (line, assessment)

    def _assessment(
        self, competence: str, level_text: str, source: str, on: str
    ) -> Assessment | None:
        if self._bad("competence", self._catalogue.competence_problem(competence)):
            return None
        level = self._catalogue.parse_level(level_text)
        unknown_source = (
            None if source in SOURCES else f"{source!r} is not one of {', '.join(SOURCES)}"
        )
        failed = [
            self._bad("level", "missing" if not level_text else f"{level_text!r} is not a level")
            if level is None
            else self._bad("level", self._catalogue.level_problem(competence, level)),
            self._bad("source", unknown_source),
            self._bad("assessed_on", _date_problem(on)),
        ]
        if any(failed) or level is None:
            return None
        return Assessment(
            competence=competence,
            level=level,
            source=cast(Source, source),
            assessed_on=date.fromisoformat(on),
        )

    def _bad(self, name: str, message: str | None) -> bool:
        """Report `message` about column `name` of the current line; whether there was one."""
        if message is not None:
            self._problems.add(self._line, self._columns.get(name, 0) + 1, f"{name}: {message}")
        return message is not None


def _unit_problem(unit: str) -> str | None:
    return _invalid(_UNIT, unit, "one line of at most 80 characters, no '@' (an e-mail address)")


def _date_problem(text: str) -> str | None:
    if not text:
        return "missing (a date, YYYY-MM-DD)"
    try:
        date.fromisoformat(text)
    except ValueError:
        return f"{text!r} is not a date (YYYY-MM-DD)"
    return None if len(text) == 10 else f"{text!r} is not a date (YYYY-MM-DD)"


def _invalid(adapter: TypeAdapter[str], value: str | None, expected: str) -> str | None:
    if not value:
        return f"missing ({expected})"
    try:
        adapter.validate_python(value)
    except ValidationError as error:
        said = error.errors()[0]
        if said["type"] == "value_error":  # the privacy checks say what they refuse
            return str(said["msg"]).removeprefix("Value error, ")
        return f"{value!r} is not {expected}"
    return None


def _person(id_: str, draft: _Draft) -> Person:
    held = tuple(a for _, a in draft.assessments.values() if a is not None)
    return Person(id=id_, unit=draft.unit, role=draft.role, assessments=held)


def write_csv(people: Iterable[Person]) -> str:
    """The CSV `read_csv` reads back to the same people (levels as numbers)."""
    return csv_text(COLUMNS, _rows(people))


def _rows(people: Iterable[Person]) -> Iterator[tuple[str | int, ...]]:
    for person in people:
        unit, role = person.unit or "", person.role or ""
        if not person.assessments:
            yield (person.id, unit, role, "", "", "", "")
        for a in person.assessments:
            yield (
                person.id,
                unit,
                role,
                a.competence,
                a.level,
                a.source,
                a.assessed_on.isoformat(),
            )
