"""The plain next-moves rule, role by role through gap.figures: the definition that the
vectorised graph.algorithms.moves.next_moves is held equal to (tests/unit/test_moves.py)."""

from __future__ import annotations

from graph.algorithms.gap import figures
from graph.models import natural_key
from graph.results import Holder, Move, NextMoves
from graph.snapshot import Snapshot


def reference_next_moves(snapshot: Snapshot, holder: Holder, *, limit: int = 10) -> NextMoves:
    """Roles by coverage (highest first), then fewer level steps, then code.

    `documented` says whether the source document states the move from the
    holder's role; a self-assessed person has no role, so it is always false.
    """
    here = holder.role.code if holder.role else None
    moves = []
    for role in snapshot.roles.values():
        if role.code == here:
            continue
        numbers = figures(holder.holdings, role)
        link = snapshot.link(here, role.code) if here else None
        moves.append(
            Move(
                role=snapshot.role_ref(role.code),
                coverage=numbers.coverage,
                level_steps=numbers.level_steps,
                documented=link is not None and link.kind == "documented",
            )
        )
    moves.sort(key=lambda m: (-m.coverage, m.level_steps, natural_key(m.role.code)))
    return NextMoves(from_=holder, dataset_version=snapshot.version, moves=moves[:limit])
