"""ESCO's CSV package (docs/examples/esco-csv, written by hand in ESCO's layout): two
levels, ISCO-08 families, alternative labels that search finds, located errors.

The oracle is the sample's files read here with the csv module on their own."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from app.routers.catalog import matching_roles
from graph.datafiles import canonical
from graph.errors import DatasetError
from graph.formats.bundles import Bundle
from graph.formats.importing import export_files, import_bundle, read_path, read_upload
from graph.models import Dataset
from tests.factories import snapshot_of

SAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "esco-csv"


def rows(name: str) -> list[dict[str, str]]:
    with (SAMPLE / name).open(encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


def sample() -> Dataset:
    imported = import_bundle(read_path(SAMPLE))  # format found from the file names
    assert imported.format == "esco"
    return imported.dataset


def test_occupations_skills_and_relations_become_roles_with_two_levels() -> None:
    dataset = sample()
    assert dataset.scale.labels == ("optional", "essential")
    occupations = rows("occupations_en.csv")
    assert {(r.code, r.title) for r in dataset.roles} == {
        (o["code"], o["preferredLabel"]) for o in occupations
    }
    uri_code = {o["conceptUri"]: o["code"] for o in occupations}
    expected = {
        (uri_code[r["occupationUri"]], r["skillUri"].rpartition("/")[2], r["relationType"])
        for r in rows("occupationSkillRelations_en.csv")
    }
    found = {
        (role.code, q.competence, dataset.scale.label(q.level))
        for role in dataset.roles
        for q in role.requirements
    }
    assert found == expected
    assert {c.area for c in dataset.competences} == {"knowledge", "skill-competence"}
    assert "European Commission" in dataset.attribution


def test_families_are_isco_sub_major_groups_with_their_names() -> None:
    dataset = sample()
    names = {g["code"]: g["preferredLabel"] for g in rows("ISCOGroups_en.csv")}
    assert {f.code: f.name for f in dataset.families} == {
        code: names[code] for code in ("13", "25", "35")
    }
    for role, occupation in zip(
        sorted(dataset.roles, key=lambda r: r.code),
        sorted(rows("occupations_en.csv"), key=lambda o: o["code"]),
        strict=True,
    ):
        assert role.family == occupation["iscoGroup"][:2]
        assert list(role.alt_titles) == occupation["altLabels"].splitlines()
        assert role.mission == occupation["description"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("software engineer", "software developer"),  # an alternative label
        ("DBA", "database administrator"),
        ("CIO", "chief information officer"),
        ("software developer", "software developer"),
        ("databse administrator", "database administrator"),  # a typo
    ],
)
def test_search_finds_alternative_labels(query: str, title: str) -> None:
    found = matching_roles(snapshot_of(sample()), q=query)
    assert found and found[0].title == title


def test_a_zip_of_the_package_imports_the_same() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in SAMPLE.glob("*.csv"):
            zipped.writestr(path.name, path.read_bytes())
    imported = import_bundle(read_upload("esco.zip", archive.getvalue()))
    assert imported.dataset.source == "ESCO CSV package (esco.zip)"
    assert imported.dataset.model_copy(update={"source": ""}) == sample().model_copy(
        update={"source": ""}
    )


@pytest.mark.parametrize("format", ["json", "csv"])
def test_the_import_survives_export_and_import(format: str) -> None:
    dataset = sample()
    files = {n: t.encode() for n, t in export_files(dataset, format).items()}  # type: ignore[arg-type]
    assert import_bundle(Bundle("export", files), format).dataset == canonical(dataset)  # type: ignore[arg-type]


def bundle_with(name: str, change: tuple[str, str]) -> Bundle:
    files = {p.name: p.read_bytes() for p in SAMPLE.glob("*.csv")}
    old, new = change
    assert old.encode() in files[name]
    files[name] = files[name].replace(old.encode(), new.encode(), 1)
    return Bundle("sample", files)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "occupationSkillRelations_en.csv",
            (",essential,", ",maybe,"),
            "occupationSkillRelations_en.csv:2:3 (relationType): 'maybe': use essential or",
        ),
        (
            "occupationSkillRelations_en.csv",
            ("skill/sample-s01,", "skill/nowhere,"),
            "occupationSkillRelations_en.csv:2:5 (skillUri): no skill",
        ),
        (
            "occupations_en.csv",
            (",2513,", ",web,"),
            "(iscoGroup): 'web' is not an ISCO-08 code",
        ),
        (
            "skills_en.csv",
            ("conceptUri,skillType", "uri,skillType"),
            "skills_en.csv:1:1: missing column 'conceptUri'",
        ),
        (
            "skills_en.csv",
            (",SQL,", ",,"),
            "skills_en.csv:7:5 (preferredLabel): empty label",
        ),
    ],
)
def test_bad_cells_are_named_by_file_line_and_column(
    name: str, change: tuple[str, str], message: str
) -> None:
    with pytest.raises(DatasetError) as raised:
        import_bundle(bundle_with(name, change), "esco")
    assert message in str(raised.value)


def test_a_package_without_occupations_is_refused() -> None:
    files = {p.name: p.read_bytes() for p in SAMPLE.glob("*.csv")}
    files["occupations_en.csv"] = files["occupations_en.csv"].splitlines(keepends=True)[0]
    with pytest.raises(DatasetError, match=r"occupations_en\.csv:2:1: no occupation"):
        import_bundle(Bundle("sample", files), "esco")
