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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from pydantic import TypeAdapter, ValidationError

from graph.csvsafe import csv_text, restored
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
Cell = Callable[[str], str]  # a row's cell by column name ('' when absent)
Flag = Callable[[str, "str | None"], bool]  # report a problem in a column; True if there was one


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
    drafts: dict[str, _Draft] = {}
    try:
        for row in rows:
            if any(cell.strip() for cell in row):
                cells = [restored(cell) for cell in row]  # write_csv's formula guard
                _read_row(rows.line_num, cells, columns, catalogue, drafts, problems)
    except csv.Error as error:  # e.g. a cell over the csv module's field size limit
        problems.add(rows.line_num, 1, f"unreadable CSV: {error}")
    problems.raise_if_any()
    return Workforce(dataset=dataset, people=tuple(_person(id_, d) for id_, d in drafts.items()))


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


def _read_row(
    line: int,
    row: list[str],
    columns: dict[str, int],
    catalogue: Catalogue,
    drafts: dict[str, _Draft],
    problems: Problems,
) -> None:
    def cell(name: str) -> str:
        at = columns.get(name)
        return row[at].strip() if at is not None and at < len(row) else ""

    def bad(name: str, message: str | None) -> bool:
        if message is not None:
            problems.add(line, columns.get(name, 0) + 1, f"{name}: {message}")
        return message is not None

    person = cell("person")
    if bad("person", _invalid(_ID, person, "an id (letters, digits, . _ : + -)")):
        return
    unit = cell("unit") or None
    role = cell("role") or None
    bad(
        "unit",
        _invalid(_UNIT, unit, "one line of at most 80 characters, no '@' (an e-mail address)")
        if unit
        else None,
    )
    if role is not None:
        bad("role", catalogue.role_problem(role))
    draft = drafts.setdefault(person, _Draft(line, unit, role))
    for name, mine, theirs in (("unit", unit, draft.unit), ("role", role, draft.role)):
        if mine != theirs:
            bad(name, f"{person} has {name} {theirs!r} on line {draft.line}, here {mine!r}")
    competence = cell("competence")
    if competence in draft.assessments:
        first = draft.assessments[competence][0]
        what = f"competence {competence}" if competence else "a row without competence"
        bad("competence", f"duplicate row: {person} has {what} on line {first} already")
        return
    draft.assessments[competence] = (line, None)
    if not competence:
        for name in (n for n in ASSESSMENT if cell(n)):
            bad(name, "given without a competence")
        return
    if bad("competence", catalogue.competence_problem(competence)):
        return
    assessment = _assessment(competence, cell, catalogue, bad)
    if assessment is not None:
        draft.assessments[competence] = (line, assessment)


def _assessment(competence: str, cell: Cell, catalogue: Catalogue, bad: Flag) -> Assessment | None:
    level_text, source, on = cell("level"), cell("source"), cell("assessed_on")
    level = catalogue.parse_level(level_text)
    unknown_source = None if source in SOURCES else f"{source!r} is not one of {', '.join(SOURCES)}"
    failed = [
        bad("level", "missing" if not level_text else f"{level_text!r} is not a level")
        if level is None
        else bad("level", catalogue.level_problem(competence, level)),
        bad("source", unknown_source),
        bad("assessed_on", _date_problem(on)),
    ]
    if any(failed) or level is None:
        return None
    return Assessment(
        competence=competence,
        level=level,
        source=cast(Source, source),
        assessed_on=date.fromisoformat(on),
    )


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
