"""What-if: raises given to people, a role's holders or a unit, and the benches after."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph import search
from graph.algorithms.gap import competence_ref
from graph.errors import UnitNotFound
from graph.models import Code, Level
from graph.workforce.bench import bench_board
from graph.workforce.index import Levels, WorkforceIndex
from graph.workforce.models import PersonId, Unit
from graph.workforce.readiness import row_of
from graph.workforce.results import AppliedRaise, BenchChange, ReadyCounts, WhatIf

MAX_RAISES = 50


class WhatIfRaise(BaseModel):
    """A competence raised to a level for exactly one target: people, a role's holders, a unit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    competence: Code = Field(examples=["B2"])
    level: Level = Field(examples=[3])
    people: list[PersonId] | None = Field(default=None, max_length=10_000)
    role: Code | None = Field(default=None, description="the holders of this role")
    unit: Unit | None = Field(default=None, description="everyone in this unit")

    @model_validator(mode="after")
    def _one_target(self) -> WhatIfRaise:
        given = [t for t in (self.people, self.role, self.unit) if t is not None]
        if len(given) != 1:
            raise ValueError("a raise names exactly one target: people, role or unit")
        return self

    def target(self) -> str:
        if self.people is not None:
            return f"{len(self.people)} people"
        return f"holders of {self.role}" if self.role is not None else f"unit {self.unit}"


def raised_rows(index: WorkforceIndex, given: WhatIfRaise) -> np.ndarray:
    """The rows `given` reaches (unknown people, roles or units are errors)."""
    if given.people is not None:
        return np.array(sorted({row_of(index, p) for p in given.people}), dtype=np.int64)
    if given.role is not None:
        return np.flatnonzero(index.role_of == index.role_index(given.role))
    unit = given.unit or ""
    if unit not in index.units:
        names = {u: [u] for u in index.units}
        raise UnitNotFound(unit, search.nearest(unit, names, {u: u for u in index.units}))
    return np.flatnonzero(index.unit_of == index.units.index(unit))


def apply_raises(
    index: WorkforceIndex, raises: list[WhatIfRaise]
) -> tuple[Levels, list[AppliedRaise]]:
    """The holdings after every raise (a raised person holds max(held, level))."""
    holdings = index.holdings.copy()
    applied = []
    snapshot = index.snapshot
    for given in raises:
        column = index.competence_index(given.competence)
        code = index.competences[column]
        snapshot.check_level(code, given.level)
        rows = raised_rows(index, given)
        below = holdings[rows, column] < given.level
        holdings[rows[below], column] = given.level
        applied.append(
            AppliedRaise(
                competence=competence_ref(snapshot.competences[code]),
                level=given.level,
                label=snapshot.level_label(given.level),
                target=given.target(),
                people=len(rows),
                raised=int(below.sum()),
            )
        )
    return holdings, applied


def what_if(index: WorkforceIndex, raises: list[WhatIfRaise], *, threshold: float) -> WhatIf:
    """Bench counts of every role before and after `raises`."""
    after_holdings, applied = apply_raises(index, raises)
    before = bench_board(index, threshold).roles
    after = bench_board(index, threshold, after_holdings).roles
    changes = [
        BenchChange(
            role=b.role,
            holders=b.holders,
            before=ReadyCounts(ready_now=b.ready_now, ready_soon=b.ready_soon),
            after=ReadyCounts(ready_now=a.ready_now, ready_soon=a.ready_soon),
        )
        for b, a in zip(before, after, strict=True)
    ]
    return WhatIf(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        threshold=threshold,
        raises=applied,
        roles=changes,
        # exact counts here (graph/workforce/disclosure.py withholds later): never None
        ready_now_added=sum((c.after.ready_now or 0) - (c.before.ready_now or 0) for c in changes),
        ready_soon_added=sum(
            (c.after.ready_soon or 0) - (c.before.ready_soon or 0) for c in changes
        ),
    )
