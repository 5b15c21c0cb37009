"""`careergraph dataset ...` on the embedded store: a library directory per test."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli.main import cli
from app.settings import get_settings
from graph.datafiles import read_dataset
from graph.formats.bundles import to_zip
from seed import DATA_DIR

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
EXAMPLE = EXAMPLES / "csv-catalogue"


@pytest.fixture(autouse=True)
def library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")
    monkeypatch.setenv("CAREERGRAPH_DATASETS_DIR", str(tmp_path / "library"))
    get_settings.cache_clear()
    yield tmp_path / "library"
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["dataset", *args])
    return result.exit_code, result.stdout, result.stderr


def one_line_error(code: int, stderr: str) -> str:
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_import_list_export_remove(library: Path, tmp_path: Path) -> None:
    code, out, _ = run("import", str(EXAMPLE))
    assert code == 0, out
    assert "imported acme-engineering" in " ".join(out.split())
    assert "career links:" in out
    assert read_dataset(library / "acme-engineering").id == "acme-engineering"

    code, out, _ = run("list")
    assert code == 0 and "acme-engineering" in out and "cigref-2011 (default)" in out

    code, out, _ = run("export", "acme-engineering", str(tmp_path / "csv"), "--format", "csv")
    assert code == 0
    for path in EXAMPLE.iterdir():
        assert (tmp_path / "csv" / path.name).read_bytes() == path.read_bytes()

    code, out, _ = run("remove", "acme-engineering")
    assert code == 0 and not (library / "acme-engineering").exists()
    assert "No dataset 'acme-engineering'" in one_line_error(
        *run("remove", "acme-engineering")[::2]
    )


def test_the_career_commands_answer_on_an_imported_dataset() -> None:
    assert run("import", str(EXAMPLE))[0] == 0
    result = runner.invoke(
        cli, ["gap", "ENG-1", "ENG-2", "--dataset", "acme-engineering", "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert (summary["missing"], summary["raise"]) == (1, 2)  # RUN.1 missing; BUILD.1, BUILD.2


def test_an_existing_id_needs_replace_or_another_id(library: Path) -> None:
    assert run("import", str(EXAMPLE))[0] == 0
    code, _, err = run("import", str(EXAMPLE))
    assert "already holds a dataset 'acme-engineering'" in one_line_error(code, err)
    assert run("import", str(EXAMPLE), "--replace")[0] == 0
    assert run("import", str(EXAMPLE), "--id", "acme-2", "--name", "Acme 2")[0] == 0
    assert read_dataset(library / "acme-2").name == "Acme 2"


def test_a_json_export_of_the_seed_imports_under_another_id(tmp_path: Path) -> None:
    assert run("export", "cigref-2011", str(tmp_path / "json"))[0] == 0
    code, out, _ = run("import", str(tmp_path / "json"), "--id", "cigref-copy")
    assert code == 0
    assert "33 roles" in out and "311 requirements" in out


def test_a_matrix_with_families_prints_what_the_quantisation_chose(library: Path) -> None:
    code, out, _ = run(
        "import",
        str(EXAMPLES / "matrix.csv"),
        "--id",
        "acme-matrix",
        "--levels",
        "4",
        "--top",
        "1",
        "--area-separator",
        ":",
        "--families",
        str(EXAMPLES / "matrix-families.csv"),
    )
    assert code == 0, out
    text = " ".join(out.split())
    assert "3 families, 5 roles, 2 areas, 5 competences" in text
    assert "L1 (from 0.5): 6, L2 (from 0.625): 2, L3 (from 0.75): 2, L4 (from 0.875): 3" in text
    assert "competences no role requires: 1 (knowledge-accounting)" in text
    assert {f.code for f in read_dataset(library / "acme-matrix").families} == {
        "Engineering",
        "Management",
        "Quality",
    }


def test_a_bad_file_is_one_line_and_writes_nothing(library: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    for path in EXAMPLE.iterdir():
        (bad / path.name).write_bytes(path.read_bytes())
    requirements = bad / "requirements.csv"
    requirements.write_text(requirements.read_text().replace("ENG-2,BUILD.2,2", "ENG-2,BUILD.9,2"))
    line = one_line_error(*run("import", str(bad))[::2])
    assert line == "error: requirements.csv:5:2 (competence): unknown competence 'BUILD.9'"
    assert not library.exists() or not any(library.iterdir())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["remove", "cigref-2011"], "'cigref-2011' is the default dataset"),
        (["export", "nope", "out"], "No dataset 'nope'"),
        (["export", "cigref-2011", "out", "--format", "xml"], "--format 'xml'"),
        (["import"], "give the PATH to import"),
        (["import", "no/such/file.csv"], "no/such/file.csv: cannot read it"),
        (["import", str(EXAMPLES / "matrix.csv"), "--thresholds", "0.5,x"], "thresholds '0.5,x'"),
        (["import", str(EXAMPLES / "matrix.csv"), "--preset", "nope"], "no preset 'nope'"),
    ],
)
def test_mistakes_are_one_line_and_exit_1(args: list[str], message: str) -> None:
    assert message in one_line_error(*run(*args)[::2])


def test_remove_takes_an_id_never_a_folder(tmp_path: Path) -> None:
    """Issue 22: `dataset remove /any/folder` deleted any folder holding a dataset.json."""
    folder = tmp_path / "precious"
    shutil.copytree(DATA_DIR, folder)
    for given in (str(folder), str(DATA_DIR), "../precious", "acme-engineering\n"):
        assert "dataset id" in one_line_error(*run("remove", given)[::2])
    assert read_dataset(folder).id == "cigref-2011" and read_dataset(DATA_DIR).id == "cigref-2011"


def test_a_zip_bomb_is_bounded_like_the_api_upload(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, library: Path
) -> None:
    monkeypatch.setenv("CAREERGRAPH_IMPORT_MAX_BYTES", "100000")
    get_settings.cache_clear()
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(to_zip({"matrix.csv": "0" * 10_000_000}, "bomb"))
    assert bomb.stat().st_size < 100_000
    line = one_line_error(*run("import", str(bomb), "--format", "matrix")[::2])
    assert "10,000,000 bytes once unpacked; at most 100,000" in line
    assert not library.exists() or not any(library.iterdir())


def test_an_unreadable_library_dataset_is_listed_and_every_command_still_works(
    library: Path,
) -> None:
    """Issue 22: one bad dataset in the library stopped every command at start-up."""
    assert run("import", str(EXAMPLE))[0] == 0
    shutil.copytree(DATA_DIR, library / "broken")
    (library / "broken" / "roles.json").write_text("[")
    shutil.copytree(EXAMPLE.parent / "csv-catalogue", library / "x\n")  # no dataset.json
    shutil.copytree(DATA_DIR, library / "y\n")
    code, out, err = run("list")
    assert code == 0 and "acme-engineering" in out and "cigref-2011" in out
    assert "left out: 'broken': roles.json:1:2: invalid JSON" in err
    assert "left out: 'y\\n': library entry 'y\\n': not a dataset id" in err
    result = runner.invoke(cli, ["gap", "ENG-1", "ENG-2", "--dataset", "acme-engineering"])
    assert result.exit_code == 0, result.stderr
    assert run("remove", "broken")[0] == 0 and not (library / "broken").exists()
