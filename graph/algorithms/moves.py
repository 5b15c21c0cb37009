"""Next moves: every other role ranked by how much of it a holder already covers."""

from __future__ import annotations

from graph.algorithms.gap import GapFigures, figures
from graph.algorithms.holdings import Holdings
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy
from graph.models import natural_key
from graph.results import Holder, Move, NextMoves
from graph.snapshot import Snapshot


def _ranked(snapshot: Snapshot, held: Holdings, here: str | None) -> list[tuple[str, GapFigures]]:
    """Every role but `here`, by coverage (highest first), then fewer level steps, then code."""
    numbers = [
        (role.code, figures(held, role)) for role in snapshot.roles.values() if role.code != here
    ]
    numbers.sort(key=lambda t: (-t[1].coverage, t[1].level_steps, natural_key(t[0])))
    return numbers


def next_moves(snapshot: Snapshot, holder: Holder, *, limit: int = 10) -> NextMoves:
    """Roles by coverage (highest first), then fewer level steps, then code.

    `documented` says whether the source document states the move from the
    holder's role; a self-assessed person has no role, so it is always false.
    """
    here = holder.role.code if holder.role else None
    moves = []
    for code, numbers in _ranked(snapshot, holder.holdings, here)[:limit]:
        link = snapshot.link(here, code) if here else None
        moves.append(
            Move(
                role=snapshot.role_ref(code),
                coverage=numbers.coverage,
                level_steps=numbers.level_steps,
                documented=link is not None and link.kind == "documented",
            )
        )
    return NextMoves(from_=holder, dataset_version=snapshot.version, moves=moves)


def entries(
    snapshot: Snapshot, held: Holdings, *, policy: LinkPolicy = DEFAULT_POLICY
) -> dict[str, str]:
    """The roles a self-assessed person may move into first, each with why (docs/design.md).

    The inferred-link rule applied to the person: the `top_k` most reachable roles,
    plus every role whose coverage reaches the threshold.
    """
    chosen: dict[str, str] = {}
    for rank, (code, numbers) in enumerate(_ranked(snapshot, held, None), start=1):
        if rank <= policy.top_k:
            chosen[code] = f"rank {rank} of the self-assessment's most reachable roles"
        elif numbers.coverage >= policy.threshold:
            chosen[code] = f"coverage at or above {policy.threshold:.0%}"
        else:
            break
    return chosen


def entry_evidence(numbers: GapFigures, why: str | None) -> str:
    """The evidence for moving from a self-assessment into a role, in the words links use."""
    figures_text = (
        f"covers {numbers.coverage:.0%} of the role's entry levels from the self-assessment, "
        f"{numbers.level_steps} level steps to go"
    )
    return f"{figures_text}; {why}" if why else figures_text
