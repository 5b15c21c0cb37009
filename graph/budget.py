"""Budgets: how much work one answer may take, checked by the algorithm as it goes.

An algorithm whose work grows with its parameters or with the dataset (paths, unlocks,
plan, compare, graph export, imports) takes a `Budget` and calls `spend()` in its loops.
Work is counted in units the algorithm chooses (states kept, rows written, cells read):
the unit cap bounds memory, the deadline bounds time, and `cancel` (set when the client
leaves) stops work nobody waits for. Checks are cooperative: a budget never interrupts a
single step, so one step must be small.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from graph.errors import BudgetExceeded, Cancelled


@dataclass
class Budget:
    """`seconds` of wall time and `units` of work for one answer.

    `lower` names what the caller can lower to fit (e.g. "k or max_steps"); it goes
    into the error, so an answer that runs out says how to ask for less.
    """

    seconds: float
    units: int
    lower: str = "the request's parameters"
    cancel: threading.Event = field(default_factory=threading.Event)
    spent: int = field(default=0, init=False)
    _deadline: float = field(default=0.0, init=False, repr=False)

    def __post_init__(self) -> None:
        self._deadline = time.monotonic() + self.seconds

    def seconds_left(self) -> float:
        """Wall seconds until the deadline (0 once past it): how long the caller may wait."""
        return max(0.0, self._deadline - time.monotonic())

    def spend(self, units: int = 1) -> None:
        """Count `units` of work; raise when the budget is spent, late or cancelled."""
        self.spent += units
        if self.spent > self.units:
            raise BudgetExceeded(f"more than {self.units:,} units of work", self.lower)
        if time.monotonic() > self._deadline:
            raise BudgetExceeded(f"more than {self.seconds:g} s", self.lower)
        if self.cancel.is_set():
            raise Cancelled("The client left before the answer was ready.")


def unlimited() -> Budget:
    """No practical bound: for trusted callers (CLI, tests, offline tools) that opt out."""
    return Budget(seconds=float("inf"), units=1 << 62, lower="nothing")
