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


def printed(*args: str) -> str:
    """What `careergraph paths ARGS` prints, on one line, once it succeeded."""
    result = runner.invoke(cli, ["paths", *args])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_without_max_steps_it_says_the_default_bound() -> None:
    text = printed("1.3", "7.2")
    assert "the shortest takes 3 moves; paths of at most 5 moves (default:" in text
    assert (
        "Go direct: it is within reach from here and takes 5 level steps (81% covered), "
        "fewer than the path's 13." in text
    )
    assert (
        "1. 1.3 Business Information System Manager → 7.1 Chief Information Officer → "
        "7.4 Head of Operations → 7.2 IT Entity Manager: 13 level steps"
    ) in text
    assert "7.1 → 7.4 (inferred, 4 level steps, 88% covered)" in text


def test_json_carries_the_bound_its_source_and_the_direct_move() -> None:
    given = json.loads(
        runner.invoke(cli, ["paths", "1.3", "7.2", "--max-steps", "6", "--json"]).output
    )
    assert (given["max_steps"], given["max_steps_source"], given["fewest_moves"]) == (6, "given", 3)
    assert (given["direct"]["level_steps"], given["direct"]["better"]) == (5, True)
    assert given["direct"]["text"].startswith("go direct: it is within reach from here")


def test_a_given_max_steps_too_small_is_one_line() -> None:
    result = runner.invoke(cli, ["paths", "1.3", "7.2", "--max-steps", "2"])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "the shortest takes 3" in result.output
    assert "learn it directly: 5 level steps" in result.output


def test_no_chain_of_within_reach_steps_is_one_line_saying_why() -> None:
    result = runner.invoke(cli, ["paths", "5.2", "7.4"])
    assert result.exit_code == 1
    assert result.output.startswith("error: No chain of within-reach steps from 5.2")
    assert "learn it directly: 33 level steps, 3% covered" in result.output
