"""Unlocks: which single raise brings the most roles within reach (docs/design.md, "Unlocks").

A raise is one competence taken to one level the framework defines for it, above the
level held. It unlocks a role when the holder's coverage of that role (entry basis)
goes from below the link threshold to at least it. Only relevant roles count: the
holder's first 2k default next moves (graph.algorithms.moves: most related, no
step-downs, stated moves first; k as for career links), so no raise is sold for
bringing a Help Desk Technician within an Architect's reach. Each unlocked role is
listed once (docs/recommendations.md): the first raise is the one unlocking the most
relevant roles (then fewer level steps, then competence code, then lower level), the
next the one unlocking the most roles not listed yet, and so on while a raise adds one.

A role is within reach while its level steps left are at most a bound that depends
only on its required steps (found by bisection once per distinct required steps,
exactly as coverage is rounded). Raising competence c from h to L takes
min(L, entry) - h off the steps left of each role requiring c at an entry level above
h, and changes no other role; so each raise is one vectorised pass over the roles
requiring c. Per holder: O(R_held + sum over competences of levels x roles requiring
it) numpy work for R_held the requirements on competences held, after an index of
the catalogue built once per snapshot (O(R) for R requirements).

For a chosen target, each raise of a competence it requires above the level held
closes min(raised, entry) - held of its level steps; those raises are ranked by steps
closed per level step raised, then steps closed, then roles unlocked, then code.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from graph.algorithms.gap import GapFigures, competence_ref, figures
from graph.algorithms.holdings import Holdings
from graph.algorithms.links import DEFAULT_POLICY
from graph.algorithms.moves import ranking
from graph.algorithms.per_snapshot import PerSnapshot
from graph.budget import Budget, unlimited
from graph.models import Competence, Role, natural_key
from graph.results import Holder, Raise, TargetRaise, Toward, Unlocked, UnlocksAnswer
from graph.snapshot import Snapshot

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


def _coverage(level_steps: int, required_steps: int) -> float:
    return GapFigures(level_steps=level_steps, required_steps=required_steps).coverage


@lru_cache(maxsize=4096)
def _most_steps_within_reach(required_steps: int, threshold: float) -> int:
    """The most level steps left at which coverage (rounded) is still at least `threshold`.

    Coverage only falls as steps left grow and is 1 at none left, so bisection finds it.
    """
    low, high = 0, required_steps
    while low < high:
        middle = (low + high + 1) // 2
        if _coverage(middle, required_steps) >= threshold:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class _Index:
    """The catalogue as arrays: roles in code order, and per competence who requires it."""

    roles: tuple[Role, ...]
    required: Ints  # per role, the sum of its entry levels
    requiring: dict[str, tuple[Ints, Ints]]  # competence -> (role rows, entry levels)

    @classmethod
    def of(cls, snapshot: Snapshot) -> _Index:
        roles = tuple(sorted(snapshot.roles.values(), key=lambda r: natural_key(r.code)))
        rows: dict[str, list[int]] = {}
        levels: dict[str, list[int]] = {}
        for row, role in enumerate(roles):
            for requirement in role.requirements:
                rows.setdefault(requirement.competence, []).append(row)
                levels.setdefault(requirement.competence, []).append(requirement.level)
        return cls(
            roles=roles,
            required=np.array([sum(r.level for r in role.requirements) for role in roles]),
            requiring={
                code: (np.array(rows[code], dtype=np.int64), np.array(levels[code]))
                for code in rows
            },
        )

    def steps_left(self, held: Holdings) -> Ints:
        """Per role, the level steps from `held` to its entry levels."""
        overlap = np.zeros(len(self.roles), dtype=np.int64)
        for code, level in held.items():
            if code in self.requiring:
                rows, entry = self.requiring[code]
                overlap[rows] += np.minimum(entry, level)  # a role requires `code` once
        return self.required - overlap


_index = PerSnapshot(_Index.of)


@dataclass(frozen=True)
class _Candidate:
    competence: Competence
    before: int
    after: int
    unlocked: Ints  # role rows, in code order
    closed: Ints  # level steps the raise takes off each of them

    @property
    def level_steps(self) -> int:
        return self.after - self.before


def _relevant(snapshot: Snapshot, index: _Index, holder: Holder) -> Bools:
    """Per role of the index, whether it is among the holder's first 2k next moves."""
    here = holder.role.code if holder.role else None
    rows, _, _ = ranking(snapshot, holder.holdings, here)
    codes = snapshot.entry_levels.codes
    position = {role.code: row for row, role in enumerate(index.roles)}
    relevant = np.zeros(len(index.roles), dtype=np.bool_)
    for row in rows[: 2 * DEFAULT_POLICY.k_for(len(index.roles))]:
        relevant[position[codes[row]]] = True
    return relevant


def _candidates(
    index: _Index,
    competences: list[Competence],
    held: Holdings,
    steps: Ints,
    most: Ints,
    relevant: Bools,
    budget: Budget,
) -> list[_Candidate]:
    """Every single raise the framework allows, with the relevant roles it brings within reach."""
    below = (steps > most) & relevant
    found = []
    for competence in competences:
        have = held.get(competence.code, 0)
        rows, entry = index.requiring.get(competence.code, (np.empty(0, np.int64),) * 2)
        budget.spend(1 + len(rows) // 100)  # one vectorised pass over the roles requiring it
        open_rows = below[rows] & (entry > have)
        rows, entry = rows[open_rows], entry[open_rows]
        for level in competence.applicable_levels:
            if level <= have:
                continue
            closed = np.minimum(entry, level) - have
            reached = steps[rows] - closed <= most[rows]
            found.append(_Candidate(competence, have, level, rows[reached], closed[reached]))
    return found


def _one_entry_per_role(
    candidates: list[_Candidate], roles: int, budget: Budget
) -> list[_Candidate]:
    """The raises in turn, each unlocking the most roles no earlier raise listed.

    Candidates come in competence code order, then level: on a tie the first stays.
    """
    listed = np.zeros(roles, dtype=np.bool_)
    chosen: list[_Candidate] = []
    while True:
        budget.spend(len(candidates))  # one pass over the raises per entry listed
        best, best_new = None, np.empty(0, dtype=np.bool_)
        for candidate in candidates:
            new = ~listed[candidate.unlocked]
            if new.any() and (
                best is None
                or (int(new.sum()), -candidate.level_steps)
                > (int(best_new.sum()), -best.level_steps)
            ):
                best, best_new = candidate, new
        if best is None:
            return chosen
        listed[best.unlocked] = True
        chosen.append(
            _Candidate(
                best.competence,
                best.before,
                best.after,
                best.unlocked[best_new],
                best.closed[best_new],
            )
        )


def _raise(
    snapshot: Snapshot, index: _Index, steps: Ints, candidate: _Candidate, budget: Budget
) -> Raise:
    budget.spend(1 + len(candidate.unlocked))  # each role unlocked is listed in the answer
    unlocked = []
    for row, closed in zip(candidate.unlocked.tolist(), candidate.closed.tolist(), strict=True):
        left, required = int(steps[row]), int(index.required[row])
        unlocked.append(
            Unlocked(
                role=snapshot.role_ref(index.roles[row].code),
                coverage_before=_coverage(left, required),
                coverage_after=_coverage(left - closed, required),
            )
        )
    return Raise(
        competence=competence_ref(candidate.competence),
        before=candidate.before,
        after=candidate.after,
        level_steps=candidate.level_steps,
        unlocks=unlocked,
    )


def _toward(
    snapshot: Snapshot,
    index: _Index,
    steps: Ints,
    held: Holdings,
    target: Role,
    candidates: list[_Candidate],
    budget: Budget,
) -> Toward:
    """The raises that close part of the gap to `target`, most closed per level step first."""
    numbers = figures(held, target)
    entry = {r.competence: r.level for r in target.requirements}
    closing = []
    for candidate in candidates:
        closes = min(candidate.after, entry.get(candidate.competence.code, 0)) - candidate.before
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
                **_raise(snapshot, index, steps, candidate, budget).model_dump(),
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
    budget: Budget | None = None,
) -> UnlocksAnswer:
    """The `limit` raises that bring the most relevant roles within reach, one entry per role,
    and the raises toward `target`.

    `budget` (default: unlimited) counts a unit per competence pass and per role listed.
    """
    budget = budget or unlimited()
    goal = snapshot.role(target) if target is not None else None
    held = holder.holdings
    index = _index(snapshot)
    steps = index.steps_left(held)
    most = np.array(
        [_most_steps_within_reach(int(r), threshold) for r in index.required], dtype=np.int64
    )
    competences = sorted(snapshot.competences.values(), key=lambda c: natural_key(c.code))
    relevant = _relevant(snapshot, index, holder)
    candidates = _candidates(index, competences, held, steps, most, relevant, budget)
    # Only raises that unlock a relevant role take part in the entries (most unlock none).
    unlocking = [c for c in candidates if len(c.unlocked)]
    ranked = _one_entry_per_role(unlocking, len(index.roles), budget)
    here = holder.role.code if holder.role else None
    reached = [index.roles[row].code for row in np.flatnonzero(steps <= most).tolist()]
    return UnlocksAnswer(
        from_=holder,
        dataset_version=snapshot.version,
        threshold=threshold,
        within_reach=sum(code != here for code in reached),
        total=len(ranked),
        raises=[_raise(snapshot, index, steps, c, budget) for c in ranked[:limit]],
        toward=_toward(snapshot, index, steps, held, goal, candidates, budget) if goal else None,
    )
