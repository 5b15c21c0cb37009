"""`careergraph workforce ...` on the embedded store: the API's documents with --json,
readable tables, located import errors, and erasure."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import neo4j_launcher
from app.cli.main import cli
from app.cli.workforce_cmd import describe_store, workforce_settings
from app.neo4j_launcher import ServerInfo
from app.settings import get_settings
from graph.embedded import EmbeddedStore
from graph.snapshot import Snapshot
from graph.workforce import disclosure
from graph.workforce.bench import bench_board
from graph.workforce.generate import generate
from graph.workforce.heatmap import heatmap
from graph.workforce.index import WorkforceIndex
from graph.workforce.whatif import WhatIfRaise, what_if
from seed import DATA_DIR

runner = CliRunner()


@pytest.fixture(autouse=True)
def embedded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")
    monkeypatch.setenv("CAREERGRAPH_WORKFORCE_DIR", str(tmp_path / "workforce"))
    get_settings.cache_clear()
    yield tmp_path / "workforce"
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def expected() -> WorkforceIndex:
    snapshot = Snapshot.build(EmbeddedStore.from_directories([DATA_DIR]).load("cigref-2011"))
    return WorkforceIndex.build(snapshot, generate(snapshot.dataset, people=300, seed=9), "x")


def invoke(*args: str) -> str:
    result = runner.invoke(cli, ["workforce", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_generate_then_read_the_api_documents(expected: WorkforceIndex) -> None:
    assert "generated 300 people (seed 9)" in invoke("generate", "--people", "300", "--seed", "9")
    assert (
        json.loads(invoke("bench", "--json"))["roles"]
        == (bench_board(expected, 0.8).model_dump(mode="json")["roles"])
    )
    cells = json.loads(invoke("heatmap", "--json"))["cells"]
    published = disclosure.heatmap(heatmap(expected, min_group_size=5), 5)
    assert cells == published.model_dump(mode="json")["cells"]
    raised = json.loads(invoke("whatif", "--raise", "B2=3@role:3.2", "--json"))
    domain = what_if(expected, [WhatIfRaise(competence="B2", level=3, role="3.2")], threshold=0.8)
    assert raised["roles"] == domain.model_dump(mode="json")["roles"]


def test_generate_refuses_to_overwrite_without_replace() -> None:
    invoke("generate", "--people", "20", "--seed", "1")
    again = runner.invoke(cli, ["workforce", "generate", "--people", "20", "--seed", "2"])
    assert again.exit_code == 1 and "pass --replace" in again.output
    assert "generated 20" in invoke("generate", "--people", "20", "--seed", "2", "--replace")


def test_tables_say_what_they_show() -> None:
    invoke("generate", "--people", "300", "--seed", "9")
    text = " ".join(invoke("bench", "3.4", "--limit", "3").split())
    assert "3.4 Applications Architect:" in text and "Best single raise:" in text
    heat = " ".join(invoke("heatmap").split())
    assert "withheld: fewer than 5" in heat and "cells withheld (fewer than 5 people)" in heat
    csv_lines = invoke("heatmap", "--csv").splitlines()
    assert csv_lines[0] == "unit,competence,title,people,holding,share,suppressed,reason"
    assert "In all:" in invoke("whatif", "--raise", "E2=3@unit:unit-01")


def test_a_bad_file_is_reported_line_by_line_and_nothing_is_written(tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text(
        "person,role,competence,level,source,assessed_on\n"
        "P1,9.9,,,,\nP2,3.2,B1,9,self,2024-01-01\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["workforce", "import", str(bad)])
    assert result.exit_code == 1
    assert "error: people.csv:2:2: role: no role '9.9' in this dataset" in result.output
    assert "error: people.csv:3:4: level: level 9 is outside the scale e-1..e-5" in result.output
    assert "no person 'P2'" in runner.invoke(cli, ["workforce", "export", "P2"]).output


def test_import_export_erase(tmp_path: Path, embedded: Path) -> None:
    good = tmp_path / "people.csv"
    good.write_text(
        "person,unit,role,competence,level,source,assessed_on\n"
        "P1,Ops,3.2,B1,e-3,manager,2024-01-01\nP2,Ops,3.4,,,,\n",
        encoding="utf-8",
    )
    assert "imported 2 people (merge)" in invoke("import", str(good))
    exported = json.loads(invoke("export", "P1"))
    assert exported["assessments"] == [
        {"competence": "B1", "level": 3, "source": "manager", "assessed_on": "2024-01-01"}
    ]
    assert invoke("erase", "P1").strip() == (
        f"erased P1 from cigref-2011 in the embedded store ({embedded})"
    )
    assert b"P1" not in (embedded / "cigref-2011.json").read_bytes()
    missing = runner.invoke(cli, ["workforce", "erase", "P1"])
    assert missing.exit_code == 1


def test_a_malformed_raise_is_refused() -> None:
    result = runner.invoke(cli, ["workforce", "whatif", "--raise", "B2-3"])
    assert result.exit_code == 2 and "COMPETENCE=LEVEL@role:CODE" in result.output


def test_a_write_says_which_store_it_went_to(embedded: Path) -> None:
    said = invoke("generate", "--people", "20", "--seed", "1")
    assert f"into cigref-2011 in the embedded store ({embedded}):" in said


def test_the_commands_find_the_local_neo4j_as_cypher_run_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 25: with the local server `careergraph up` started recorded, and neither
    NEO4J_URI nor CAREERGRAPH_STORE set, the workforce commands use that Neo4j."""
    monkeypatch.delenv("CAREERGRAPH_STORE")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    local = ServerInfo(1, 7999, "bolt://127.0.0.1:7999", "neo4j", "pw", "/nowhere", 0.0)
    monkeypatch.setattr(neo4j_launcher, "status", lambda state_dir=None: local)
    get_settings.cache_clear()
    settings = workforce_settings()
    assert settings.store_kind == "neo4j"
    assert describe_store(settings) == "Neo4j at bolt://127.0.0.1:7999 (the local server)"
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")  # a choice made still decides
    get_settings.cache_clear()
    assert workforce_settings().store_kind == "embedded"
