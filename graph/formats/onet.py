"""O*NET occupations as O*NET publishes them, over a quantised O*NET matrix.

The matrix (skillinfer's importance ratings) knows occupations by title only. This step
gives each occupation what O*NET 29.3 says of it (graph.reference): its O*NET-SOC code
(`15-1252.00`), its description as the mission, its SOC major group as its family
(the code's first two digits, `15-0000` Computer and Mathematical Occupations), its Job
Zone (1-5, preparation needed) and its sample of reported titles as alternative titles.
Each competence's levels are described by the element's Level Scale Anchors: O*NET
anchors three points of its 0-7 level scale per element, so a three-level scale gets
one anchor per level, lowest first. Related Occupations' closest tier (Primary-Short)
become documented links whose evidence names "O*NET Related Occupations" and the tier:
they say two occupations are alike, not that one leads to the other, and an evaluation
against Related Occupations must leave them out.

An occupation whose title O*NET 29.3 does not have keeps its slug code and goes to the
family UNMATCHED (all 894 of skillinfer's O*NET 30.2 titles are found).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from graph.formats.slugs import slug
from graph.models import (
    Competence,
    Dataset,
    DocumentedLink,
    Evidence,
    Family,
    LevelDescriptor,
    Role,
    natural_key,
)
from graph.reference import onet_rows

# The 2018 SOC major groups (https://www.bls.gov/soc/2018/major_groups.htm), by the first
# two digits of an O*NET-SOC code.
SOC_MAJOR_GROUPS = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}
UNMATCHED = Family(
    code="unmatched", name="Not in O*NET 29.3", description="titles O*NET 29.3 does not list"
)
# The matrix's area names and the O*NET Content Model branches their elements are in.
ELEMENT_BRANCHES = {"Skill": ("2.A", "2.B"), "Knowledge": ("2.C",), "Ability": ("1.A",)}
# Labels of the three levels the anchors describe (lowest, middle, highest anchor).
LEVEL_LABELS = ("Basic", "Intermediate", "Advanced")
RELATED_TIERS = ("Primary-Short",)
LEVEL_SCALE_TOP = 7  # O*NET's Level scale (LV) runs 0-7 (Scales Reference)


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    description: str
    job_zone: int | None
    reported_titles: tuple[str, ...]


@cache
def occupations() -> dict[str, Occupation]:
    """O*NET 29.3's occupations by title."""
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in onet_rows("Job Zones")}
    reported: dict[str, list[str]] = defaultdict(list)
    for row in onet_rows("Sample of Reported Titles"):
        reported[row["O*NET-SOC Code"]].append(row["Reported Job Title"].strip())
    found = {}
    for row in onet_rows("Occupation Data"):
        code, title = row["O*NET-SOC Code"], row["Title"].strip()
        others = tuple(dict.fromkeys(t for t in reported[code] if t and t != title))
        found[title] = Occupation(code, title, row["Description"].strip(), zones.get(code), others)
    return found


@cache
def level_anchors() -> dict[str, tuple[tuple[int, str], ...]]:
    """Each element's anchors (value, description), lowest first, by the code a matrix
    label 'Area:Element' gets (graph.formats.slugs), e.g. 'skill-programming'."""
    branch_area = {b: area for area, branches in ELEMENT_BRANCHES.items() for b in branches}
    anchors: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in onet_rows("Level Scale Anchors"):
        area = branch_area.get(row["Element ID"][:3])
        if area is not None and row["Scale ID"] == "LV":
            key = slug(f"{area}:{row['Element Name']}", fallback="")
            anchors[key].append((int(float(row["Anchor Value"])), row["Anchor Description"]))
    return {key: tuple(sorted(found)) for key, found in anchors.items()}


def identify(dataset: Dataset) -> Dataset:
    """`dataset` (an O*NET matrix import) with O*NET's codes, groups, titles and anchors."""
    known = occupations()
    roles = tuple(_role(role, known.get(role.title)) for role in dataset.roles)
    used = {role.family for role in roles}
    families = tuple(
        Family(code=f"{digits}-0000", name=name)
        for digits, name in SOC_MAJOR_GROUPS.items()
        if f"{digits}-0000" in used
    )
    if UNMATCHED.code in used:
        families = (*families, UNMATCHED)
    return dataset.model_copy(
        update={
            "families": families,
            "roles": roles,
            "competences": tuple(
                _described(c, len(dataset.scale.labels)) for c in dataset.competences
            ),
            "links": related_links(roles),
        }
    )


def _role(role: Role, occupation: Occupation | None) -> Role:
    if occupation is None:
        return role.model_copy(update={"family": UNMATCHED.code})
    return role.model_copy(
        update={
            "code": occupation.code,
            "family": f"{occupation.code[:2]}-0000",
            "mission": occupation.description,
            "alt_titles": occupation.reported_titles,
            "job_zone": occupation.job_zone,
        }
    )


def _described(competence: Competence, levels: int) -> Competence:
    """The competence with its O*NET anchors as level descriptors, one per level (its code
    is the label 'Skill:Programming' or the label's slug 'skill-programming')."""
    anchors = level_anchors().get(slug(competence.code, fallback=""), ())
    if len(anchors) != levels:
        return competence
    described = tuple(
        LevelDescriptor(
            level=n, descriptor=f"For example: {text} (O*NET level {value} of {LEVEL_SCALE_TOP})"
        )
        for n, (value, text) in enumerate(anchors, start=1)
    )
    return competence.model_copy(update={"levels": described})


def related_links(roles: tuple[Role, ...]) -> tuple[DocumentedLink, ...]:
    """O*NET's Related Occupations (the RELATED_TIERS) between the roles given."""
    titles = {role.code: role.title for role in roles}
    links = []
    for row in onet_rows("Related Occupations"):
        source, target = row["O*NET-SOC Code"], row["Related O*NET-SOC Code"]
        tier = row["Relatedness Tier"]
        if tier not in RELATED_TIERS or source not in titles or target not in titles:
            continue
        quote = (
            f"O*NET Related Occupations: {titles[target]} is related to {titles[source]} "
            f"({tier}, index {row['Index']})"
        )
        links.append(
            DocumentedLink(
                source=source,
                target=target,
                evidence=Evidence(quote=quote),
                note="O*NET 29.3 Related Occupations: alike occupations, not a stated move",
            )
        )
    return tuple(
        sorted(links, key=lambda link: (natural_key(link.source), natural_key(link.target)))
    )
