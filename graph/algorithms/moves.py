"""Next moves: the roles worth moving to, by relatedness, within a direction.

docs/recommendations.md has the model and its evaluation.

Three separate figures per move: relatedness (graph.algorithms.similarity: is it the
same line of work), the gap (coverage and level steps: how far) and the direction (up,
lateral, down). Next moves keep the directions asked for (default: no step-downs), rank
by relatedness (rounded to 4 places), then fewer level steps, then code. With
`documented="include"` the moves the source states from the holder's role come first,
whatever their direction; "exclude" is the model alone, as if the dataset stated no
move; "only" keeps the stated moves.

`by_coverage` is the rule before version 3 (most covered first): the evaluation keeps it
as a baseline. The Cypher twin cypher/library/next_moves.cypher reproduces the default
next moves from the word vectors and weights seeding writes (graph.neo4j.seeding).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from graph.algorithms import coverage as exact
from graph.algorithms.coverage import NEVER, Floats, Ints, rank_keys, smallest
from graph.algorithms.direction import (
    DIRECTIONS,
    Direction,
    DirectionFilter,
    directions,
    in_words,
    kept,
)
from graph.algorithms.gap import GapFigures
from graph.algorithms.holdings import Holdings
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, ranked_reason
from graph.algorithms.per_snapshot import PerSnapshot
from graph.algorithms.similarity import Relatedness
from graph.results import Holder, Move, NextMoves
from graph.snapshot import Snapshot

DocumentedMode = Literal["include", "exclude", "only"]

relatedness_index = PerSnapshot(
    lambda snapshot: Relatedness.of(snapshot.roles.values(), snapshot.entry_levels)
)


@dataclass(frozen=True)
class Figures:
    """Per role (rows of the snapshot's entry-level matrix), the three figures of a move."""

    relatedness: Floats  # rounded to 4 places
    coverage: Floats
    steps: Ints
    direction: Ints  # UP, LATERAL or DOWN
    masses: Ints
    mass: int  # the holder's level mass
    zoned: np.ndarray  # per role, whether the zones decided its direction


def move_figures(snapshot: Snapshot, held: Holdings, here: str | None) -> Figures:
    levels = snapshot.entry_levels
    steps = levels.steps_from(held)
    zones = np.array([snapshot.roles[c].job_zone or 0 for c in levels.codes], dtype=np.int64)
    zone = snapshot.roles[here].job_zone if here else None
    mass = sum(held.values())
    return Figures(
        relatedness=exact.round_like_python(relatedness_index(snapshot).to_all(held, here)),
        coverage=exact.rounded_coverage(steps, levels.required),
        steps=steps,
        direction=directions(mass, zone, levels.required, zones),
        masses=levels.required,
        mass=mass,
        zoned=(zones > 0) & bool(zone),
    )


def ranking(
    snapshot: Snapshot,
    held: Holdings,
    here: str | None,
    *,
    direction: DirectionFilter = "not-down",
    documented: DocumentedMode = "include",
) -> tuple[list[int], Figures, set[str]]:
    """Rows of every role the filters keep, best first; the figures; the stated targets."""
    figures = move_figures(snapshot, held, here)
    codes = snapshot.entry_levels.codes
    stated = set()
    if here is not None and documented != "exclude":
        out = snapshot.links_from.get(here, {})
        stated = {t for t, link in out.items() if link.kind == "documented"}
    keys = rank_keys(figures.relatedness, figures.steps, np.arange(len(codes), dtype=np.int64))
    is_stated = np.array([c in stated for c in codes], dtype=np.bool_)
    wanted = is_stated if documented == "only" else kept(figures.direction, direction) | is_stated
    keys[~wanted] = NEVER
    if here is not None:
        keys[snapshot.entry_levels.rows[here]] = NEVER
    rows = smallest(keys, len(codes))
    rows.sort(key=lambda row: not is_stated[row])  # stable: stated first, each in rank order
    return rows, figures, stated


def next_moves(
    snapshot: Snapshot,
    holder: Holder,
    *,
    limit: int = 10,
    direction: DirectionFilter = "not-down",
    documented: DocumentedMode = "include",
) -> NextMoves:
    """The `limit` best moves from `holder` (see the module's docstring for the order)."""
    here = holder.role.code if holder.role else None
    rows, figures, stated = ranking(
        snapshot, holder.holdings, here, direction=direction, documented=documented
    )
    moves = []
    for row in rows[:limit]:
        code = snapshot.entry_levels.codes[row]
        moves.append(
            Move(
                role=snapshot.role_ref(code),
                coverage=float(figures.coverage[row]),
                level_steps=int(figures.steps[row]),
                documented=code in stated,
                relatedness=float(figures.relatedness[row]),
                direction=DIRECTIONS[int(figures.direction[row])],
                why=why(snapshot, here, code, figures, row),
            )
        )
    return NextMoves(from_=holder, dataset_version=snapshot.version, moves=moves)


# Where the words change, per measure. Between two roles (levels, titles, descriptions,
# family) half of O*NET's related pairs score 0.276 or more and a pair over 0.35 is
# related 6 times in 10 (docs/recommendations.md); a self-assessment's level cosine
# alone runs higher.
BETWEEN_ROLES = (0.5, 0.35, 0.25)
LEVELS_ONLY = (0.8, 0.6, 0.4)


def relatedness_in_words(relatedness: float, *, levels_only: bool = False) -> str:
    same, close, related = LEVELS_ONLY if levels_only else BETWEEN_ROLES
    if relatedness >= same:
        return "the same line of work"
    if relatedness >= close:
        return "a closely related line of work"
    if relatedness >= related:
        return "a related line of work"
    return "a different line of work"


def why(snapshot: Snapshot, here: str | None, code: str, figures: Figures, row: int) -> str:
    """Why a move is offered, in the words a person reads: relatedness, gap, direction."""
    relatedness = float(figures.relatedness[row])
    direction: Direction = DIRECTIONS[int(figures.direction[row])]
    parts = [
        f"{relatedness_in_words(relatedness, levels_only=here is None)} "
        f"({relatedness:.0%} alike in what both ask)",
        f"you already cover {float(figures.coverage[row]):.0%} of its entry levels, "
        f"{int(figures.steps[row])} level steps to learn",
        in_words(direction, figures.mass, int(figures.masses[row]), bool(figures.zoned[row])),
    ]
    link = snapshot.link(here, code) if here else None
    if link is not None and link.kind == "documented":
        parts.insert(0, f"the source states this move: {link.evidence}")
    return "; ".join(parts)


def entries(
    snapshot: Snapshot, held: Holdings, *, policy: LinkPolicy = DEFAULT_POLICY
) -> dict[str, str]:
    """The roles a self-assessed person may move into first, each with why (docs/design.md).

    The inferred-link rule applied to the person: the k most related roles that
    are not a step down (any direction when none is left).
    """
    rows, _, _ = ranking(snapshot, held, None)
    if not rows:
        rows, _, _ = ranking(snapshot, held, None, direction="any")
    codes = snapshot.entry_levels.codes
    return {
        codes[row]: ranked_reason(rank, "the self-assessment")
        for rank, row in enumerate(rows[: policy.k_for(len(codes))], start=1)
    }


def by_coverage(snapshot: Snapshot, holder: Holder, *, limit: int = 10) -> list[str]:
    """The rule before version 3: roles by coverage, then fewer level steps, then code."""
    here = holder.role.code if holder.role else None
    levels = snapshot.entry_levels
    steps = levels.steps_from(holder.holdings)
    covered = exact.rounded_coverage(steps, levels.required)
    keys = rank_keys(covered, steps, np.arange(len(levels.codes), dtype=np.int64))
    if here is not None:
        keys[levels.rows[here]] = NEVER
    return [levels.codes[row] for row in smallest(keys, limit)]


def entry_evidence(numbers: GapFigures, why: str | None) -> str:
    """The evidence for moving from a self-assessment into a role, in the words links use."""
    figures_text = (
        f"covers {numbers.coverage:.0%} of the role's entry levels from the self-assessment, "
        f"{numbers.level_steps} level steps to go"
    )
    return f"{figures_text}; {why}" if why else figures_text
