"""Unlocks: which single raise brings the most roles within reach (docs/design.md, "Unlocks").

A raise is one competence taken to one level the framework defines for it, above the
level held. It unlocks a role when the holder's coverage of that role (entry basis)
goes from below the link threshold to at least it. Raises are ranked by how many roles
they unlock, then fewer level steps, then competence code.

Only the roles that require a competence above the level held can change when that
competence is raised, and of those only the ones still below the threshold matter.
For each such role we find once, by bisection, the fewest level steps fewer that would
bring it within reach (exactly as coverage is rounded); a raise unlocks it when the
level steps it closes there, min(raised, entry) - held, are at least that many.
Time O(R + sum over competences of levels x roles requiring it below reach), for R
requirements in the catalogue: linear in the catalogue, whatever the holder.

For a chosen target, each raise of a competence it requires above the level held
closes min(raised, entry) - held of its level steps; the raises are ranked by steps
closed per level step raised, then steps closed, then roles unlocked, then code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from graph.algorithms.gap import GapFigures, competence_ref, figures
from graph.algorithms.links import DEFAULT_POLICY
from graph.models import Competence, Role, natural_key
from graph.results import Holder, Raise, TargetRaise, Toward, Unlocked, UnlocksAnswer
from graph.snapshot import Snapshot


def _coverage(level_steps: int, required_steps: int) -> float:
    return GapFigures(level_steps=level_steps, required_steps=required_steps).coverage


def _fewest_to_reach(numbers: GapFigures, threshold: float) -> int:
    """The fewest level steps fewer that bring coverage to `threshold` (rounded as coverage is).

    Coverage only grows as steps fall and reaches 1 at none left, so bisection finds it.
    """
    low, high = 1, numbers.level_steps
    while low < high:
        middle = (low + high) // 2
        if _coverage(numbers.level_steps - middle, numbers.required_steps) >= threshold:
            high = middle
        else:
            low = middle + 1
    return low


@dataclass(frozen=True)
class _Below:
    """A role below the threshold that requires some competence above the level held."""

    role: Role
    entry: int
    numbers: GapFigures
    fewest: int


@dataclass(frozen=True)
class _Candidate:
    competence: Competence
    before: int
    after: int
    unlocked: tuple[_Below, ...]

    @property
    def level_steps(self) -> int:
        return self.after - self.before


def _below_by_competence(
    snapshot: Snapshot, held: dict[str, int], standing: dict[str, GapFigures], threshold: float
) -> dict[str, list[_Below]]:
    """Per competence, the roles below the threshold that require it above the level held."""
    below: dict[str, list[_Below]] = defaultdict(list)
    for role in sorted(snapshot.roles.values(), key=lambda r: natural_key(r.code)):
        numbers = standing[role.code]
        if numbers.coverage >= threshold:
            continue
        fewest = _fewest_to_reach(numbers, threshold)
        for requirement in role.requirements:
            if requirement.level > held.get(requirement.competence, 0):
                below[requirement.competence].append(
                    _Below(role, requirement.level, numbers, fewest)
                )
    return below


def _candidates(
    snapshot: Snapshot, held: dict[str, int], below: dict[str, list[_Below]]
) -> list[_Candidate]:
    """Every single raise the framework allows, with the roles each brings within reach."""
    found = []
    for competence in snapshot.competences.values():
        have = held.get(competence.code, 0)
        demands = below.get(competence.code, [])
        for level in competence.applicable_levels:
            if level <= have:
                continue
            unlocked = tuple(d for d in demands if min(level, d.entry) - have >= d.fewest)
            found.append(_Candidate(competence, have, level, unlocked))
    return found


def _raise(snapshot: Snapshot, candidate: _Candidate) -> Raise:
    return Raise(
        competence=competence_ref(candidate.competence),
        before=candidate.before,
        after=candidate.after,
        level_steps=candidate.level_steps,
        unlocks=[
            Unlocked(
                role=snapshot.role_ref(d.role.code),
                coverage_before=d.numbers.coverage,
                coverage_after=_coverage(
                    d.numbers.level_steps - (min(candidate.after, d.entry) - candidate.before),
                    d.numbers.required_steps,
                ),
            )
            for d in candidate.unlocked
        ],
    )


def _toward(
    snapshot: Snapshot, held: dict[str, int], target: Role, candidates: list[_Candidate]
) -> Toward:
    """The raises that close part of the gap to `target`, most closed per level step first."""
    numbers = figures(held, target)
    entry = {r.competence: r.level for r in target.requirements}
    closing = []
    for candidate in candidates:
        need = entry.get(candidate.competence.code, 0)
        closes = min(candidate.after, need) - candidate.before
        if closes > 0:
            closing.append((Fraction(closes, candidate.level_steps), closes, candidate))
    closing.sort(
        key=lambda t: (-t[0], -t[1], -len(t[2].unlocked), natural_key(t[2].competence.code))
    )
    return Toward(
        role=snapshot.role_ref(target.code),
        level_steps=numbers.level_steps,
        coverage=numbers.coverage,
        raises=[
            TargetRaise(
                **_raise(snapshot, candidate).model_dump(),
                closes=closes,
                closes_per_step=round(float(per_step), 4),
                coverage_after=_coverage(numbers.level_steps - closes, numbers.required_steps),
            )
            for per_step, closes, candidate in closing
        ],
    )


def unlocks(
    snapshot: Snapshot,
    holder: Holder,
    *,
    target: str | None = None,
    limit: int = 10,
    threshold: float = DEFAULT_POLICY.threshold,
) -> UnlocksAnswer:
    """The `limit` raises that bring the most roles within reach, and those toward `target`."""
    goal = snapshot.role(target) if target is not None else None
    held = dict(holder.holdings)
    standing = {code: figures(held, role) for code, role in snapshot.roles.items()}
    below = _below_by_competence(snapshot, held, standing, threshold)
    candidates = _candidates(snapshot, held, below)
    ranked = sorted(
        candidates,
        key=lambda c: (-len(c.unlocked), c.level_steps, natural_key(c.competence.code)),
    )
    here = holder.role.code if holder.role else None
    return UnlocksAnswer(
        from_=holder,
        dataset_version=snapshot.version,
        threshold=threshold,
        within_reach=sum(
            code != here and numbers.coverage >= threshold for code, numbers in standing.items()
        ),
        total=len(ranked),
        raises=[_raise(snapshot, c) for c in ranked[:limit]],
        toward=_toward(snapshot, held, goal, candidates) if goal is not None else None,
    )
