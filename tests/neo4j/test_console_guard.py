"""The console's gate on its own: the text scan, the catalogue, and the READ transaction
as a second line that holds even when the first one is switched off."""

from __future__ import annotations

import re

import pytest
from neo4j import Driver

from graph.errors import QueryRefused
from graph.neo4j import console, console_gate
from graph.neo4j.library import library
from graph.neo4j.store import Neo4jStore


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RETURN 'a;b' AS x", "RETURN '' AS x"),
        ('RETURN "it\\"s; //" AS x', "RETURN '' AS x"),
        ("RETURN 1 // CREATE (x);\n", "RETURN 1  \n"),
        ("RETURN /* ; */ 1", "RETURN   1"),
        ("RETURN 1 AS `a``b;c`", "RETURN 1 AS a_b_c"),
        ("CALL `apoc.load`.json(1)", "CALL apoc.load.json(1)"),
    ],
)
def test_code_only_keeps_code_and_nothing_else(text: str, code: str) -> None:
    assert console_gate.code_only(text) == code


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("CALL db.labels() YIELD label", ["db.labels"]),
        ("CALL db . labels", ["db.labels"]),
        ("RETURN apoc.text.join(['a'], ',') AS x", ["apoc.text.join"]),
        ("MATCH (n) RETURN n.code AS code, n.title", []),
    ],
)
def test_called_names_are_calls_not_properties(code: str, names: list[str]) -> None:
    assert list(console_gate.called_names(code)) == names


def test_denied_namespaces_match_whole_segments() -> None:
    assert console_gate.denied_reason("apoc.load.json") is not None
    assert console_gate.denied_reason("APOC.Export.csv.all") is not None
    assert console_gate.denied_reason("apoc.loader.x") is None
    assert console_gate.denied_reason("db.labels") is None
    assert console_gate.denied_reason("apoc.text.join") is None
    assert console_gate.denied_reason("db.resampleOutdatedIndexes") is not None
    assert console_gate.denied_reason("apoc.graph.fromCypher") is not None


def test_every_library_file_documents_the_parameters_it_uses() -> None:
    for query in library().values():
        used = set(re.findall(r"\$([A-Za-z_]\w*)", console_gate.code_only(query.query)))
        assert used - {"dataset"} == set(query.parameters), query.name
        assert set(query.example) == used - {"dataset"}, query.name
        assert query.summary and query.purpose and query.columns, query.name


@pytest.mark.neo4j
def test_the_read_transaction_refuses_writes_on_its_own(
    monkeypatch: pytest.MonkeyPatch, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    """Switch both checks off: Neo4j's READ transaction must still refuse the write."""
    monkeypatch.setattr(console_gate, "check_text", lambda text: None)
    monkeypatch.setattr(console_gate, "check_plan", lambda summary, database: None)
    store = Neo4jStore(seeded_neo4j, database=neo4j_database)
    before = store.load("cigref-2011")
    with pytest.raises(QueryRefused, match="read-only transaction"):
        console.run_query(
            seeded_neo4j,
            "MATCH (r:Role) SET r.title = 'Hacked'",
            database=neo4j_database,
            dataset="cigref-2011",
        )
    assert store.load("cigref-2011") == before


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("CALL db.stats.collect('QUERIES')", "db.stats.*"),
        ("CALL `db`.stats.retrieve('QUERIES')", "db.stats.*"),
        ("CALL db.prepareForReplanning()", "db.prepareForReplanning"),
    ],
)
def test_the_plan_names_denied_procedures_the_text_scan_missed(
    monkeypatch: pytest.MonkeyPatch,
    seeded_neo4j: Driver,
    neo4j_database: str,
    query: str,
    reason: str,
) -> None:
    """Switch the text scan off: the procedures in EXPLAIN's plan are checked too."""
    monkeypatch.setattr(console_gate, "check_text", lambda text: None)
    with pytest.raises(QueryRefused, match=re.escape(reason)):
        console.run_query(seeded_neo4j, query, database=neo4j_database, dataset="cigref-2011")
