"""Small literal datasets for unit tests: every number in them can be checked by hand."""

from __future__ import annotations

from collections.abc import Sequence

from graph.algorithms.links import release
from graph.models import (
    Area,
    CareerLink,
    CareerProfile,
    Competence,
    Dataset,
    DocumentedLink,
    Evidence,
    Family,
    KnowledgeItem,
    LevelDescriptor,
    Requirement,
    Role,
)
from graph.release import Release
from graph.snapshot import Snapshot
from seed.cigref import AREA_NAMES, SCALE


def competence(code: str, levels: list[int], title: str | None = None) -> Competence:
    return Competence(
        code=code,
        area=code[0],
        title=title or f"Competence {code}",
        description=f"What {code} is about.",
        levels=tuple(LevelDescriptor(level=n, descriptor=f"{code} at e-{n}") for n in levels),
        knowledge=(KnowledgeItem(key=f"{code}.K1", text=f"knowledge of {code}"),),
        skills=(KnowledgeItem(key=f"{code}.S1", text=f"skill in {code}"),),
    )


def role(code: str, title: str, needs: dict[str, list[int]], *, alt: tuple[str, ...] = ()) -> Role:
    return Role(
        code=code,
        family=code.split(".")[0],
        title=title,
        alt_titles=alt,
        mission=f"The mission of {title}.",
        requirements=tuple(
            Requirement(competence=c, levels=tuple(levels)) for c, levels in needs.items()
        ),
        career=CareerProfile(profile="Any", experience="Some"),
        source_lines=(1, 2),
    )


def catalogue(
    *,
    competences: Sequence[Competence],
    roles: Sequence[Role],
    links: Sequence[DocumentedLink] = (),
    id: str = "test",
) -> Dataset:
    """A dataset on the e-CF's areas and scale, in CIGREF's seven families."""
    return Dataset(
        id=id,
        name=f"Test dataset {id}",
        scale=SCALE,
        families=tuple(Family(code=str(n), name=f"Family {n}") for n in range(1, 8)),
        areas=tuple(Area(code=c, name=n) for c, n in AREA_NAMES.items()),
        competences=tuple(competences),
        roles=tuple(roles),
        links=tuple(links),
    )


def tiny_dataset(links: tuple[tuple[str, str], ...] = (("3.2", "3.4"),)) -> Dataset:
    """Five roles over five competences.

    3.2 Programmer        B1@2 C1@1
    3.4 Architect         A1@3 B1@4 B2@3
    2.3 Project Manager   B2@2,3,4 E2@3
    4.1 Technician        C1@1
    1.1 Consultant        A1@4 E2@3
    """
    return catalogue(
        competences=(
            competence("A1", [3, 4, 5], "Strategy Alignment"),
            competence("B1", [1, 2, 3, 4, 5], "Design and Development"),
            competence("B2", [2, 3, 4], "Systems Integration"),
            competence("C1", [1, 2, 3], "User Support"),
            competence("E2", [2, 3, 4, 5], "Project Management"),
        ),
        roles=(
            role("1.1", "Consultant", {"A1": [4], "E2": [3]}),
            role("2.3", "Project Manager", {"B2": [2, 3, 4], "E2": [3]}),
            role("3.2", "Programmer", {"B1": [2], "C1": [1]}, alt=("Developer",)),
            role("3.4", "Architect", {"A1": [3], "B1": [4], "B2": [3]}),
            role("4.1", "Technician", {"C1": [1]}),
        ),
        links=tuple(
            DocumentedLink(
                source=a, target=b, evidence=Evidence(quote=f"{a} may lead to {b}", line=10)
            )
            for a, b in links
        ),
    )


def snapshot_of(dataset: Dataset, links: Sequence[CareerLink] | None = None) -> Snapshot:
    """A snapshot of `dataset` with the given links, or those of the current link policy."""
    if links is None:
        return Snapshot.build(release(dataset))
    return Snapshot.build(Release(dataset, tuple(links), "test"))
