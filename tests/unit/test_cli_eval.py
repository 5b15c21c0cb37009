"""`careergraph eval`: the harness's tables on the terminal, and one line when nothing judges."""

from __future__ import annotations

from typer.testing import CliRunner

from app.cli.main import cli

runner = CliRunner()


def test_the_seed_is_scored_beside_the_baselines() -> None:
    result = runner.invoke(cli, ["eval"], env={"COLUMNS": "200"})
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
