"""Turning domain objects into response shapes; routers stay thin, graph/ stays HTTP-free."""

from __future__ import annotations

from typing import Any

from app.schemas import (
    ActivityOut,
    AreaOut,
    CareerOut,
    CompetenceSheet,
    CompetenceSummary,
    Counts,
    DatasetInfo,
    FamilyRef,
    FromProfile,
    FromRole,
    LinkOut,
    RequiredCompetence,
    RequiringRole,
    RoleSheet,
    RoleSummary,
    ScaleOut,
)
from graph.algorithms.gap import level_info
from graph.algorithms.holdings import profile_holder, role_holder
from graph.algorithms.links import DEFAULT_POLICY
from graph.algorithms.similarity import related_roles
from graph.models import (
    CareerLink,
    Competence,
    Requirement,
    Role,
    natural_key,
)
from graph.results import Holder, LearnItem, RoleRef
from graph.snapshot import Snapshot


def family_ref(snapshot: Snapshot, code: str) -> FamilyRef:
    number = int(code) if code.isdigit() else None  # kept for clients of the v1 shape
    return FamilyRef(code=code, number=number, name=snapshot.families[code].name)


def role_summary(snapshot: Snapshot, role: Role) -> RoleSummary:
    return RoleSummary(
        code=role.code,
        title=role.title,
        family=family_ref(snapshot, role.family),
        alt_titles=list(role.alt_titles),
    )


def _link_out(snapshot: Snapshot, link: CareerLink, other: str) -> LinkOut:
    return LinkOut(
        role=snapshot.role_ref(other),
        kind=link.kind,
        coverage=link.coverage,
        level_steps=link.level_steps,
        evidence=link.evidence,
    )


def _stated_levels(requirement: Requirement) -> dict[str, Any]:
    """The fields of `StatedLevels` for one requirement."""
    return {
        "level": requirement.level,
        "level_max": requirement.level_max,
        "levels": list(requirement.levels),
        "combine": requirement.combine,
    }


def role_sheet(snapshot: Snapshot, role: Role) -> RoleSheet:
    """Everything the data holds about a role, with its links and related roles."""
    competences = [
        RequiredCompetence(
            code=r.competence,
            title=snapshot.competences[r.competence].title,
            area=snapshot.competences[r.competence].area,
            **_stated_levels(r),
        )
        for r in sorted(role.requirements, key=lambda r: natural_key(r.competence))
    ]
    return RoleSheet(
        **role_summary(snapshot, role).model_dump(),
        mission=role.mission,
        activities=[ActivityOut(name=a.name, tasks=list(a.tasks)) for a in role.activities],
        competences=competences,
        deliverables=list(role.deliverables),
        kpis=list(role.kpis),
        career=CareerOut(**role.career.model_dump()) if role.career else None,
        trends=role.trends,
        career_mentions=list(role.career_mentions),
        source_lines=role.source_lines,
        links_out=[
            _link_out(snapshot, link, link.target)
            for link in snapshot.links
            if link.source == role.code
        ],
        links_in=[
            _link_out(snapshot, link, link.source)
            for link in snapshot.links
            if link.target == role.code
        ],
        related=related_roles(snapshot, role.code),
    )


def competence_summary(
    snapshot: Snapshot, competence: Competence, *, described: bool = False
) -> CompetenceSummary:
    """A competence in a list; `described` adds its description and level descriptors."""
    return CompetenceSummary(
        code=competence.code,
        title=competence.title,
        area=competence.area,
        area_name=snapshot.areas[competence.area].name,
        levels=list(competence.applicable_levels),
        description=competence.description if described else None,
        descriptors=[level_info(snapshot.dataset.scale, d) for d in competence.levels]
        if described
        else None,
    )


def competence_sheet(snapshot: Snapshot, competence: Competence) -> CompetenceSheet:
    """The e-CF entry with its levels, knowledge, skills and the roles requiring it."""
    requiring = [
        RequiringRole(
            code=role.code,
            title=role.title,
            **_stated_levels(requirement),
        )
        for role in snapshot.dataset.roles
        if (requirement := role.requirement(competence.code)) is not None
    ]
    return CompetenceSheet(
        code=competence.code,
        title=competence.title,
        area=competence.area,
        area_name=snapshot.areas[competence.area].name,
        description=competence.description,
        levels=[level_info(snapshot.dataset.scale, d) for d in competence.levels],
        knowledge=[LearnItem(key=k.key, text=k.text) for k in competence.knowledge],
        skills=[LearnItem(key=s.key, text=s.text) for s in competence.skills],
        roles=requiring,
    )


def role_refs(snapshot: Snapshot, roles: list[Role]) -> list[RoleRef]:
    return [snapshot.role_ref(r.code) for r in roles]


def holder_of(snapshot: Snapshot, source: FromRole | FromProfile) -> Holder:
    """Who a request is about: a role's holder or a self-assessed person."""
    if isinstance(source, FromRole):
        return role_holder(snapshot, source.role)
    return profile_holder(snapshot, source.profile)


def dataset_info(snapshot: Snapshot, *, default: bool) -> DatasetInfo:
    """What a dataset is, where it comes from, how to credit it, and how much it holds."""
    data = snapshot.dataset
    return DatasetInfo(
        id=data.id,
        name=data.name,
        default=default,
        dataset_version=snapshot.version,
        source=data.source,
        licence=data.licence,
        attribution=data.attribution,
        scale=ScaleOut(
            labels=list(data.scale.labels),
            mappings={name: list(values) for name, values in data.scale.mappings.items()},
        ),
        areas=[AreaOut(code=a.code, name=a.name) for a in data.areas],
        counts=Counts(
            families=len(data.families),
            roles=len(data.roles),
            competences=len(data.competences),
            requirements=sum(len(r.requirements) for r in data.roles),
            knowledge=sum(len(c.knowledge) for c in data.competences),
            skills=sum(len(c.skills) for c in data.competences),
            links_documented=sum(link.kind == "documented" for link in snapshot.links),
            links_inferred=sum(link.kind == "inferred" for link in snapshot.links),
        ),
        within_reach=DEFAULT_POLICY.threshold,
    )
