"""Next moves: every other role ranked by how much of it a holder already covers."""

from __future__ import annotations

import numpy as np

from graph.algorithms.coverage import NEVER, Floats, Ints, rank_keys, rounded_coverage, smallest
from graph.algorithms.gap import GapFigures
from graph.algorithms.holdings import Holdings
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy
from graph.results import Holder, Move, NextMoves
from graph.snapshot import Snapshot


def _ranking(snapshot: Snapshot, held: Holdings, here: str | None) -> tuple[Ints, Floats, Ints]:
    """Per role (rows of the snapshot's entry-level matrix): its rank key (higher coverage
    first, then fewer level steps, then code; `here` never), coverage and level steps.

    Every role's figures come at once from the matrix: the same numbers as
    graph.algorithms.gap.figures (tests/unit/test_coverage.py holds them equal).
    """
    levels = snapshot.entry_levels
    steps = levels.steps_from(held)
    coverage = rounded_coverage(steps, levels.required)
    keys = rank_keys(coverage, steps, np.arange(len(levels.codes), dtype=np.int64))
    if here is not None:
        keys[levels.rows[here]] = NEVER
    return keys, coverage, steps


def next_moves(snapshot: Snapshot, holder: Holder, *, limit: int = 10) -> NextMoves:
    """Roles by coverage (highest first), then fewer level steps, then code.

    `documented` says whether the source document states the move from the
    holder's role; a self-assessed person has no role, so it is always false.
    """
    here = holder.role.code if holder.role else None
    keys, coverage, steps = _ranking(snapshot, holder.holdings, here)
    moves = []
    for row in smallest(keys, limit):
        code = snapshot.entry_levels.codes[row]
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


def entries(
    snapshot: Snapshot, held: Holdings, *, policy: LinkPolicy = DEFAULT_POLICY
) -> dict[str, str]:
    """The roles a self-assessed person may move into first, each with why (docs/design.md).

    The inferred-link rule applied to the person: the `top_k` most reachable roles,
    plus every role whose coverage reaches the threshold (those rank first by coverage,
    so the answer is a prefix of the ranking).
    """
    keys, coverage, _ = _ranking(snapshot, held, None)
    count = max(policy.top_k, int((coverage >= policy.threshold).sum()))
    chosen: dict[str, str] = {}
    for rank, row in enumerate(smallest(keys, count), start=1):
        code = snapshot.entry_levels.codes[row]
        if rank <= policy.top_k:
            chosen[code] = f"rank {rank} of the self-assessment's most reachable roles"
        else:
            chosen[code] = f"coverage at or above {policy.threshold:.0%}"
    return chosen


def entry_evidence(numbers: GapFigures, why: str | None) -> str:
    """The evidence for moving from a self-assessment into a role, in the words links use."""
    figures_text = (
        f"covers {numbers.coverage:.0%} of the role's entry levels from the self-assessment, "
        f"{numbers.level_steps} level steps to go"
    )
    return f"{figures_text}; {why}" if why else figures_text
