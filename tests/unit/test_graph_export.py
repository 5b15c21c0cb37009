"""The GraphML export writes what networkx reads back, whatever the text holds; the budget
stops it between chunks."""

from __future__ import annotations

import networkx as nx
import pytest

from app import graph_export
from app.answers import accepts_gzip
from graph.budget import Budget, unlimited
from graph.errors import Cancelled
from tests.factories import catalogue, competence, role, snapshot_of


def test_markup_quotes_and_characters_xml_cannot_carry_survive() -> None:
    title = "R&D <lead> \"quoted\" 'single' \x01bell\x0b é \U0001f600"
    dataset = catalogue(
        competences=(competence("B1", [1, 2, 3]),),
        roles=(role("3.2", title, {"B1": [1]}), role("3.4", "Other", {"B1": [2]})),
    )
    snapshot = snapshot_of(dataset)
    read = nx.parse_graphml(b"".join(graph_export.graphml(snapshot, unlimited())).decode())
    assert read.nodes["3.2"]["title"] == title.replace("\x01", "\ufffd").replace("\x0b", "\ufffd")
    assert read.number_of_edges() == len(snapshot.links)


def test_a_cancelled_budget_stops_the_export_between_chunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(graph_export, "CHECK_EVERY", 1)
    dataset = catalogue(
        competences=(competence("B1", [1, 2, 3]),),
        roles=tuple(role(f"3.{n}", f"Role {n}", {"B1": [1 + n % 3]}) for n in range(1, 6)),
    )
    budget = Budget(seconds=60, units=100)
    chunks = graph_export.graphml(snapshot_of(dataset), budget)
    next(chunks)  # the head
    budget.cancel.set()
    with pytest.raises(Cancelled):
        list(chunks)


@pytest.mark.parametrize(
    ("header", "takes"),
    [
        ("gzip, deflate", True),
        ("br;q=1, gzip;q=0.5", True),
        ("gzip;q=0", False),
        ("", False),
        ("identity", False),
        ("*", True),
    ],
)
def test_accept_encoding(header: str, takes: bool) -> None:
    assert accepts_gzip(header) is takes
