"""Next moves: every other role ranked by how much of it a holder already covers."""

from __future__ import annotations

import numpy as np

from graph.algorithms.coverage import NEVER, rank_keys, rounded_coverage, smallest
from graph.results import Holder, Move, NextMoves
from graph.snapshot import Snapshot


def next_moves(snapshot: Snapshot, holder: Holder, *, limit: int = 10) -> NextMoves:
    """Roles by coverage (highest first), then fewer level steps, then code.

    Every role's figures come at once from the snapshot's entry-level matrix (the same
    numbers as graph.algorithms.gap.figures); only the `limit` best become answers.
    `documented` says whether the source document states the move from the
    holder's role; a self-assessed person has no role, so it is always false.
    """
    levels = snapshot.entry_levels
    here = holder.role.code if holder.role else None
    steps = levels.steps_from(holder.holdings)
    coverage = rounded_coverage(steps, levels.required)
    keys = rank_keys(coverage, steps, np.arange(len(levels.codes), dtype=np.int64))
    if here is not None:
        keys[levels.rows[here]] = NEVER
    moves = []
    for row in smallest(keys, limit):
        code = levels.codes[row]
        link = snapshot.link(here, code) if here else None
        moves.append(
            Move(
                role=snapshot.role_ref(code),
                coverage=float(coverage[row]),
                level_steps=int(steps[row]),
                documented=link is not None and link.kind == "documented",
            )
        )
    return NextMoves(from_=holder, dataset_version=snapshot.version, moves=moves)
