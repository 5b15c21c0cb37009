"""`careergraph unlocks`: the table people read, and the API's document with --json."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from app.cli.main import cli
from app.settings import get_settings
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


def test_the_table_names_each_raise_and_what_it_unlocks() -> None:
    result = runner.invoke(cli, ["unlocks", "3.2", "--to", "3.4", "--limit", "2"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "3 roles within reach" in text
    assert "C1 User Support: none → e-2" in text and "5.2 Help Desk Technician" in text
    assert "Towards 3.4 Applications Architect (5 level steps to go, 62% covered)" in text
    assert "A5 Architecture Design: none → e-3: closes 3 of 3" in text


def test_json_is_the_api_document() -> None:
    result = runner.invoke(cli, ["unlocks", "3.2", "--json", "--dataset", "cigref-2011"])
    assert result.exit_code == 0, result.output
    snapshot = Snapshot.build(EmbeddedStore.from_directories([DATA_DIR]).load("cigref-2011"))
    expected = unlocks(snapshot, role_holder(snapshot, "3.2"))
    assert json.loads(result.output) == expected.model_dump(mode="json")


def test_an_unknown_role_is_one_line() -> None:
    result = runner.invoke(cli, ["unlocks", "3.99"])
    assert result.exit_code == 1
    assert "No role '3.99'" in result.output
