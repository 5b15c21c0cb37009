"""`careergraph cypher list|run` against a real, seeded Neo4j: same gate, same limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from app.cli.cypher_cmd import parse_param
from app.cli.main import cli
from app.settings import get_settings
from graph.neo4j.library import library
from graph.neo4j.store import Neo4jStore
from tests.neo4j.conftest import store_people_for

pytestmark = pytest.mark.neo4j
runner = CliRunner()
SLOW = "UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n"


@pytest.fixture(autouse=True)
def on_neo4j(
    monkeypatch: pytest.MonkeyPatch,
    neo4j_uri: str,
    neo4j_auth: tuple[str, str],
    neo4j_database: str,
    seeded_neo4j: Driver,
) -> Iterator[None]:
    """The CLI reads NEO4J_* like any user's shell; the database holds the seed."""
    user, password = neo4j_auth
    for name, value in (
        ("NEO4J_URI", neo4j_uri),
        ("NEO4J_USER", user),
        ("NEO4J_PASSWORD", password),
        ("NEO4J_DATABASE", neo4j_database),
    ):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def cypher(*args: str) -> Any:
    return runner.invoke(cli, ["cypher", *args])


def example_args(example: dict[str, Any]) -> list[str]:
    """--param options for a library example: text as is, null left out, the rest as JSON."""
    args = []
    for key, value in example.items():
        if value is not None:
            args += ["--param", f"{key}={value if isinstance(value, str) else json.dumps(value)}"]
    return args


@pytest.mark.parametrize("name", sorted(library()))
def test_library_query_runs_from_the_cli(name: str, request: pytest.FixtureRequest) -> None:
    query = library()[name]
    store_people_for(name, request)
    personal = ["--personal-data"] if name.startswith("workforce_") else []
    result = cypher("run", name, *example_args(query.example), "--format", "json", *personal)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["columns"] == query.columns
    assert answer["row_count"] > 0


def test_gap_example_from_the_docs() -> None:
    table = cypher("run", "gap", "--param", "source=3.2", "--param", "target=3.4")
    assert table.exit_code == 0
    assert "Architecture Design" in table.stdout and "missing" in table.stdout
    rows = cypher("run", "gap", "-p", "source=3.2", "-p", "target=3.4", "--format", "csv")
    lines = rows.stdout.splitlines()
    assert lines[0] == "competence,title,area,have,need,delta,status"
    assert "A5,Architecture Design,A,0,3,3,missing" in lines


def test_list_names_every_library_query() -> None:
    listed = cypher("list", "--json")
    assert [q["name"] for q in json.loads(listed.stdout)] == sorted(library())
    assert "reachable_within" in cypher("list").stdout


def test_a_file_runs_with_typed_parameters(tmp_path: Path) -> None:
    query = tmp_path / "codes.cypher"
    query.write_text(
        "// roles of a family\n"
        "MATCH (r:Role)-[:IN_FAMILY]->(f:Family {dataset: $dataset, code: $family})\n"
        "WHERE r.code <> $not RETURN r.code AS code ORDER BY code",
        encoding="utf-8",
    )
    result = cypher(
        "run", str(query), "-p", 'family="3"', "-p", 'not="3.1"', "--limit", "2", "-f", "csv"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["code", "3.2", "3.3"]
    assert "truncated" in result.stderr


def test_a_write_is_refused_in_one_line(
    tmp_path: Path, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    store = Neo4jStore(seeded_neo4j, database=neo4j_database)
    before = store.load("cigref-2011")
    hostile = tmp_path / "hostile.cypher"
    hostile.write_text("MATCH (n) /* just reading */ DETACH DELETE n", encoding="utf-8")
    result = cypher("run", str(hostile))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: The query writes to the database (query type 'w'); the console only reads."
    )
    assert store.load("cigref-2011") == before


def test_timeout_is_one_line_too(tmp_path: Path) -> None:
    slow = tmp_path / "slow.cypher"
    slow.write_text(SLOW, encoding="utf-8")
    result = cypher("run", str(slow), "--timeout", "1")
    assert result.exit_code == 1
    assert "1 s limit" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["run", "gapp"], 1, "No library query 'gapp'. Did you mean: gap "),
        (["run", "gap", "-p", "sourc=3.2"], 1, "unknown: sourc"),
        (["run", "gap", "-p", "source"], 2, "expected KEY=VALUE"),
        (["run", "missing.cypher"], 1, "cannot read missing.cypher"),
    ],
)
def test_mistakes_are_one_line(args: list[str], code: int, message: str) -> None:
    result = cypher(*args)
    assert result.exit_code == code
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_without_neo4j_uri_it_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NEO4J_URI")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))  # and no local server either
    get_settings.cache_clear()
    result = cypher("run", "overview")
    assert result.exit_code == 1
    assert "no Neo4j: set NEO4J_URI, or run `careergraph neo4j start`" in result.stderr


@pytest.mark.parametrize(
    ("raw", "examples", "value"),
    [
        ("n=3", {}, 3),
        ("x=2.5", {}, 2.5),
        ('kinds=["documented"]', {}, ["documented"]),
        ("flag=true", {}, True),
        ("code=3.2", {}, 3.2),
        ('code="3.2"', {}, "3.2"),
        ("text=data engineer", {}, "data engineer"),
        ("source=3.2", {"source": "3.2"}, "3.2"),
        ("source=3.2", {"source": None}, "3.2"),
        ("limit=10", {"limit": 10}, 10),
        ("expr=a=b", {}, "a=b"),
    ],
)
def test_param_typing(raw: str, examples: dict[str, Any], value: Any) -> None:
    assert parse_param(raw, examples)[1] == value
