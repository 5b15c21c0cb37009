"""Unlocks written the plain way: every raise, every relevant role, through `figures`.

The oracle for graph/algorithms/unlocks.py, which indexes the catalogue and only looks
at the roles a raise can change (tests/unit/test_unlocks.py holds the two equal).
Written from docs/recommendations.md: the relevant roles are the holder's first 2k
default next moves (the plain next-moves definition); each is listed under the first
raise, in greedy order, that unlocks it.
"""

from __future__ import annotations

from fractions import Fraction

from graph.algorithms.gap import figures
from graph.algorithms.links import DEFAULT_POLICY
from graph.models import natural_key
from graph.results import Holder
from graph.snapshot import Snapshot
from tests.oracles.moves_reference import reference_ranking

# (competence, from, to, unlocked role codes in code order)
RaiseRow = tuple[str, int, int, list[str]]


def relevant_roles(snapshot: Snapshot, holder: Holder) -> set[str]:
    others = len(snapshot.roles) - 1
    k = max(1, min(DEFAULT_POLICY.top_k, int(DEFAULT_POLICY.share * others)))
    return {row[0] for row in reference_ranking(snapshot, holder)[: 2 * k]}


def raw_raises(snapshot: Snapshot, holder: Holder, threshold: float) -> list[RaiseRow]:
    """Every single raise with the relevant roles it unlocks, competence by code, then level."""
    held = holder.holdings
    relevant = relevant_roles(snapshot, holder)
    rows = []
    for competence in sorted(snapshot.competences.values(), key=lambda c: natural_key(c.code)):
        have = held.get(competence.code, 0)
        for level in competence.applicable_levels:
            if level <= have:
                continue
            raised = {**held, competence.code: level}
            unlocked = [
                role.code
                for role in snapshot.roles.values()
                if role.code in relevant
                and figures(held, role).coverage < threshold
                and figures(raised, role).coverage >= threshold
            ]
            rows.append((competence.code, have, level, sorted(unlocked, key=natural_key)))
    return rows


def every_raise(snapshot: Snapshot, holder: Holder, threshold: float) -> list[RaiseRow]:
    """The raises in greedy order, each with the roles no earlier raise listed."""
    candidates = raw_raises(snapshot, holder, threshold)
    listed: set[str] = set()
    chosen = []
    while True:
        best: RaiseRow | None = None
        for code, have, level, unlocked in candidates:
            new = [u for u in unlocked if u not in listed]
            if not new:
                continue
            if best is None or (len(new), have - level) > (len(best[3]), best[1] - best[2]):
                best = (code, have, level, new)
        if best is None:
            return chosen
        listed.update(best[3])
        chosen.append(best)


def toward(snapshot: Snapshot, holder: Holder, target: str, threshold: float) -> list[RaiseRow]:
    """The raises that close part of the gap to `target`, ranked as the design says."""
    held = holder.holdings
    role = snapshot.roles[target]
    before = figures(held, role).level_steps
    keyed = []
    for row in raw_raises(snapshot, holder, threshold):
        code, have, level, unlocked = row
        closes = before - figures({**held, code: level}, role).level_steps
        if closes > 0:
            key = (-Fraction(closes, level - have), -closes, -len(unlocked), natural_key(code))
            keyed.append((key, row))
    return [row for _, row in sorted(keyed, key=lambda t: t[0])]
