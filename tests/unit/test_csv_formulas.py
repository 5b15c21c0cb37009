"""Spreadsheet formula injection: every CSV writer neutralises cells a spreadsheet would run
(graph/csvsafe.py, the OWASP rule), and our own readers take the guard off again.

One test per writer: the gap CSV (app/routers/gap.py), the dataset export
(graph/formats/catalogue_csv.py), the workforce file (graph/workforce/csvfile.py), the
heatmap CSV of the CLI (the API's is tests/api/test_workforce_api.py), the console's CSV
(app/cli/cypher_cmd.py shares csv_text, checked through it).
"""

from __future__ import annotations

import csv
import io

import pytest

from app.routers.gap import _as_csv
from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.csvsafe import csv_text, neutral, restored
from graph.formats.bundles import Bundle
from graph.formats.catalogue_csv import read_catalogue, write_catalogue
from graph.models import Dataset
from tests.factories import snapshot_of, tiny_dataset

HOSTILE = ['=HYPERLINK("http://x","y")', "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", "\tx", "\rx"]


def hostile_dataset() -> Dataset:
    """The tiny dataset with a formula for a competence title and a role title."""
    dataset = tiny_dataset()
    competences = tuple(
        c.model_copy(update={"title": HOSTILE[0]}) if c.code == "A1" else c
        for c in dataset.competences
    )
    roles = tuple(
        r.model_copy(update={"title": HOSTILE[1]}) if r.code == "3.4" else r for r in dataset.roles
    )
    return dataset.model_copy(update={"competences": competences, "roles": roles})


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_goes_out_quoted_and_comes_back(value: str) -> None:
    assert neutral(value) == "'" + value
    assert restored(str(neutral(value))) == value
    assert neutral(-3) == -3 and neutral("Payments") == "Payments"
    assert restored("'quoted on purpose") == "'quoted on purpose"
    for quoted in ("'" + value, "''" + value):  # already quoted by someone: kept exactly
        assert restored(str(neutral(quoted))) == quoted


def test_no_cell_of_csv_text_starts_a_formula() -> None:
    text = csv_text(["unit", "n"], [[value, -1] for value in HOSTILE])
    found = cells(text)
    assert not [c for c in found if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert "-1" in found  # numbers stay numbers


def test_the_gap_csv_neutralises_titles() -> None:
    snapshot = snapshot_of(hostile_dataset())
    report = gap(snapshot, role_holder(snapshot, "3.2"), "3.4")
    text = bytes(_as_csv(report).body).decode()
    assert "'" + HOSTILE[0] in cells(text)
    assert HOSTILE[0] not in cells(text)


def test_the_dataset_export_neutralises_and_reads_back() -> None:
    dataset = hostile_dataset()
    files = write_catalogue(dataset)
    exported = [c for text in files.values() for c in cells(text)]
    assert "'" + HOSTILE[0] in exported and "'" + HOSTILE[1] in exported
    assert not [c for c in exported if c.startswith(("=", "@"))]
    back = read_catalogue(Bundle("test", {n: t.encode() for n, t in files.items()}))
    assert back.competences == dataset.competences and back.roles == dataset.roles
