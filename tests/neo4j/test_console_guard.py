"""The console's gate on its own: the text scan, the catalogue, and the READ transaction
as a second line that holds even when the first one is switched off."""

from __future__ import annotations

import re
from types import SimpleNamespace

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


# Issue 15, failure 4: comments read as Neo4j reads them, functions checked in the plan.
# Neo4j ends `//` at \r or \n only; the others are whitespace (or, \x85, a name character).
ENDS_A_LINE_COMMENT = ["\n", "\r", "\r\n"]
INSIDE_A_LINE_COMMENT = ["\u2028", "\u2029", "\u0085", "\v", "\f", "\u00a0", "\u3000"]
HIDDEN = "apoc.cypher.runFirstColumnSingle('MATCH (n) DETACH DELETE n', {}) AS b"


@pytest.mark.parametrize("terminator", ENDS_A_LINE_COMMENT)
def test_a_line_comment_ends_where_neo4j_ends_it(terminator: str) -> None:
    text = f"RETURN 1 AS a // note{terminator}, {HIDDEN}"
    assert "apoc.cypher" in console_gate.code_only(text)
    with pytest.raises(QueryRefused, match=r"apoc\.cypher"):
        console_gate.check_text(text)


@pytest.mark.parametrize("separator", INSIDE_A_LINE_COMMENT)
def test_other_separators_do_not_end_a_line_comment(separator: str) -> None:
    text = f"RETURN 1 AS a // note{separator}, {HIDDEN}"
    assert console_gate.code_only(text).rstrip() == "RETURN 1 AS a"
    console_gate.check_text(text)


@pytest.mark.parametrize("separator", [*ENDS_A_LINE_COMMENT, *INSIDE_A_LINE_COMMENT])
def test_block_comments_and_strings_hold_any_separator(separator: str) -> None:
    for text in (
        f"RETURN 1 AS a /* note{separator} {HIDDEN} */",
        f"RETURN 'note{separator} {HIDDEN}' AS a",
    ):
        assert "apoc" not in console_gate.code_only(text)
        console_gate.check_text(text)
    with pytest.raises(QueryRefused):
        console_gate.check_text(f"RETURN 1 AS a /* note{separator} */, {HIDDEN}")


def plan_summary(details: str, operator: str = "Projection@neo4j") -> SimpleNamespace:
    """What EXPLAIN returns for a read whose one operator has these details."""
    plan = {
        "operatorType": "ProduceResults@neo4j",
        "args": {"Details": "b"},
        "children": [{"operatorType": operator, "args": {"Details": details}, "children": []}],
    }
    return SimpleNamespace(query_type="r", plan=plan)


@pytest.mark.parametrize(
    ("details", "operator"),
    [
        ("apoc.cypher.runFirstColumnSingle($autostring_0, $automap_1) AS b", "Projection@neo4j"),
        ("apoc.load.json($autostring_0) IS NOT NULL", "Filter@neo4j"),
        ("size(APOC.Export.csv.query($autostring_0)) AS b", "Projection@neo4j"),
        ("`apoc`.`cypher`.run($autostring_0, $automap_1)", "Projection@neo4j"),
        ("dbms.components() :: (name :: STRING)", "ProcedureCall@neo4j"),
        ("apoc.periodic.iterate($a, $b, $c) :: (batches :: INTEGER)", "ProcedureCall@neo4j"),
    ],
)
def test_the_plan_check_covers_functions_as_well_as_procedures(details: str, operator: str) -> None:
    with pytest.raises(QueryRefused, match="console refuses"):
        console_gate.check_plan(plan_summary(details, operator), database="neo4j")


def test_allowed_functions_and_procedures_pass_the_plan_check() -> None:
    for details, operator in [
        ("toUpper($autostring_0) AS b, apoc.text.join($l, $s) AS c", "Projection@neo4j"),
        ("db.labels() :: (label :: STRING)", "ProcedureCall@neo4j"),
        ("cache[n.code] AS `n.code`", "Projection@neo4j"),
    ]:
        console_gate.check_plan(plan_summary(details, operator), database="neo4j")


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "separator", [*ENDS_A_LINE_COMMENT, *INSIDE_A_LINE_COMMENT, "\u0085x", "\u2028\n"]
)
def test_the_gate_reads_comments_as_neo4j_does(
    neo4j_driver: Driver, neo4j_database: str, separator: str
) -> None:
    """Neo4j's own parse is the oracle: the gate sees `, 2 AS b` exactly when Neo4j does."""
    for text in (
        f"RETURN 1 AS a // note{separator}, 2 AS b",
        f"RETURN 1 AS a /* note{separator} */, 2 AS b",
        f"RETURN 'x{separator}' AS a, 2 AS b",
    ):
        with neo4j_driver.session(database=neo4j_database) as session:
            columns = session.run("EXPLAIN " + text).keys()
        assert ("b" in columns) == ("2 AS b" in console_gate.code_only(text)), repr(text)
