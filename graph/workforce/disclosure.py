"""Disclosure control: what an aggregate reader may see of an exact answer.

The analytics (bench.py, heatmap.py, whatif.py...) compute exact figures; before an
answer leaves the service for an *aggregate reader* (docs/workforce.md, "Privacy"),
these functions withhold what would describe fewer than `k` people (the minimum group
size):

- *primary suppression*: a count of 1..k-1 people is withheld (null); 0 is shown (it
  describes no one);
- *complementary suppression*: in a line whose total is published or derivable (the
  holders of every role add up to the people with a role; a what-if's changes add up to
  its totals; a competence's heatmap cells add up over units), a withheld cell never
  stands alone: the smallest shown cells are withheld with it until at least two are
  withheld and together they count at least `k`, so no subtraction isolates one;
- *differences*: a what-if's "after" is withheld where it differs from "before" by
  1..k-1 people, and so is a raise's `raised` where it, or the people it left alone,
  count 1..k-1;
- *targets*: a what-if may aim only at a unit or a role's holders of at least `k`
  people, otherwise GroupTooSmall (a list of people is for data stewards only: the
  routes refuse it to aggregate readers).

Data stewards see the exact answers: they may see individuals anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.errors import GroupTooSmall
from graph.workforce.groups import suppression_reason
from graph.workforce.results import (
    BenchBoard,
    BenchChange,
    BenchStrength,
    BestRaise,
    Heatmap,
    HeatmapCell,
    ReadyCounts,
    SinglePoints,
    WhatIf,
)


def small(count: int | None, k: int) -> bool:
    """Whether `count` people is a group too small to show (0 describes no one)."""
    return count is not None and 0 < count < k


def shown(count: int | None, k: int) -> int | None:
    return None if small(count, k) else count


def complementary(counts: Sequence[int], k: int, withheld: set[int] | None = None) -> set[int]:
    """Indices of `counts` to withhold in a line with a known total: the small ones (and
    `withheld`), then the smallest others until two or more are withheld and together
    they count at least `k` (or every non-zero count is)."""
    out = set(withheld or ()) | {i for i, c in enumerate(counts) if small(c, k)}
    if not out:
        return out
    others = sorted((c, i) for i, c in enumerate(counts) if i not in out and c > 0)
    while others and (len(out) < 2 or sum(counts[i] for i in out) < k):
        out.add(others.pop(0)[1])
    return out


def _ready(counts: ReadyCounts, k: int) -> dict[str, int | None]:
    return {"ready_now": shown(counts.ready_now, k), "ready_soon": shown(counts.ready_soon, k)}


def board(answer: BenchBoard, k: int) -> BenchBoard:
    holders = [r.holders or 0 for r in answer.roles]
    hidden = complementary(holders, k)
    roles = [
        r.model_copy(update={"holders": None if i in hidden else r.holders, **_ready(r, k)})
        for i, r in enumerate(answer.roles)
    ]
    return answer.model_copy(update={"roles": roles})


def bench(answer: BenchStrength, k: int, *, individuals: bool) -> BenchStrength:
    """One role's bench; its candidates (people) only for whoever may see individuals."""
    if individuals:
        return answer
    return answer.model_copy(
        update={
            "holders": shown(answer.holders, k),
            **_ready(answer, k),
            "candidates": [],
            "candidates_total": shown(answer.candidates_total, k),
        }
    )


def best_raise(answer: BestRaise, k: int) -> BestRaise:
    if not small(answer.candidates, k) and not (
        answer.best is not None and small(answer.best.ready_now_added, k)
    ):
        return answer
    return answer.model_copy(
        update={
            "candidates": shown(answer.candidates, k),
            "best": None,
            "reason": f"withheld: it would describe {suppression_reason(1, k)}",
        }
    )


def heatmap(answer: Heatmap, k: int) -> Heatmap:
    """Complementary suppression down each competence's column (cells over units)."""
    cells = list(answer.cells)
    columns: dict[str, list[int]] = {}
    for i, cell in enumerate(cells):
        columns.setdefault(cell.competence, []).append(i)
    for at in columns.values():
        people = [_true_people(cells[i]) for i in at]
        withheld = {j for j, i in enumerate(at) if cells[i].suppressed}
        for j in complementary(people, k, withheld) - withheld:
            cells[at[j]] = _withheld(cells[at[j]], k)
    return answer.model_copy(
        update={"cells": cells, "suppressed": sum(c.suppressed for c in cells)}
    )


def _true_people(cell: HeatmapCell) -> int:
    # a withheld cell counts as under k people: only its presence matters to the rule
    return 1 if cell.people is None else cell.people


def _withheld(cell: HeatmapCell, k: int) -> HeatmapCell:
    return cell.model_copy(
        update={
            "people": None,
            "holding": None,
            "share": None,
            "suppressed": True,
            "reason": f"withheld with another cell of {cell.competence}, so that it cannot be "
            f"derived from the others (complementary suppression; minimum group size {k})",
        }
    )


def single_points(answer: SinglePoints, k: int) -> SinglePoints:
    """A point needed by fewer than `k` people would tell a withheld heatmap cell."""
    return answer.model_copy(
        update={"points": [p for p in answer.points if not small(p.needed_by, k)]}
    )


def what_if(answer: WhatIf, k: int) -> WhatIf:
    changes = [(c.after.ready_now or 0) - (c.before.ready_now or 0) for c in answer.roles]
    soon = [(c.after.ready_soon or 0) - (c.before.ready_soon or 0) for c in answer.roles]
    hidden_now = complementary([abs(d) for d in changes], k)
    hidden_soon = complementary([abs(d) for d in soon], k)
    holders = complementary([c.holders or 0 for c in answer.roles], k)
    roles = [
        BenchChange(
            role=c.role,
            holders=None if i in holders else c.holders,
            before=ReadyCounts(**_ready(c.before, k)),
            after=ReadyCounts(
                ready_now=None if i in hidden_now else shown(c.after.ready_now, k),
                ready_soon=None if i in hidden_soon else shown(c.after.ready_soon, k),
            ),
        )
        for i, c in enumerate(answer.roles)
    ]
    raises = [
        r.model_copy(
            update={
                "raised": None
                if small(r.raised, k) or small(r.people - (r.raised or 0), k)
                else r.raised
            }
        )
        for r in answer.raises
    ]
    return answer.model_copy(
        update={
            "roles": roles,
            "raises": raises,
            "ready_now_added": shown(answer.ready_now_added, k),
            "ready_soon_added": shown(answer.ready_soon_added, k),
        }
    )


def check_target(reached: int, target: str, k: int) -> None:
    """GroupTooSmall when a what-if target reaches 1..k-1 people."""
    if small(reached, k):
        raise GroupTooSmall(
            f"The raise aimed at {target} reaches {suppression_reason(reached, k)}: its "
            "answer would describe them. Aim at a unit or a role of that many people or more."
        )
