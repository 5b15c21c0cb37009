"""Browsing the dataset: families, roles and competences."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.answers import cached
from app.deps import SnapshotDep
from app.problems import ProblemError
from app.schemas import CompetenceSheet, CompetenceSummary, FamilyOut, RoleSheet, RoleSummary
from app.views import (
    competence_sheet,
    competence_summary,
    family_ref,
    role_refs,
    role_sheet,
    role_summary,
)
from graph import search
from graph.models import Role, natural_key
from graph.snapshot import Snapshot

router = APIRouter(prefix="/api/v1", tags=["catalog"])


@router.get("/families", response_model=list[FamilyOut])
async def families(snapshot: SnapshotDep) -> Response:
    """The dataset's families (groups of roles) with their roles."""
    return cached(
        snapshot,
        ("families",),
        lambda: [_family(snapshot, code) for code in sorted(snapshot.families, key=natural_key)],
        list[FamilyOut],
    )


@router.get("/families/{code}", response_model=FamilyOut)
async def family(snapshot: SnapshotDep, code: Annotated[str, Path(max_length=64)]) -> Response:
    if code not in snapshot.families:
        known = ", ".join(sorted(snapshot.families, key=natural_key)[:20])
        raise ProblemError(
            404, "Unknown family", f"No family {code!r}; families are {known}.", "unknown-family"
        )
    return cached(snapshot, ("family", code), lambda: _family(snapshot, code), FamilyOut)


def _family(snapshot: SnapshotDep, code: str) -> FamilyOut:
    members = sorted(
        (r for r in snapshot.dataset.roles if r.family == code),
        key=lambda r: natural_key(r.code),
    )
    return FamilyOut(
        **family_ref(snapshot, code).model_dump(),
        description=snapshot.families[code].description,
        roles=role_refs(snapshot, members),
    )


@router.get("/roles", response_model=list[RoleSummary])
async def roles(
    snapshot: SnapshotDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="words in the title or alternative titles (case and accents ignored)",
        ),
    ] = None,
    family: Annotated[str | None, Query(max_length=64, description="a family code")] = None,
    competence: Annotated[
        str | None, Query(max_length=64, description="requires this competence")
    ] = None,
    min_level: Annotated[
        int | None,
        Query(
            ge=1,
            le=100,
            description="required up to at least this level: of `competence`, else of any",
        ),
    ] = None,
) -> Response:
    """Roles, filtered; with `q`, the exact title first, then another name or an acronym
    (CIO), then every word in the title, in other names, as word forms or with a typo;
    the closest names first within each (graph.search).

    `min_level` compares with the high end of a requirement's levels.
    """
    return cached(
        snapshot,
        ("roles", q, family, competence, min_level),
        lambda: matching_roles(
            snapshot, q=q, family=family, competence=competence, min_level=min_level
        ),
        list[RoleSummary],
    )


def matching_roles(
    snapshot: Snapshot,
    *,
    q: str | None = None,
    family: str | None = None,
    competence: str | None = None,
    min_level: int | None = None,
) -> list[RoleSummary]:
    """The answer of `GET /api/v1/roles` (the twin of cypher/library/roles_requiring.cypher;
    cypher/library/role_search.cypher finds the word matches of `q`, graph.search.match_rank)."""
    wanted = snapshot.competence(competence).code if competence else None
    ranked = []
    for role in snapshot.dataset.roles:
        rank = search.role_match(q, role.title, [*role.alt_titles, role.code]) if q else (0, 0.0)
        if rank is None or (family is not None and role.family != family):
            continue
        if _requires(role, wanted, min_level):
            ranked.append((rank, natural_key(role.code), role))
    return [role_summary(snapshot, role) for *_, role in sorted(ranked, key=lambda t: t[:2])]


def _requires(role: Role, competence: str | None, min_level: int | None) -> bool:
    """Whether `role` requires `competence` (any, if None) up to at least `min_level`."""
    requirements = [r for r in role.requirements if competence in (None, r.competence)]
    return bool(requirements) and (
        min_level is None or any(r.level_max >= min_level for r in requirements)
    )


@router.get("/roles/{code}", response_model=RoleSheet)
async def role(snapshot: SnapshotDep, code: Annotated[str, Path(max_length=64)]) -> Response:
    """The full data sheet of one role, its career links and its most similar roles."""
    return cached(
        snapshot, ("role", code), lambda: role_sheet(snapshot, snapshot.role(code)), RoleSheet
    )


@router.get("/competences", response_model=list[CompetenceSummary])
async def competences(
    snapshot: SnapshotDep,
    include: Annotated[
        Literal["levels"] | None,
        Query(description="levels: add each competence's description and level descriptors"),
    ] = None,
) -> Response:
    """The framework's competences with their applicable levels (and, if asked, described)."""
    ordered = sorted(snapshot.dataset.competences, key=lambda c: natural_key(c.code))
    described = include == "levels"
    return cached(
        snapshot,
        ("competences", described),
        lambda: [competence_summary(snapshot, c, described=described) for c in ordered],
        list[CompetenceSummary],
    )


@router.get("/competences/{code}", response_model=CompetenceSheet)
async def competence(snapshot: SnapshotDep, code: Annotated[str, Path(max_length=64)]) -> Response:
    """One competence: description, level descriptors (with EQF where mapped), knowledge,
    skills, and the roles requiring it."""
    return cached(
        snapshot,
        ("competence", code),
        lambda: competence_sheet(snapshot, snapshot.competence(code)),
        CompetenceSheet,
    )
