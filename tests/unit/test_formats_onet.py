"""The O*NET preset on a small matrix in skillinfer's layout: O*NET's identity, abilities
left out, shared titles told apart, anchors as level descriptors, unknown titles kept."""

from __future__ import annotations

from dataclasses import replace

from graph.formats.bundles import Bundle
from graph.formats.importing import import_bundle
from graph.formats.presets import preset
from graph.models import Dataset

MATRIX = b"""role,Skill:Programming,Skill:Mathematics,Knowledge:Mathematics,Ability:Near Vision
Software Developers,1.0,0.7,0.55,0.9
Computer Systems Analysts,0.6,0.9,0.8,0.95
Jugglers,0.1,0.6,0.0,1.0
"""


def imported(**changes: object) -> Dataset:
    options = replace(preset("onet").options, **changes)  # type: ignore[arg-type]
    return import_bundle(Bundle("t", {"onet.csv": MATRIX}), "matrix", options=options).dataset


def test_known_titles_get_their_codes_groups_and_zones_unknown_ones_keep_theirs() -> None:
    roles = {r.title: r for r in imported().roles}
    developer = roles["Software Developers"]
    assert (developer.code, developer.family, developer.job_zone) == ("15-1252.00", "15-0000", 4)
    assert "Software Engineer" in developer.alt_titles
    assert developer.mission.startswith("Research, design, and develop computer")
    juggler = roles["Jugglers"]  # not an O*NET 29.3 title
    assert (juggler.code, juggler.family, juggler.job_zone) == ("jugglers", "unmatched", None)
    families = {f.code: f.name for f in imported().families}
    assert families == {
        "15-0000": "Computer and Mathematical Occupations",
        "unmatched": "Not in O*NET 29.3",
    }


def test_abilities_are_left_out_and_shared_titles_told_apart() -> None:
    dataset = imported()
    assert {c.code: c.title for c in dataset.competences} == {  # labels that are codes
        "Skill:Programming": "Programming",
        "Skill:Mathematics": "Mathematics (skill)",
        "Knowledge:Mathematics": "Mathematics (knowledge)",
    }
    juggler = next(r for r in dataset.roles if r.title == "Jugglers")
    # Near Vision (1.0) is left out: Mathematics the skill (0.6) is all it requires.
    assert [q.competence for q in juggler.requirements] == ["Skill:Mathematics"]
    with_abilities = imported(drop_areas=())
    assert "ability-near-vision" in {c.code for c in with_abilities.competences}  # slugs


def test_three_levels_are_described_by_the_anchors_other_counts_by_their_ratings() -> None:
    dataset = imported()
    assert dataset.scale.labels == ("Basic", "Intermediate", "Advanced")
    mathematics = next(c for c in dataset.competences if c.code == "Knowledge:Mathematics")
    assert [d.descriptor for d in mathematics.levels] == [
        "For example: Add two numbers (O*NET level 1 of 7)",
        "For example: Analyze data to determine areas with the highest sales (O*NET level 4 of 7)",
        "For example: Derive a complex mathematical equation (O*NET level 6 of 7)",
    ]
    five = imported(levels=5, labels=("a", "b", "c", "d", "e"))
    programming = next(c for c in five.competences if c.code == "Skill:Programming")
    assert programming.levels[0].descriptor.startswith("rating 0.5 to under")


def test_related_occupations_between_the_roles_are_marked_links() -> None:
    links = {(link.source, link.target): link for link in imported().links}
    assert ("15-1252.00", "15-1211.00") in links or ("15-1211.00", "15-1252.00") in links
    for link in links.values():
        assert link.evidence.quote.startswith("O*NET Related Occupations")
        assert "Primary-Short" in link.evidence.quote
