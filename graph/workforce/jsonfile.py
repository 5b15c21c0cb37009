"""The workforce as JSON: a list of people, each as graph.workforce.models.Person dumps it.

    [{"id": "P0001", "unit": "Payments", "role": "3.2",
      "assessments": [{"competence": "B1", "level": 3, "source": "manager",
                       "assessed_on": "2024-11-04"}]}]

Every problem is reported at the line and column where its person's object starts, with
the field (e.g. `assessments[1].level`); any problem and nothing is returned.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from pydantic import ValidationError

from graph.datafiles import _field_path as field_path
from graph.datafiles import _records as located_records
from graph.errors import DatasetError
from graph.workforce.checks import PSEUDONYMOUS, Catalogue, personal_field
from graph.workforce.models import Person, Workforce
from graph.workforce.problems import Problems

SHAPE = "expected a list of people, each an object (docs/workforce.md)"


def read_json(text: str, catalogue: Catalogue, *, dataset: str, name: str) -> Workforce:
    """The workforce the JSON `text` describes; InvalidWorkforce listing every bad field."""
    problems = Problems(name)
    try:
        records = located_records(name, text)
    except DatasetError as error:  # a JSON syntax error, already located "name:line:col: ..."
        raise problems.located(error.detail) from None
    except RecursionError:  # arrays or objects nested thousands deep: no person looks so
        deep = f"{name}:1:1: nested deeper than JSON's parser allows; {SHAPE}"
        raise problems.located(deep) from None
    people: dict[str, tuple[int, Person]] = {}
    for line, column, record in records:

        def report(message: str, line: int = line, column: int = column) -> None:
            problems.add(line, column, message)

        person = _person(record, catalogue, report)
        if person is None:
            continue
        if person.id in people:
            report(f"person {person.id}: given twice (line {people[person.id][0]})")
        people[person.id] = (line, person)
    problems.raise_if_any()
    return Workforce(dataset=dataset, people=tuple(p for _, p in people.values()))


def _person(record: object, catalogue: Catalogue, report: Callable[[str], None]) -> Person | None:
    if not isinstance(record, dict):
        report("expected an object (a person)")
        return None
    who = f"person {record.get('id')}"
    refused = sorted(key for key in record if personal_field(key))
    for key in refused:
        report(f"{who}: field {key!r} refused: {PSEUDONYMOUS}")
    if refused:
        return None
    try:
        person = Person.model_validate(record)
    except ValidationError as error:
        for found in error.errors():
            message = found["msg"].removeprefix("Value error, ")
            report(f"{who}: {field_path(found['loc']) or '(person)'}: {message}")
        return None
    messages = [("role", catalogue.role_problem(person.role))] if person.role else []
    for at, assessment in enumerate(person.assessments):
        where = f"assessments[{at}]"
        unknown = catalogue.competence_problem(assessment.competence)
        messages.append((f"{where}.competence", unknown))
        if unknown is None:
            messages.append(
                (f"{where}.level", catalogue.level_problem(assessment.competence, assessment.level))
            )
    bad = [(path, message) for path, message in messages if message is not None]
    for path, message in bad:
        report(f"{who}: {path}: {message}")
    return None if bad else person


def write_json(people: list[Person]) -> str:
    """The JSON `read_json` reads back to the same people."""
    return (
        json.dumps([p.model_dump(mode="json") for p in people], indent=2, ensure_ascii=False) + "\n"
    )
