"""O*NET 30.2 and ESCO v1.2.1 through the matrix importer, checked against the raw files.

The raw CSVs (inside the skillinfer wheel, a dev dependency) are read here with the
csv module on their own, as the oracle for what the import must hold.
"""

from __future__ import annotations

import csv
import gzip
import statistics
from functools import cache

import pytest

from graph.datafiles import canonical
from graph.formats.bundles import Bundle
from graph.formats.importing import Imported, export_files, import_bundle, read_path
from graph.formats.presets import packaged_file, preset

SOURCES = {"onet": (894, 120), "esco": (2999, 134)}


@cache
def raw(name: str) -> tuple[list[str], list[str], list[list[float]]]:
    """(role labels, competence labels, ratings) straight from the gzipped CSV."""
    with gzip.open(packaged_file(name), "rt", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    header, body = rows[0], rows[1:]
    return [r[0] for r in body], header[1:], [[float(x) for x in r[1:]] for r in body]


@cache
def imported(name: str) -> Imported:
    return import_bundle(read_path(packaged_file(name)), "matrix", options=preset(name).options)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_occupation_and_feature_is_there(name: str) -> None:
    roles, competences, _ = raw(name)
    assert (len(roles), len(competences)) == SOURCES[name]  # the counts the source states
    dataset = imported(name).dataset
    assert sorted(r.title for r in dataset.roles) == sorted(roles)
    assert len({r.code for r in dataset.roles}) == len(roles)
    assert len({c.code for c in dataset.competences}) == len(competences)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_requirements_are_the_ratings_at_or_above_the_floor(name: str) -> None:
    roles, _, ratings = raw(name)
    result = imported(name)
    options = preset(name).options
    floor = options.floor
    expected = {
        label: sum(r >= floor for r in row) for label, row in zip(roles, ratings, strict=True)
    }
    found = {r.title: len(r.requirements) for r in result.dataset.roles}
    assert found == expected
    report = result.quantisation
    assert report is not None
    assert sum(report.per_level) == sum(expected.values())
    assert report.below_floor == sum(r < floor for row in ratings for r in row)
    counts = sorted(expected.values())
    assert report.per_role == (counts[0], statistics.median(counts), counts[-1])


def test_onet_levels_and_areas() -> None:
    dataset = imported("onet").dataset
    assert dataset.scale.labels == ("L1", "L2", "L3", "L4", "L5")
    assert {a.code: sum(c.area == a.code for c in dataset.competences) for a in dataset.areas} == {
        "Skill": 35,
        "Knowledge": 33,
        "Ability": 52,
    }
    programming = next(c for c in dataset.competences if c.code == "skill-programming")
    assert (programming.title, programming.applicable_levels) == ("Programming", (1, 2, 3, 4, 5))
    _, competences, ratings = raw("onet")
    column = competences.index("Skill:Programming")
    roles, _, _ = raw("onet")
    row = roles.index("Software Developers")
    rating = ratings[row][column]
    developer = next(r for r in dataset.roles if r.title == "Software Developers")
    requirement = developer.requirement("skill-programming")
    assert requirement is not None
    assert 0.5 + 0.1 * (requirement.level - 1) <= rating + 1e-9  # the level's lower end
    assert "USDOL/ETA" in dataset.attribution and dataset.licence == "CC BY 4.0"


def test_esco_is_one_level_of_essential_skill_groups() -> None:
    dataset = imported("esco").dataset
    assert dataset.scale.labels == ("essential",)
    assert {q.levels for r in dataset.roles for q in r.requirements} == {(1,)}
    assert "European Commission" in dataset.attribution
    assert any(
        r.title == "dance répétiteur" and r.code == "dance-repetiteur" for r in dataset.roles
    )


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_real_catalogues_survive_export_and_import(name: str) -> None:
    dataset = imported(name).dataset
    for format in ("json", "csv"):
        files = {n: t.encode() for n, t in export_files(dataset, format).items()}  # type: ignore[arg-type]
        back = import_bundle(Bundle("export", files), format)  # type: ignore[arg-type]
        assert back.dataset == canonical(dataset)


def test_gzipped_or_not_the_same_file_gives_the_same_version() -> None:
    data = packaged_file("esco").read_bytes()
    again = import_bundle(
        Bundle("esco.csv.gz", {"esco.csv.gz": gzip.decompress(data)}),
        "matrix",
        options=preset("esco").options,
    )
    assert again.dataset.version == imported("esco").dataset.version
