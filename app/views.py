"""Turning domain objects into response shapes; routers stay thin, graph/ stays HTTP-free."""

from __future__ import annotations

from typing import Any

from app.schemas import (
    ActivityOut,
    CareerOut,
    CompetenceSheet,
    CompetenceSummary,
    FamilyRef,
    FromProfile,
    FromRole,
    LinkOut,
    RequiredCompetence,
    RequiringRole,
    RoleSheet,
    RoleSummary,
)
from graph.algorithms.holdings import profile_holder, role_holder
from graph.algorithms.similarity import related_roles
from graph.models import (
    AREA_NAMES,
    CareerLink,
    Competence,
    Requirement,
    Role,
    competence_sort_key,
)
from graph.results import Holder, LearnItem, LevelInfo, RoleRef
from graph.snapshot import Snapshot


def family_ref(snapshot: Snapshot, number: int) -> FamilyRef:
    return FamilyRef(number=number, name=snapshot.families[number].name)


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
        for r in sorted(role.requirements, key=lambda r: competence_sort_key(r.competence))
    ]
    return RoleSheet(
        **role_summary(snapshot, role).model_dump(),
        mission=role.mission,
        activities=[ActivityOut(name=a.name, tasks=list(a.tasks)) for a in role.activities],
        competences=competences,
        deliverables=list(role.deliverables),
        kpis=list(role.kpis),
        career=CareerOut(**role.career.model_dump()),
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


def competence_summary(competence: Competence) -> CompetenceSummary:
    return CompetenceSummary(
        code=competence.code,
        title=competence.title,
        area=competence.area,
        area_name=AREA_NAMES[competence.area],
        levels=list(competence.applicable_levels),
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
        area_name=AREA_NAMES[competence.area],
        description=competence.description,
        levels=[
            LevelInfo(level=d.level, eqf=d.eqf, descriptor=d.descriptor) for d in competence.levels
        ],
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
