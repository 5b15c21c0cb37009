"""`careergraph eval`: the harness's tables on the terminal, and one line when nothing judges."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from app.cli import eval_cmd
from app.cli.eval_cmd import render
from app.cli.main import cli
from graph.evaluation.harness import Evaluation

runner = CliRunner()


def test_the_seed_is_scored_beside_the_baselines(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich reads COLUMNS when the console is made (at import, maybe by another test): wide
    # enough that no row label wraps, set on the console itself.
    monkeypatch.setattr(eval_cmd.console, "width", 200)
    result = runner.invoke(cli, ["eval"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "cigref-2011: 33 roles, 14 judged" in text
    for row in ("model (default: no step-downs)", "today's rule (coverage)", "baseline: random"):
        assert row in text
    assert "model links" in text and "2.2->2.1 2" in text


def test_a_dataset_without_truth_is_one_line() -> None:
    result = runner.invoke(cli, ["eval", "--preset", "esco"])
    assert result.exit_code == 1
    assert "no truth set judges dataset 'esco-1-2-1'" in result.output
    unknown = runner.invoke(cli, ["eval", "--dataset", "nope"])
    assert unknown.exit_code == 1 and unknown.output.startswith("error:")


def test_thousands_of_documented_moves_print_a_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # O*NET loads its Related Occupations as documented moves: a count, not 4,000 places.
    places: dict[str, int | None] = {f"a->{i}": i for i in range(1, 60)}
    places["a->none"] = None
    render(Evaluation("x", 60, "truth", 1, [], [], stated_ranks=places))
    text = " ".join(capsys.readouterr().out.split())
    assert "5 of 60 in the top 5, 10 in the top 10" in text and "a->1 " not in text
