"""Every workforce definition (docs/design.md, "Workforce") on the tiny workforce, by hand."""

from __future__ import annotations

import pytest

from graph.errors import InvalidLevel, PersonNotFound, RoleNotFound, UnitNotFound
from graph.models import Dataset
from graph.snapshot import Snapshot
from graph.workforce.bench import bench_board, bench_strength
from graph.workforce.best_raise import best_single_raise
from graph.workforce.heatmap import heatmap
from graph.workforce.index import WorkforceIndex
from graph.workforce.models import person_rows
from graph.workforce.readiness import readiness
from graph.workforce.spof import single_points_of_failure
from graph.workforce.stale import StalePerson, describe, stale_people
from graph.workforce.whatif import WhatIfRaise, what_if
from tests.factories import catalogue, competence, role, snapshot_of, tiny_dataset
from tests.workforce_factory import tiny_workforce

SOON = 0.8


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return snapshot_of(tiny_dataset())


@pytest.fixture(scope="module")
def index(snapshot: Snapshot) -> WorkforceIndex:
    return WorkforceIndex.build(snapshot, tiny_workforce(), "v1")


def test_holdings_are_assessed_levels_else_the_roles_entry_levels(index: WorkforceIndex) -> None:
    held = {p: readiness(index, p, threshold=SOON).holdings for p in ("P1", "P5", "P6", "P7")}
    assert held == {
        "P1": {"B1": 4, "C1": 1},  # B1 assessed above 3.2's e-2; C1 from the role
        "P5": {"B2": 3, "E2": 2},  # E2 assessed below 2.3's e-3 wins over the role
        "P6": {"A1": 3, "B1": 2, "B2": 3, "C1": 1},
        "P7": {"B1": 3},  # no role: only what was assessed
    }


def test_readiness_is_the_coverage_of_the_entry_gap(index: WorkforceIndex) -> None:
    p1 = readiness(index, "P1", threshold=SOON, role="3.4").roles[0]
    assert (p1.readiness, p1.level_steps, p1.required_steps, p1.status) == (0.4, 6, 10, "not_ready")
    p6 = readiness(index, "P6", threshold=SOON, role="3.4").roles[0]
    assert (p6.readiness, p6.level_steps, p6.status) == (0.8, 2, "ready_soon")
    p3 = readiness(index, "P3", threshold=SOON, role="3.2").roles[0]
    assert (p3.readiness, p3.level_steps) == (0.6667, 1)  # rounded as the gap's coverage
    p5 = readiness(index, "P5", threshold=SOON, role="2.3").roles[0]
    assert (p5.holds, p5.readiness, p5.status) == (True, 0.8, "ready_soon")  # own role, E2 short


def test_readiness_for_every_role_is_ranked(index: WorkforceIndex) -> None:
    answer = readiness(index, "P1", threshold=SOON)
    ranked = [(r.role.code, r.readiness, r.level_steps) for r in answer.roles]
    # 3.2 (held) and 4.1 ready now; then 3.4 0.4, 2.3 and 1.1 at 0 by fewer steps.
    assert ranked == [
        ("3.2", 1.0, 0),
        ("4.1", 1.0, 0),
        ("3.4", 0.4, 6),
        ("2.3", 0.0, 5),
        ("1.1", 0.0, 7),
    ]
    assert answer.role is not None and answer.role.code == "3.2" and answer.unit == "Alpha"


def test_an_unknown_person_or_role_is_an_error(index: WorkforceIndex) -> None:
    with pytest.raises(PersonNotFound):
        readiness(index, "P99", threshold=SOON)
    with pytest.raises(RoleNotFound):
        readiness(index, "P1", threshold=SOON, role="9.9")


def test_bench_strength_counts_holders_and_ready_non_holders(index: WorkforceIndex) -> None:
    board = {
        r.role.code: (r.holders, r.ready_now, r.ready_soon) for r in bench_board(index, SOON).roles
    }
    assert board == {
        "1.1": (1, 0, 0),
        "2.3": (1, 0, 0),
        "3.2": (3, 0, 0),  # P3 and P7 reach 0.6667 only
        "3.4": (1, 0, 1),  # P6 at 0.8
        "4.1": (1, 3, 0),  # every Programmer holds C1 e-1
    }
    technician = bench_strength(index, "4.1", threshold=SOON, limit=10)
    assert [(c.person, c.readiness, c.status) for c in technician.candidates] == [
        ("P1", 1.0, "ready_now"),
        ("P2", 1.0, "ready_now"),
        ("P6", 1.0, "ready_now"),
    ]
    assert technician.candidates_total == 3
    assert [c.person for c in bench_strength(index, "4.1", threshold=SOON, limit=2).candidates] == [
        "P1",
        "P2",
    ]


def test_a_lower_threshold_widens_the_bench(index: WorkforceIndex) -> None:
    wide = bench_strength(index, "3.2", threshold=0.5, limit=10)
    assert (wide.ready_now, wide.ready_soon) == (0, 2)
    assert [(c.person, c.readiness) for c in wide.candidates] == [("P3", 0.6667), ("P7", 0.6667)]


def test_heatmap_cells_and_their_suppression(index: WorkforceIndex) -> None:
    shown = heatmap(index, min_group_size=2)
    cells = {(c.unit, c.competence): (c.people, c.holding, c.share, c.reason) for c in shown.cells}
    small = "fewer than 2 people (the minimum group size)"
    assert cells == {
        ("Alpha", "A1"): (None, None, None, small),
        ("Alpha", "B1"): (3, 2, 0.6667, None),  # P2 holds B1 e-1 where 3.2 needs e-2
        ("Alpha", "B2"): (2, 2, 1.0, None),
        ("Alpha", "C1"): (3, 3, 1.0, None),
        ("Alpha", "E2"): (None, None, None, small),
        ("Beta", "B1"): (None, None, None, small),
        ("Beta", "C1"): (None, None, None, small),
    }
    assert (shown.suppressed, shown.left_out) == (4, 2)  # P7 has no role, P8 no unit
    assert shown.units == ["Alpha", "Beta"]
    assert [c.code for c in shown.competences] == ["A1", "B1", "B2", "C1", "E2"]
    default = heatmap(index, min_group_size=5)
    assert all(c.suppressed and c.people is None and c.share is None for c in default.cells)


def test_single_points_of_failure(index: WorkforceIndex) -> None:
    found = single_points_of_failure(index, min_group_size=2)
    points = {(p.unit, p.competence.code): (p.label, p.holders, p.needed_by) for p in found.points}
    assert points == {
        ("Alpha", "A1"): ("e-3", 1, 1),  # only P3
        ("Alpha", "E2"): ("e-3", 0, 1),  # P5 holds e-2 only
        ("Beta", "C1"): ("e-1", 1, 1),  # only P6; P7 holds B1, not C1
    }
    # B1 in Alpha needs e-4 (3.4's entry level): P1 and P3 hold it, so it is not one.
    assert found.suppressed_units == []
    strict = single_points_of_failure(index, min_group_size=3)
    assert [(u.unit, u.reason) for u in strict.suppressed_units] == [
        ("Beta", "fewer than 3 people (the minimum group size)")
    ]
    assert {p.unit for p in strict.points} == {"Alpha"}


def test_what_if_a_unit_is_raised(index: WorkforceIndex) -> None:
    answer = what_if(index, [WhatIfRaise(competence="E2", level=3, unit="Alpha")], threshold=SOON)
    (applied,) = answer.raises
    assert (applied.people, applied.raised, applied.label) == (5, 5, "e-3")
    changed = {
        c.role.code: (
            (c.before.ready_now, c.before.ready_soon),
            (c.after.ready_now, c.after.ready_soon),
        )
        for c in answer.roles
        if c.before != c.after
    }
    # P3 now holds E2 e-3: 2.3 is covered; 1.1 only lacks A1 e-4 (6/7).
    assert changed == {"1.1": ((0, 0), (0, 1)), "2.3": ((0, 0), (1, 0))}
    assert (answer.ready_now_added, answer.ready_soon_added) == (1, 1)


def test_what_if_targets_people_and_holders(index: WorkforceIndex) -> None:
    people = what_if(index, [WhatIfRaise(competence="B1", level=4, people=["P6"])], threshold=SOON)
    architect = next(c for c in people.roles if c.role.code == "3.4")
    assert (architect.before.ready_soon, architect.after.ready_now) == (1, 1)
    holders = what_if(index, [WhatIfRaise(competence="C1", level=1, role="4.1")], threshold=SOON)
    assert holders.raises[0].people == 1 and holders.raises[0].raised == 0  # P4 holds e-2
    assert holders.ready_now_added == holders.ready_soon_added == 0


def test_what_if_refuses_what_does_not_exist(index: WorkforceIndex) -> None:
    with pytest.raises(InvalidLevel):  # A1 has no e-1
        what_if(index, [WhatIfRaise(competence="A1", level=1, unit="Alpha")], threshold=SOON)
    with pytest.raises(UnitNotFound):
        what_if(index, [WhatIfRaise(competence="A1", level=3, unit="Gamma")], threshold=SOON)
    with pytest.raises(PersonNotFound):
        what_if(index, [WhatIfRaise(competence="A1", level=3, people=["P404"])], threshold=SOON)
    with pytest.raises(ValueError, match="exactly one target"):
        WhatIfRaise(competence="A1", level=3, unit="Alpha", role="3.2")


def test_best_single_raise(index: WorkforceIndex) -> None:
    architect = best_single_raise(index, "3.4", threshold=SOON)
    assert architect.candidates == 1 and architect.best is not None
    best = architect.best
    # B1 e-4 and e-5 both make P6 ready now; e-4 gives fewer level steps (2 against 3).
    assert (best.competence.code, best.label, best.ready_now_added, best.level_steps) == (
        "B1",
        "e-4",
        1,
        2,
    )
    technician = best_single_raise(index, "4.1", threshold=SOON)
    assert technician.best is None  # every candidate is ready now already
    assert technician.reason == "no single raise makes a candidate ready now"
    consultant = best_single_raise(index, "1.1", threshold=SOON)
    assert (consultant.candidates, consultant.best) == (0, None)
    assert consultant.reason == "no one outside the role is ready now or soon"


def shrunk() -> Dataset:
    """The tiny dataset after a catalogue change: E2 and three roles are gone."""
    return catalogue(
        competences=(
            competence("A1", [3, 4, 5]),
            competence("B1", [1, 2, 3, 4, 5]),
            competence("B2", [2, 3, 4]),
            competence("C1", [1, 2, 3]),
        ),
        roles=(
            role("3.2", "Programmer", {"B1": [2], "C1": [1]}),
            role("3.4", "Architect", {"A1": [3], "B1": [4], "B2": [3]}),
        ),
    )


def test_stale_people_after_the_catalogue_changes() -> None:
    found = {
        (s.person, s.role, tuple(s.competences)) for s in stale_people(tiny_workforce(), shrunk())
    }
    assert found == {("P4", "4.1", ()), ("P5", "2.3", ("E2",)), ("P8", "1.1", ())}
    index = WorkforceIndex.build(snapshot_of(shrunk()), tiny_workforce(), "v1")
    assert {s.person for s in index.stale} == {"P4", "P5", "P8"}
    assert readiness(index, "P5", threshold=SOON).holdings == {"B2": 3}  # E2 left out


def test_an_index_of_rows_in_any_competence_order_is_the_same(snapshot: Snapshot) -> None:
    """A store's rows list a person's assessments in any order (Neo4j's collect): the index
    and its stale people come out the same as from the validated people."""
    people = tiny_workforce().people
    shuffled = [
        row._replace(competences=row.competences[::-1], levels=row.levels[::-1])
        for row in person_rows(people)
    ]
    for served in (snapshot, snapshot_of(shrunk())):
        built = WorkforceIndex.build(served, tiny_workforce(), "v1")
        of_rows = WorkforceIndex.of_rows(served, shuffled, "v1")
        assert of_rows.ids == built.ids and of_rows.units == built.units
        assert (of_rows.holdings == built.holdings).all()
        assert (of_rows.role_of == built.role_of).all()
        assert (of_rows.unit_of == built.unit_of).all()
        assert of_rows.stale == built.stale


def test_stale_people_are_described_for_a_warning() -> None:
    found = [
        StalePerson(person="P4", role="4.1", competences=[]),
        StalePerson(person="P5", role=None, competences=["E2", "E3"]),
    ]
    assert describe(found, shown=1) == (
        "2 people hold a role or competences the dataset no longer has: P4 (role 4.1) and 1 more"
    )
    assert describe(found).endswith("P4 (role 4.1), P5 (competences E2, E3)")
