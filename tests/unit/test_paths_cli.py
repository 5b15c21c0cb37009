"""`careergraph paths`: the bound it used, the default rule, and a given --max-steps honoured."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from app.cli.main import cli
from app.settings import get_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def embedded(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_without_max_steps_it_says_the_default_bound() -> None:
    # 1.1 -> 3.2 takes 5 moves at the fewest (career links never step down).
    result = runner.invoke(cli, ["paths", "1.1", "3.2"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "the shortest takes 5 moves; paths of at most 7 moves (default:" in text
    assert "1. 1.1 →" in text


def test_json_carries_the_bound_and_its_source() -> None:
    given = json.loads(
        runner.invoke(cli, ["paths", "1.1", "3.2", "--max-steps", "6", "--json"]).output
    )
    assert (given["max_steps"], given["max_steps_source"], given["fewest_moves"]) == (6, "given", 5)


def test_a_given_max_steps_too_small_is_one_line() -> None:
    result = runner.invoke(cli, ["paths", "1.1", "3.2", "--max-steps", "4"])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "the shortest takes 5" in result.output
