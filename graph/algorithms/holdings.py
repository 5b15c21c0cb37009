"""Holdings: what a person has, as competence code -> level."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from graph.errors import InvalidProfile
from graph.models import Role
from graph.results import Holder

if TYPE_CHECKING:
    from graph.snapshot import Snapshot

Holdings = Mapping[str, int]


def from_role(role: Role) -> dict[str, int]:
    """A role's holder has each required competence at the requirement's low end."""
    return {r.competence: r.level for r in role.requirements}


def from_profile(snapshot: Snapshot, profile: Mapping[str, int]) -> dict[str, int]:
    """Validate a self-assessment: known competences at levels the e-CF defines for them.

    Level 0 means "not held" and is dropped, so a UI can send its whole form.
    """
    holdings: dict[str, int] = {}
    for code, level in profile.items():
        competence = snapshot.competence(code)
        if level == 0:
            continue
        snapshot.check_level(competence.code, level)
        holdings[competence.code] = level
    if not holdings:
        raise InvalidProfile("The self-assessment holds no competence; rate at least one.")
    return holdings


def merge(held: Holdings, role: Role) -> dict[str, int]:
    """What a person holds after working in `role`: nothing is forgotten."""
    merged = dict(held)
    for requirement in role.requirements:
        merged[requirement.competence] = max(
            merged.get(requirement.competence, 0), requirement.level
        )
    return merged


def role_holder(snapshot: Snapshot, code: str) -> Holder:
    """The holder of role `code`, with the role's entry levels as holdings."""
    role = snapshot.role(code)
    return Holder(kind="role", role=snapshot.role_ref(role.code), holdings=from_role(role))


def profile_holder(snapshot: Snapshot, profile: Mapping[str, int]) -> Holder:
    """A self-assessed person, validated against the e-CF."""
    return Holder(kind="profile", holdings=from_profile(snapshot, profile))
