"""Gap: what separates a person's holdings from a target role (docs/design.md, "Gap").

For each competence the target requires: need = the requirement's low end (basis
"entry") or high end (basis "mastery"); have = the level held or 0; delta =
max(0, need - have). Coverage = 1 - level_steps / required_steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.models import Competence, LevelDescriptor, Requirement, Role, Scale, natural_key
from graph.results import (
    Basis,
    CompetenceRef,
    GapItem,
    GapReport,
    GapStatus,
    GapSummary,
    Holder,
    Learn,
    LearnItem,
    LevelInfo,
    Transferable,
)

if TYPE_CHECKING:
    from graph.algorithms.holdings import Holdings
    from graph.snapshot import Snapshot


@dataclass(frozen=True)
class GapFigures:
    """The summary numbers alone: cheap enough to compute for every role pair."""

    level_steps: int
    required_steps: int

    @property
    def coverage(self) -> float:
        if self.required_steps == 0:
            return 1.0
        return round(1 - self.level_steps / self.required_steps, 4)


def need_of(requirement: Requirement, basis: Basis) -> int:
    return requirement.level_max if basis == "mastery" else requirement.level


def status_of(have: int, need: int) -> GapStatus:
    if have >= need:
        return "met"
    return "missing" if have == 0 else "raise"


def figures(held: Holdings, target: Role, *, basis: Basis = "entry") -> GapFigures:
    """Level steps and required steps from `held` to `target`."""
    steps = required = 0
    for requirement in target.requirements:
        need = need_of(requirement, basis)
        steps += max(0, need - held.get(requirement.competence, 0))
        required += need
    return GapFigures(level_steps=steps, required_steps=required)


def competence_ref(competence: Competence) -> CompetenceRef:
    return CompetenceRef(code=competence.code, title=competence.title, area=competence.area)


def level_info(scale: Scale, described: LevelDescriptor) -> LevelInfo:
    """One level with its label, its EQF level when the scale maps one, and its descriptor."""
    return LevelInfo(
        level=described.level,
        label=scale.label(described.level),
        eqf=scale.mapping("EQF", described.level),
        descriptor=described.descriptor,
    )


def learn(scale: Scale, competence: Competence, have: int, need: int) -> Learn:
    """The descriptors of levels have+1..need the framework defines, plus knowledge and skills."""
    if have >= need:
        return Learn(levels=[], knowledge=[], skills=[])
    levels = [level_info(scale, d) for d in competence.levels if have < d.level <= need]
    return Learn(
        levels=levels,
        knowledge=[LearnItem(key=k.key, text=k.text) for k in competence.knowledge],
        skills=[LearnItem(key=s.key, text=s.text) for s in competence.skills],
    )


def gap(
    snapshot: Snapshot,
    holder: Holder,
    target: str,
    *,
    basis: Basis = "entry",
) -> GapReport:
    """The full, explained gap from a holder's holdings to the role `target`."""
    role = snapshot.role(target)
    held = holder.holdings
    items: list[GapItem] = []
    for requirement in sorted(role.requirements, key=lambda r: natural_key(r.competence)):
        competence = snapshot.competences[requirement.competence]
        have = held.get(competence.code, 0)
        need = need_of(requirement, basis)
        items.append(
            GapItem(
                competence=competence_ref(competence),
                have=have,
                need=need,
                delta=max(0, need - have),
                status=status_of(have, need),
                learn=learn(snapshot.dataset.scale, competence, have, need),
            )
        )
    required = {r.competence for r in role.requirements}
    transferable = [
        Transferable(competence=competence_ref(snapshot.competences[code]), have=level)
        for code, level in sorted(held.items(), key=lambda kv: natural_key(kv[0]))
        if code not in required
    ]
    numbers = figures(held, role, basis=basis)
    return GapReport(
        from_=holder,
        to=snapshot.role_ref(role.code),
        basis=basis,
        dataset_version=snapshot.version,
        items=items,
        transferable=transferable,
        summary=GapSummary(
            level_steps=numbers.level_steps,
            required_steps=numbers.required_steps,
            coverage=numbers.coverage,
            missing=sum(i.status == "missing" for i in items),
            raise_=sum(i.status == "raise" for i in items),
            met=sum(i.status == "met" for i in items),
        ),
    )
