"""Importing people: good files read back exactly; every bad cell is located; nothing half-read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.datafiles import read_dataset
from graph.errors import InvalidWorkforce
from graph.models import Dataset
from graph.workforce.csvfile import write_csv
from graph.workforce.imports import read_people, read_people_file
from graph.workforce.jsonfile import write_json
from graph.workforce.models import Person
from seed import DATA_DIR
from tests.factories import tiny_dataset
from tests.workforce_factory import tiny_workforce

HEADER = "person,unit,role,competence,level,source,assessed_on\n"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return tiny_dataset()


def problems_of(text: str, dataset: Dataset, format: str = "csv") -> list[str]:
    with pytest.raises(InvalidWorkforce) as caught:
        read_people(text, dataset, format=format, name=f"people.{format}")  # type: ignore[arg-type]
    return list(caught.value.problems)


@pytest.mark.parametrize("format", ["csv", "json"])
def test_a_written_workforce_reads_back_the_same(dataset: Dataset, format: str) -> None:
    people = list(tiny_workforce().people)
    text = write_csv(people) if format == "csv" else write_json(people)
    assert read_people(text, dataset, format=format, name="x") == tiny_workforce()  # type: ignore[arg-type]


def test_levels_may_be_labels_and_people_may_have_no_assessment(dataset: Dataset) -> None:
    text = (
        HEADER + "P1,Ops,3.2,B1,E-3,self,2024-01-31\nP1,Ops,3.2,C1,2,manager,2024-02-01\nP2,,,,,,\n"
    )
    workforce = read_people(text, dataset, format="csv", name="people.csv")
    first, second = workforce.people
    assert [(a.competence, a.level, a.source) for a in first.assessments] == [
        ("B1", 3, "self"),
        ("C1", 2, "manager"),
    ]
    assert (second.id, second.unit, second.role, second.assessments) == ("P2", None, None, ())


def test_only_some_columns_are_needed(dataset: Dataset) -> None:
    workforce = read_people("person,role\nP1,3.2\n", dataset, format="csv", name="people.csv")
    assert workforce.people[0].role == "3.2"


def test_every_bad_cell_is_reported_with_line_and_column(dataset: Dataset) -> None:
    text = HEADER + "\n".join(
        [
            "P1,Ops,9.9,B1,3,self,2024-01-31",  # line 2: unknown role (column 3)
            "P2,Ops,3.2,Z9,3,self,2024-01-31",  # line 3: unknown competence (4)
            "P3,Ops,3.2,A1,2,self,2024-01-31",  # line 4: A1 has no e-2 (5)
            "P4,Ops,3.2,B1,7,self,2024-01-31",  # line 5: outside the scale (5)
            "P5,Ops,3.2,B1,3,boss,31/01/2024",  # line 6: source (6) and date (7)
            "P6,Ops,3.2,B1,3,self,2024-01-31",
            "P6,Ops,3.2,B1,2,self,2024-01-31",  # line 8: duplicate row (4)
            "P6,Dev,3.2,C1,1,self,2024-01-31",  # line 9: unit differs (2)
            "bad id!,Ops,3.2,B1,3,self,2024-01-31",  # line 10: id (1)
            "P7,Ops,3.2,,3,,",  # line 11: level without competence (5)
        ]
    )
    found = problems_of(text, dataset)
    assert found == [
        "people.csv:2:3: role: no role '9.9' in this dataset",
        "people.csv:3:4: competence: no competence 'Z9' in this dataset",
        "people.csv:4:5: level: A1 has no level e-2 (its levels: e-3, e-4, e-5)",
        "people.csv:5:5: level: level 7 is outside the scale e-1..e-5",
        "people.csv:6:6: source: 'boss' is not one of self, manager, certified",
        "people.csv:6:7: assessed_on: '31/01/2024' is not a date (YYYY-MM-DD)",
        "people.csv:8:4: competence: duplicate row: P6 has competence B1 on line 7 already",
        "people.csv:9:2: unit: P6 has unit 'Ops' on line 7, here 'Dev'",
        "people.csv:10:1: person: 'bad id!' is not an id (letters, digits, . _ : + -)",
        "people.csv:11:5: level: given without a competence",
    ]


def test_the_error_names_the_first_problem_and_how_many_more(dataset: Dataset) -> None:
    text = HEADER + "P1,Ops,9.9,,,,\nP2,Ops,9.8,,,,\n"
    with pytest.raises(InvalidWorkforce) as caught:
        read_people(text, dataset, format="csv", name="people.csv")
    assert caught.value.detail == (
        "people.csv:2:3: role: no role '9.9' in this dataset (and 1 more problem); "
        "nothing was written"
    )


@pytest.mark.parametrize(
    "column", ["name", "Full Name", "last_name", "e-mail", "Email", "phone", "date_of_birth"]
)
def test_columns_that_identify_people_are_refused(dataset: Dataset, column: str) -> None:
    text = f"person,{column}\nP1,x\n"
    assert problems_of(text, dataset) == [
        f"people.csv:1:2: column {column!r} refused: people are pseudonymous: an id, no names, "
        "e-mail addresses or other identifying data"
    ]


def test_unknown_and_missing_columns_are_refused(dataset: Dataset) -> None:
    assert problems_of("unit,grade\nOps,3\n", dataset) == [
        "people.csv:1:2: unknown column 'grade'; columns: person, unit, role, competence, "
        "level, source, assessed_on",
        "people.csv:1:1: missing column 'person'",
    ]
    assert problems_of("", dataset) == [
        "people.csv:1:1: the file is empty; expected a header: "
        "person,unit,role,competence,level,source,assessed_on"
    ]


def test_an_e_mail_address_is_no_id(dataset: Dataset) -> None:
    found = problems_of("person\njane.doe@example.com\n", dataset)
    assert found == [
        "people.csv:2:1: person: 'jane.doe@example.com' is not an id (letters, digits, . _ : + -)"
    ]


def test_json_problems_are_located_at_the_persons_object(dataset: Dataset) -> None:
    people = [
        {"id": "P1", "role": "3.2", "assessments": []},
        {"id": "P2", "role": "9.9"},
        {
            "id": "P3",
            "assessments": [
                {"competence": "A1", "level": 2, "source": "self", "assessed_on": "2024-01-01"}
            ],
        },
        {"id": "P1"},
        {"id": "P4", "email": "x@example.com"},
        {
            "id": "P5",
            "assessments": [
                {"competence": "B1", "level": 2, "source": "peer", "assessed_on": "2024-01-01"}
            ],
        },
    ]
    text = "[\n" + ",\n".join(json.dumps(p) for p in people) + "\n]\n"
    assert problems_of(text, dataset, "json") == [
        "people.json:3:1: person P2: role: no role '9.9' in this dataset",
        "people.json:4:1: person P3: assessments[0].level: A1 has no level e-2 "
        "(its levels: e-3, e-4, e-5)",
        "people.json:5:1: person P1: given twice (line 2)",
        "people.json:6:1: person P4: field 'email' refused: people are pseudonymous: an id, "
        "no names, e-mail addresses or other identifying data",
        "people.json:7:1: person P5: assessments[0].source: Input should be 'self', 'manager' "
        "or 'certified'",
    ]


def test_broken_json_is_located(dataset: Dataset) -> None:
    assert problems_of('[{"id": "P1"},\n {"id": }]', dataset, "json") == [
        "people.json:2:9: invalid JSON: Expecting value"
    ]


def test_files_are_read_by_their_suffix(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(write_csv(tiny_workforce().people), encoding="utf-8")
    assert read_people_file(path, dataset) == tiny_workforce()
    other = tmp_path / "people.xlsx"
    other.write_bytes(b"PK")
    with pytest.raises(InvalidWorkforce, match=r"people\.xlsx: expected a \.csv or \.json file"):
        read_people_file(other, dataset)


def test_the_documented_example_imports() -> None:
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "workforce.csv"
    workforce = read_people_file(example, read_dataset(DATA_DIR))
    assert [p.id for p in workforce.people] == [
        "P0001",
        "P0002",
        "P0003",
        "P0004",
        "P0005",
        "P0006",
    ]


@pytest.mark.parametrize(
    ("person", "unit", "refused"),
    [
        ("jean.dupont", "Payments", "looks like a name"),
        ("Jean_Dupont", "Payments", "looks like a name"),
        ("0612345678", "Payments", "looks like a phone number"),
        ("+33612345678", "Payments", None),  # refused by the code pattern already
        ("P0001", "Jean Dupont, tel 06 12 34 56 78", "holds a phone number"),
        ("P0001", "jean.dupont@example.com", "e-mail"),
    ],
)
def test_identifying_values_are_refused_in_ids_and_units(
    dataset: Dataset, person: str, unit: str, refused: str | None
) -> None:
    found = problems_of(f'person,unit\n{person},"{unit}"\n', dataset)
    assert len(found) == 1 and (refused is None or refused in found[0]), found


def test_codes_and_team_names_pass(dataset: Dataset) -> None:
    text = "person,unit\nP0001,Customer Care\nE-10234567,unit-07\n"
    assert len(read_people(text, dataset, format="csv", name="people.csv").people) == 2


def test_deeply_nested_json_is_a_located_problem_not_a_crash(dataset: Dataset) -> None:
    for text in ("[" * 100_000 + "]" * 100_000, '[{"id": "P1", "x": ' + "[" * 5000 + "]" * 5000):
        found = problems_of(text, dataset, format="json")
        assert found == [
            "people.json:1:1: nested deeper than JSON's parser allows; expected a list of "
            "people, each an object (docs/workforce.md)"
        ] or found[0].startswith("people.json:1:"), found


def test_a_huge_csv_cell_is_a_located_problem(dataset: Dataset) -> None:
    found = problems_of("person,unit\nP1," + "x" * 200_000 + "\n", dataset)
    assert found == ["people.csv:2:1: unreadable CSV: field larger than field limit (131072)"]


def test_formula_cells_go_out_quoted_and_read_back_the_same(dataset: Dataset) -> None:
    people = [Person(id="P1", unit='=HYPERLINK("http://x","y")'), Person(id="P2", unit="-ops")]
    text = write_csv(people)
    assert "'=HYPERLINK" in text and "'-ops" in text
    back = read_people(text, dataset, format="csv", name="people.csv")
    assert [p.unit for p in back.people] == [p.unit for p in people]
