"""The career commands: readable tables, the API's JSON with --json, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from app.cli.main import cli
from app.settings import get_settings
from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.algorithms.unlocks import unlocks
from graph.embedded import EmbeddedStore
from graph.snapshot import Snapshot
from seed import DATA_DIR

runner = CliRunner()


@pytest.fixture(autouse=True)
def embedded(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_gap_table_speaks_plainly() -> None:
    result = runner.invoke(cli, ["gap", "3.2", "3.4"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # rich wraps to the terminal's width
    assert "5 level steps to go, 62% covered" in text
    assert "Architecture Design" in result.output and "✗ missing" in result.output


def test_gap_json_is_the_api_document() -> None:
    result = runner.invoke(cli, ["gap", "3.2", "3.4", "--basis", "mastery", "--json"])
    assert result.exit_code == 0
    snapshot = Snapshot.build(EmbeddedStore.from_directories([DATA_DIR]).load("cigref-2011"))
    expected = gap(snapshot, role_holder(snapshot, "3.2"), "3.4", basis="mastery")
    assert json.loads(result.output) == expected.model_dump(mode="json")


def test_paths_next_and_role() -> None:
    paths = runner.invoke(cli, ["paths", "1.3", "2.3", "--json"])
    assert paths.exit_code == 0
    assert json.loads(paths.output)["paths"][0]["roles"][-1] == "2.3"
    moves = runner.invoke(cli, ["next", "3.2", "--limit", "3", "--json"])
    assert len(json.loads(moves.output)["moves"]) == 3
    role = runner.invoke(cli, ["role", "3.2"])
    assert role.exit_code == 0 and "Programmer" in role.output and "e-2, e-3, e-4" in role.output


@pytest.mark.parametrize(
    "args",
    [["gap", "3.2", "9.9"], ["paths", "3.2", "3.2"], ["next", "programmer-x"], ["role", "99"]],
)
def test_bad_input_is_one_line_and_exit_1(args: list[str]) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert result.output.startswith("error: ")
    assert "Traceback" not in result.output


def test_unknown_role_suggests() -> None:
    result = runner.invoke(cli, ["gap", "3.2", "programer"])
    assert "3.2 Programmer" in result.output


def test_the_table_names_each_raise_and_what_it_unlocks() -> None:
    result = runner.invoke(cli, ["unlocks", "3.2", "--to", "3.4", "--limit", "2"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "3 roles within reach" in text
    # No single raise brings one of the Programmer's best next moves within reach; the
    # Help Desk Technician (a step down) is not offered any more.
    assert "no single raise brings one of its best next moves within reach" in text
    assert "5.2 Help Desk Technician" not in text
    assert "Towards 3.4 Applications Architect (5 level steps to go, 62% covered)" in text
    assert "A5 Architecture Design: none → e-3: closes 3 of 3 level steps raised" in text


def test_unlocks_json_is_the_api_document() -> None:
    result = runner.invoke(cli, ["unlocks", "3.2", "--json", "--dataset", "cigref-2011"])
    assert result.exit_code == 0, result.output
    snapshot = Snapshot.build(EmbeddedStore.from_directories([DATA_DIR]).load("cigref-2011"))
    expected = unlocks(snapshot, role_holder(snapshot, "3.2"))
    assert json.loads(result.output) == expected.model_dump(mode="json")


def test_unlocks_of_an_unknown_role_is_one_line() -> None:
    result = runner.invoke(cli, ["unlocks", "3.99"])
    assert result.exit_code == 1
    assert "No role '3.99'" in result.output
