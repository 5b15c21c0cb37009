"""Unlocks written the plain way: every raise, every role, through `figures`.

The oracle for graph/algorithms/unlocks.py, which indexes the catalogue and only looks
at the roles a raise can change (tests/unit/test_unlocks.py holds the two equal).
"""

from __future__ import annotations

from fractions import Fraction

from graph.algorithms.gap import figures
from graph.algorithms.holdings import Holdings
from graph.models import natural_key
from graph.snapshot import Snapshot

# (competence, from, to, unlocked role codes in code order)
RaiseRow = tuple[str, int, int, list[str]]


def every_raise(snapshot: Snapshot, held: Holdings, threshold: float) -> list[RaiseRow]:
    """Every single raise with the roles it unlocks, ranked as the design says."""
    rows = []
    for competence in snapshot.competences.values():
        have = held.get(competence.code, 0)
        for level in competence.applicable_levels:
            if level <= have:
                continue
            raised = {**held, competence.code: level}
            unlocked = [
                role.code
                for role in snapshot.roles.values()
                if figures(held, role).coverage < threshold
                and figures(raised, role).coverage >= threshold
            ]
            rows.append((competence.code, have, level, sorted(unlocked, key=natural_key)))
    return sorted(rows, key=lambda r: (-len(r[3]), r[2] - r[1], natural_key(r[0])))


def toward(snapshot: Snapshot, held: Holdings, target: str, threshold: float) -> list[RaiseRow]:
    """The raises that close part of the gap to `target`, ranked as the design says."""
    role = snapshot.roles[target]
    before = figures(held, role).level_steps
    keyed = []
    for row in every_raise(snapshot, held, threshold):
        code, have, level, unlocked = row
        closes = before - figures({**held, code: level}, role).level_steps
        if closes > 0:
            key = (-Fraction(closes, level - have), -closes, -len(unlocked), natural_key(code))
            keyed.append((key, row))
    return [row for _, row in sorted(keyed, key=lambda t: t[0])]
