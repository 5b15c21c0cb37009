"""The career commands in words (issue 25): roles named by title, paths with titles, no
empty section, counts with the right noun, tables that fit the terminal."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli.main import cli
from app.cli.show import count, named
from app.settings import get_settings

runner = CliRunner()
ONET = "onet-slice"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding a slice of O*NET: Software Developers and 20 other occupations."""
    from graph.formats.presets import packaged_file

    root = tmp_path_factory.mktemp("cli-words")
    lines = gzip.decompress(packaged_file("onet").read_bytes()).decode().splitlines()
    developers = next(line for line in lines if line.startswith("Software Developers,"))
    (root / "onet.csv").write_text("\n".join([*lines[:21], developers]) + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAREERGRAPH_DATASETS_DIR", str(root / "library"))
        get_settings.cache_clear()
        args = ["dataset", "import", str(root / "onet.csv"), "--preset", "onet", "--id", ONET]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    return root / "library"


@pytest.fixture(autouse=True)
def embedded(monkeypatch: pytest.MonkeyPatch, library: Path) -> Iterator[None]:
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")
    monkeypatch.setenv("CAREERGRAPH_DATASETS_DIR", str(library))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def answer(*args: str, columns: int = 80) -> str:
    result = runner.invoke(cli, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


# Every argument and option that takes a role, named by code and by title.
BY_CODE_AND_TITLE = [
    (["gap", "3.2", "3.4"], ["gap", "programmer", "Applications Architect"]),
    (["next", "3.2"], ["next", "PROGRAMMER"]),
    (
        ["paths", "3.2", "3.4", "--avoid", "3.5,3.3"],
        ["paths", "Programmer", "applications arch", "--avoid", "software config,test manager"],
    ),
    (["unlocks", "1.3", "--to", "7.2"], ["unlocks", "business information", "--to", "it entity"]),
    (["role", "3.2"], ["role", "programmer"]),
]


@pytest.mark.parametrize(("by_code", "by_title"), BY_CODE_AND_TITLE, ids=lambda a: a[0])
def test_a_title_is_taken_wherever_a_code_is(by_code: list[str], by_title: list[str]) -> None:
    assert json.loads(answer(*by_title, "--json")) == json.loads(answer(*by_code, "--json"))


def test_a_title_is_taken_on_o_net_too() -> None:
    by_title = answer("role", "software developers", "--dataset", ONET, "--json")
    assert json.loads(by_title)["code"] == "15-1252.00"


def test_a_role_named_by_another_name_says_which_it_took() -> None:
    result = runner.invoke(cli, ["gap", "programmer", "architect", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["to"]["code"] == "4.10"  # "Architect" is 4.10's other title
    assert "'architect' taken as 4.10 Technical Architect" in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["gap", "3.2", "project manager"], "could be 2 roles: 2.1 Head of Project, 2.3 IT"),
        (["next", "programer"], "No role 'programer'. Did you mean: 3.2 Programmer"),
        (["paths", "3.2", "3.4", "--avoid", "nobody at all"], "No role 'nobody at all'"),
    ],
)
def test_a_role_that_cannot_be_told_is_one_line(args: list[str], said: str) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert said in result.stderr


def test_paths_name_the_roles_and_what_is_not_held() -> None:
    text = " ".join(answer("paths", "3.2", "3.4", columns=200).split())
    assert "1. 3.2 Programmer → 3.4 Applications Architect: 5 level steps" in text
    assert "the shortest takes 1 move;" in text
    assert "A5 Architecture Design none → e-3" in text and "-→" not in text


def test_no_section_is_left_empty() -> None:
    for role in ("3.2", "2.3"):  # 3.2's sheet states no experience, 2.3's does
        lines = answer("role", role, columns=200).splitlines()
        assert not [line for line in lines if line.rstrip().endswith(":")], role
    assert "Experience:" not in answer("role", "3.2", columns=200)


def test_unlocks_lists_only_raises_that_unlock_a_role() -> None:
    assert "no single raise brings" in " ".join(answer("unlocks", "3.2").split())
    for source in ("1.3", "4.2"):
        raises = json.loads(answer("unlocks", source, "--json"))["raises"]
        assert raises and all(r["unlocks"] for r in raises)


def test_counts_take_the_right_noun() -> None:
    assert [count(1, "family", "families"), count(2, "family", "families")] == [
        "1 family",
        "2 families",
    ]
    assert [count(1, "move"), count(0, "move"), count(1200, "role")] == [
        "1 move",
        "0 moves",
        "1,200 roles",
    ]


def test_a_code_that_spells_its_title_is_not_repeated() -> None:
    assert named("3.2", "Programmer") == "3.2 Programmer"
    assert named("15-1252.00", "Software Developers") == "15-1252.00 Software Developers"
    assert named("knowledge-computers-and-electronics", "Computers and Electronics") == (
        "Computers and Electronics"
    )


CAREER = [
    ["gap", "3.2", "4.10"],
    ["next", "3.2"],
    ["paths", "1.3", "7.2"],
    ["unlocks", "1.3", "--to", "7.2"],
    ["role", "3.2"],
    ["gap", "15-1252.00", "11-1021.00", "--dataset", ONET],
    ["next", "15-1252.00", "--dataset", ONET],
    ["unlocks", "15-1252.00", "--dataset", ONET],
    ["role", "15-1252.00", "--dataset", ONET],
]


@pytest.mark.parametrize("args", CAREER, ids=" ".join)
def test_the_output_fits_an_80_column_terminal_and_no_figure_is_cut(args: list[str]) -> None:
    lines = answer(*args, columns=80).splitlines()
    assert max(map(len, lines)) <= 80
    assert not [line for line in lines if "…" in line]  # nothing cut short


def test_a_wide_terminal_gets_wide_tables() -> None:
    rows = answer("next", "3.2", columns=160).splitlines()
    assert any("3.5 Software Configuration Officer" in row for row in rows)
