"""Path search within a budget, and the pruning that keeps most questions far inside it.

The seed's 4.4 -> 2.3 with k=10 and max_steps=10 keeps about 17,000 partial paths
(the most of any seed pair under the relatedness links): a budget stops it
with a problem that says what to lower, after keeping no more than the budget allows.
A dense synthetic catalogue, where the exact search would tie on cost along every
order of 59 roles, is answered within a small budget thanks to the reach bound."""

from __future__ import annotations

import pytest

from graph.algorithms.holdings import role_holder
from graph.algorithms.links import release
from graph.algorithms.paths import k_best_paths
from graph.algorithms.plan import plan
from graph.budget import Budget
from graph.datafiles import read_dataset
from graph.errors import BudgetExceeded, Cancelled, NoPath
from graph.models import CareerLink
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.factories import role, snapshot_of, tiny_dataset

# The tiny catalogue's competences and the levels each defines.
LEVELS = {
    "A1": (3, 4, 5),
    "B1": (1, 2, 3, 4, 5),
    "B2": (2, 3, 4),
    "C1": (1, 2, 3),
    "E2": (2, 3, 4, 5),
}
ROLES = 60


def needs(levels_of: dict[str, int]) -> dict[str, list[int]]:
    return {c: [LEVELS[c][n]] for c, n in levels_of.items()}


@pytest.fixture(scope="module")
def dense() -> Snapshot:
    """A start asking every competence at its lowest level, a top role asking each at its
    highest, and 59 roles between, each asking one competence at its second level and the
    rest at their lowest, all linked to all (3660 links). Any role is within reach of any
    other; the top only once the second level of all five competences is held, after five
    roles at least, so the exact search ties on cost and explores every order of roles."""
    codes = [f"9.{n}" for n in range(2, ROLES + 1)]
    roles = [
        role(code, f"Role {code}", needs({c: int(i % 5 == k) for k, c in enumerate(LEVELS)}))
        for i, code in enumerate(codes)
    ]
    roles.append(role("9.0", "Top", needs({c: len(levels) - 1 for c, levels in LEVELS.items()})))
    roles.append(role("9.1", "Start", needs(dict.fromkeys(LEVELS, 0))))
    dataset = tiny_dataset(links=()).model_copy(update={"roles": tuple(roles)})
    every = ["9.0", "9.1", *codes]
    links = [
        CareerLink(source=a, target=b, kind="inferred", coverage=0.6, level_steps=1, evidence="")
        for a in every
        for b in every
        if a != b
    ]
    return snapshot_of(dataset, links)


@pytest.fixture(scope="module")
def seed() -> Snapshot:
    return Snapshot.build(release(read_dataset(DATA_DIR)))


def test_the_budget_bounds_the_partial_paths_kept(seed: Snapshot) -> None:
    budget = Budget(seconds=60, units=5_000)
    with pytest.raises(BudgetExceeded, match="lower k or max_steps"):
        k_best_paths(seed, "4.4", "2.3", k=10, max_steps=10, budget=budget)
    assert budget.spent == 5_001  # the search stopped at the first state over the bound


def test_the_deadline_bounds_the_time(seed: Snapshot) -> None:
    budget = Budget(seconds=0.02, units=1 << 40)  # the whole search takes about 0.5 s
    with pytest.raises(BudgetExceeded, match=r"more than 0\.02 s.*lower k or max_steps"):
        k_best_paths(seed, "4.4", "2.3", k=10, max_steps=10, budget=budget)


def test_a_cancelled_search_stops(seed: Snapshot) -> None:
    budget = Budget(seconds=60, units=1 << 40)
    budget.cancel.set()
    with pytest.raises(Cancelled):
        k_best_paths(seed, "4.4", "2.3", k=10, max_steps=10, budget=budget)
    assert budget.spent == 1


def test_the_reach_bound_answers_the_dense_catalogue_in_a_small_budget(dense: Snapshot) -> None:
    budget = Budget(seconds=60, units=2_000)
    answer = k_best_paths(dense, "9.1", "9.0", k=10, max_steps=10, budget=budget)
    # The top needs all five second levels: five roles, one per competence, codes first.
    assert [p.roles for p in answer.paths[:2]] == [
        ["9.1", "9.2", "9.3", "9.4", "9.5", "9.6", "9.0"],
        ["9.1", "9.2", "9.3", "9.4", "9.5", "9.11", "9.0"],
    ]
    assert {p.cost for p in answer.paths} == {13}
    assert all(s.coverage >= 0.6 for p in answer.paths for s in p.steps)
    with pytest.raises(NoPath, match="in at most 5 moves"):
        k_best_paths(dense, "9.1", "9.0", max_steps=5, budget=Budget(seconds=60, units=0))


def test_a_plans_search_for_the_best_path_takes_the_same_budget(seed: Snapshot) -> None:
    budget = Budget(seconds=60, units=5)
    with pytest.raises(BudgetExceeded, match="lower k or max_steps"):
        plan(seed, role_holder(seed, "1.3"), "2.3", budget=budget)
    roomy = Budget(seconds=60, units=100_000)
    assert plan(seed, role_holder(seed, "1.3"), "2.3", budget=roomy).path[-1] == "2.3"
    assert roomy.spent > 5
