"""A budget stops work at its unit cap, its deadline and its cancellation, and says why."""

import pytest

from graph.budget import Budget, unlimited
from graph.errors import BudgetExceeded, Cancelled


def test_units_past_the_cap_raise_naming_what_to_lower() -> None:
    budget = Budget(seconds=60, units=3, lower="k or max_steps")
    budget.spend(3)
    with pytest.raises(BudgetExceeded, match="lower k or max_steps"):
        budget.spend()


def test_a_passed_deadline_raises() -> None:
    budget = Budget(seconds=0, units=100)
    with pytest.raises(BudgetExceeded, match="more than 0 s"):
        budget.spend()


def test_cancellation_raises() -> None:
    budget = Budget(seconds=60, units=100)
    budget.cancel.set()
    with pytest.raises(Cancelled):
        budget.spend()


def test_unlimited_takes_any_amount() -> None:
    budget = unlimited()
    budget.spend(10**12)
    assert budget.spent == 10**12
