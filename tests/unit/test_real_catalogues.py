"""O*NET 30.2 and ESCO v1.2.1 through the matrix importer, checked against the raw files.

The raw CSVs (inside the skillinfer wheel, a dev dependency) and O*NET 29.3's own tables
(graph.reference) are read here with the csv module on their own, as the oracle for
what the import must hold.
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
from graph.reference import onet_rows

SOURCES = {"onet": (894, 120), "esco": (2999, 134)}
ABILITY = "Ability:"  # O*NET's abilities: left out by the preset (not learned)


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


def kept(name: str) -> list[int]:
    """The raw columns the preset imports (O*NET: all but the abilities)."""
    _, competences, _ = raw(name)
    return [i for i, label in enumerate(competences) if not label.startswith(ABILITY)]


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_occupation_and_feature_is_there(name: str) -> None:
    roles, competences, _ = raw(name)
    assert (len(roles), len(competences)) == SOURCES[name]  # the counts the source states
    dataset = imported(name).dataset
    assert sorted(r.title for r in dataset.roles) == sorted(roles)
    assert len({r.code for r in dataset.roles}) == len(roles)
    assert len({c.code for c in dataset.competences}) == len(kept(name))


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_requirements_are_the_ratings_at_or_above_the_floor(name: str) -> None:
    roles, _, ratings = raw(name)
    result = imported(name)
    options = preset(name).options
    floor = options.floor
    columns = kept(name)
    expected = {
        label: sum(row[i] >= floor for i in columns)
        for label, row in zip(roles, ratings, strict=True)
    }
    found = {r.title: len(r.requirements) for r in result.dataset.roles}
    assert found == expected
    report = result.quantisation
    assert report is not None
    assert sum(report.per_level) == sum(expected.values())
    assert report.below_floor == sum(row[i] < floor for row in ratings for i in columns)
    counts = sorted(expected.values())
    assert report.per_role == (counts[0], statistics.median(counts), counts[-1])


def test_onet_keeps_skills_and_knowledge_with_three_anchored_levels() -> None:
    dataset = imported("onet").dataset
    assert dataset.scale.labels == ("Basic", "Intermediate", "Advanced")
    assert {a.code: sum(c.area == a.code for c in dataset.competences) for a in dataset.areas} == {
        "Skill": 35,
        "Knowledge": 33,
    }
    assert not any(
        r.competence.startswith("ability-") for x in dataset.roles for r in x.requirements
    )
    titles = [c.title for c in dataset.competences]
    assert "Mathematics (skill)" in titles and "Mathematics (knowledge)" in titles
    assert len(set(titles)) == len(titles)
    programming = next(c for c in dataset.competences if c.code == "skill-programming")
    anchors = sorted(
        (int(r["Anchor Value"]), r["Anchor Description"])
        for r in onet_rows("Level Scale Anchors")
        if r["Element ID"] == "2.B.3.e"  # Programming
    )
    assert [d.level for d in programming.levels] == [1, 2, 3]
    for described, (value, text) in zip(programming.levels, anchors, strict=True):
        assert text in described.descriptor and f"level {value} of 7" in described.descriptor
    assert all(len(c.levels) == 3 for c in dataset.competences)  # every element has anchors
    _, competences, ratings = raw("onet")
    roles, _, _ = raw("onet")
    rating = ratings[roles.index("Software Developers")][competences.index("Skill:Programming")]
    developer = next(r for r in dataset.roles if r.title == "Software Developers")
    requirement = developer.requirement("skill-programming")
    assert requirement is not None
    assert 0.5 + (requirement.level - 1) / 6 <= rating + 1e-9  # the level's lower end
    assert "USDOL/ETA" in dataset.attribution and dataset.licence == "CC BY 4.0"


def test_onet_occupations_have_their_codes_groups_zones_and_titles() -> None:
    dataset = imported("onet").dataset
    published = {r["Title"]: r for r in onet_rows("Occupation Data")}
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in onet_rows("Job Zones")}
    for role in dataset.roles:  # every title is O*NET's: none left unmatched
        row = published[role.title]
        assert role.code == row["O*NET-SOC Code"] and role.mission == row["Description"]
        assert role.family == f"{role.code[:2]}-0000" and role.job_zone == zones[role.code]
    developer = next(r for r in dataset.roles if r.code == "15-1252.00")
    assert developer.title == "Software Developers"
    assert "Application Developer" in developer.alt_titles
    families = {f.code: f.name for f in dataset.families}
    assert len(families) >= 20
    assert families["15-0000"] == "Computer and Mathematical Occupations"
    assert families["53-0000"] == "Transportation and Material Moving Occupations"
    assert {r.family for r in dataset.roles} == set(families)


def test_onet_related_occupations_are_marked_documented_links() -> None:
    dataset = imported("onet").dataset
    codes = {r.code for r in dataset.roles}
    expected = {
        (r["O*NET-SOC Code"], r["Related O*NET-SOC Code"])
        for r in onet_rows("Related Occupations")
        if r["Relatedness Tier"] == "Primary-Short"
        and {r["O*NET-SOC Code"], r["Related O*NET-SOC Code"]} <= codes
    }
    assert {(link.source, link.target) for link in dataset.links} == expected
    assert all(
        link.evidence.quote.startswith("O*NET Related Occupations") for link in dataset.links
    )


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
