"""Writing, reading and checking the seed files, through `read_dataset` and the CLI."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import graph.datafiles
from app.cli.main import cli
from graph.datafiles import _read_meta, read_dataset, write_dataset
from graph.errors import DatasetError
from graph.models import natural_key
from seed import DATA_DIR
from seed.build import build_all
from seed.report import DEFAULT_REPORT
from tools.bench.synthetic import catalogue

FILES = (
    "dataset.json",
    "families.json",
    "areas.json",
    "competences.json",
    "roles.json",
    "links.json",
)
AT = r":\d+:\d+"  # a record's line and column

Edit = Callable[[Path], None]


def edit_json(name: str, change: Callable[[list[Any]], None]) -> Edit:
    def apply(directory: Path) -> None:
        path = directory / name
        records = json.loads(path.read_text(encoding="utf-8"))
        change(records)
        path.write_text(json.dumps(records, indent=2), encoding="utf-8")

    return apply


def role_record(records: list[Any], code: str) -> dict[str, Any]:
    return next(r for r in records if r["code"] == code)


def set_competence(records: list[Any]) -> None:
    role_record(records, "3.2")["requirements"][4]["competence"] = "B9"


def set_level(records: list[Any]) -> None:
    role_record(records, "3.2")["requirements"][0]["levels"] = [5]  # A6 has levels 1-3


def set_level_out_of_range(records: list[Any]) -> None:
    role_record(records, "3.2")["requirements"][0]["levels"] = [0]


def set_level_above_the_scale(records: list[Any]) -> None:
    records[0]["levels"].append({"level": 6, "descriptor": "beyond e-5"})


def set_or_on_one_level(records: list[Any]) -> None:
    role_record(records, "3.2")["requirements"][0]["combine"] = "or"  # A6 at level 1 only


def set_unknown_combine(records: list[Any]) -> None:
    role_record(records, "3.2")["requirements"][0]["combine"] = "either"


def duplicate_role(records: list[Any]) -> None:
    records.append(dict(role_record(records, "3.2")))


def link_to_nowhere(records: list[Any]) -> None:
    records[0]["target"] = "9.9"


def self_loop(records: list[Any]) -> None:
    records[0]["target"] = records[0]["source"]


def drop_family(records: list[Any]) -> None:
    records.pop()


def break_json(directory: Path) -> None:
    path = directory / "roles.json"
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")


def empty_file(directory: Path) -> None:
    (directory / "areas.json").write_text("", encoding="utf-8")


def latin_1(directory: Path) -> None:
    path = directory / "families.json"
    path.write_bytes(path.read_text(encoding="utf-8").replace("a", "é").encode("latin-1"))


# Each broken copy and the start of its one-line message (a regular expression).
BROKEN: dict[str, tuple[Edit, str]] = {
    "unknown competence": (
        edit_json("roles.json", set_competence),
        rf"roles\.json{AT}: role 3\.2: requirements\[4\]\.competence: unknown competence 'B9'",
    ),
    "inapplicable level": (
        edit_json("roles.json", set_level),
        rf"roles\.json{AT}: role 3\.2: requirements\[0\]\.levels: level 5 is not applicable to A6",
    ),
    "level out of range": (
        edit_json("roles.json", set_level_out_of_range),
        rf"roles\.json{AT}: role 3\.2: requirements\[0\]\.levels\[0\]: Input should be greater",
    ),
    "level above the scale": (
        edit_json("competences.json", set_level_above_the_scale),
        rf"competences\.json{AT}: competence A1: levels\[\d\]\.level: level 6 is outside the "
        r"scale 1\.\.5",
    ),
    "or on one level": (
        edit_json("roles.json", set_or_on_one_level),
        rf"roles\.json{AT}: role 3\.2: requirements\[0\]: an 'or' requirement states at least two",
    ),
    "unknown combine": (
        edit_json("roles.json", set_unknown_combine),
        rf"roles\.json{AT}: role 3\.2: requirements\[0\]\.combine: Input should be 'and' or 'or'",
    ),
    "duplicate role": (
        edit_json("roles.json", duplicate_role),
        r"roles\.json: role 3\.2: code: duplicate role code",
    ),
    "link to a missing role": (
        edit_json("links.json", link_to_nowhere),
        rf"links\.json{AT}: link 0 \(2\.1 -> 9\.9\): target: unknown role '9\.9'",
    ),
    "self-loop": (
        edit_json("links.json", self_loop),
        rf"links\.json{AT}: link 0 \(2\.1 -> 2\.1\): target: a link cannot point to its own",
    ),
    "missing family": (
        edit_json("families.json", drop_family),
        rf"roles\.json{AT}: role 7\.1: family: unknown family '7'",
    ),
    "malformed JSON": (break_json, r"roles\.json:\d+:\d+: invalid JSON: "),
    "empty file": (empty_file, r"areas\.json:1:1: invalid JSON: expected a JSON list"),
    "wrong encoding": (latin_1, r"families\.json: not UTF-8 text"),
}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_committed_data_reads_back() -> None:
    dataset = read_dataset(DATA_DIR)
    assert (len(dataset.roles), len(dataset.competences), len(dataset.links)) == (33, 36, 8)


def test_data_read_in_one_pass_is_the_data_read_record_by_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_dataset(catalogue(30, seed=5), tmp_path / "generated")
    for directory in (DATA_DIR, tmp_path / "generated"):
        assert graph.datafiles._read_whole(directory, _read_meta(directory)) is not None
        whole = read_dataset(directory)
        with monkeypatch.context() as patched:  # the located reading, as for a broken file
            patched.setattr(graph.datafiles, "_read_whole", lambda *_: None)
            by_record = read_dataset(directory)
        assert whole == by_record and whole.version == by_record.version


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    build_all(out=tmp_path, report=tmp_path / "REPORT.md")
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
    assert (tmp_path / "REPORT.md").read_bytes() == DEFAULT_REPORT.read_bytes()


def test_files_are_sorted_lists_with_a_trailing_newline() -> None:
    roles = json.loads((DATA_DIR / "roles.json").read_text(encoding="utf-8"))
    codes = [r["code"] for r in roles]
    assert codes == sorted(codes, key=natural_key)
    assert codes.index("4.10") == codes.index("4.9") + 1
    assert (DATA_DIR / "roles.json").read_text(encoding="utf-8").endswith("]\n")


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_read_dataset_rejects_a_broken_copy(case: str, data_copy: Path) -> None:
    edit, message = BROKEN[case]
    edit(data_copy)
    with pytest.raises(DatasetError) as raised:
        read_dataset(data_copy)
    assert re.match(message, str(raised.value)), str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_seed_check_rejects_a_broken_copy(case: str, data_copy: Path) -> None:
    edit, message = BROKEN[case]
    edit(data_copy)
    result = CliRunner().invoke(cli, ["seed", "check", str(data_copy)])
    assert result.exit_code == 1
    assert re.search(message, result.output), result.output
    assert "Traceback" not in result.output


def test_seed_check_summarises_valid_data() -> None:
    result = CliRunner().invoke(cli, ["seed", "check", str(DATA_DIR)])
    assert result.exit_code == 0
    assert result.output.startswith("ok: 7 families, 33 roles, 5 areas, 36 competences")
    assert len(result.output.strip().splitlines()) == 1


def test_seed_check_on_a_missing_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["seed", "check", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "dataset.json: file not found" in result.output


def test_seed_build_writes_where_asked(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["seed", "build", "--out", str(tmp_path), "--report", str(tmp_path / "R.md")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*FILES, "R.md"])


def test_seed_build_with_a_missing_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["seed", "build", "--source", str(tmp_path / "none.txt"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "source document not found" in result.output


def test_seed_build_on_a_document_of_another_shape(tmp_path: Path) -> None:
    source = tmp_path / "cut.txt"
    source.write_text("1.1 Information Systems Consultant\n\nMISSION\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["seed", "build", "--source", str(source), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "cut.txt: no line starts with 'ANNEX 1'" in result.output
    assert "Traceback" not in result.output


def test_a_record_is_located_by_its_line_and_column(data_copy: Path) -> None:
    edit_json("roles.json", set_competence)(data_copy)
    text = (data_copy / "roles.json").read_text(encoding="utf-8")
    line = text[: text.index('"code": "3.2"')].count("\n")  # the record opens a line above
    with pytest.raises(DatasetError, match=rf"^roles\.json:{line}:3: role 3\.2: "):
        read_dataset(data_copy)


def test_every_problem_is_counted_and_listed(data_copy: Path) -> None:
    edit_json("roles.json", set_competence)(data_copy)
    edit_json("links.json", link_to_nowhere)(data_copy)
    with pytest.raises(DatasetError) as raised:
        read_dataset(data_copy)
    assert str(raised.value).endswith("(and 1 more problem)")
    assert len(raised.value.problems) == 2
    result = CliRunner().invoke(cli, ["seed", "check", str(data_copy)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 2
