"""Answers on the real seed, checked by hand against the source document.

How: read the role sheets in seed/source/cigref_2011_en.txt (3.2 Programmer,
lines 1288-1371; 3.4 Applications Architect, lines 1446-1516), list each
competence and level, and work out have/need/delta per competence.
"""

from __future__ import annotations

import pytest

from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.snapshot import Snapshot


def rows(snapshot: Snapshot, source: str, target: str, basis: str = "entry") -> list[tuple]:
    report = gap(snapshot, role_holder(snapshot, source), target, basis=basis)  # type: ignore[arg-type]
    return [(i.competence.code, i.have, i.need, i.delta, i.status) for i in report.items]


def test_programmer_to_applications_architect(snapshot: Snapshot) -> None:
    # 3.2: A6@1 A8@3 B1@2(,3,4) B2@2 B3@2 B4@2 B5@2.  3.4: A5@3 A6@1 B2@4 B3@2 B4@1 B5@2.
    assert rows(snapshot, "3.2", "3.4") == [
        ("A5", 0, 3, 3, "missing"),
        ("A6", 1, 1, 0, "met"),
        ("B2", 2, 4, 2, "raise"),
        ("B3", 2, 2, 0, "met"),
        ("B4", 2, 1, 0, "met"),
        ("B5", 2, 2, 0, "met"),
    ]
    report = gap(snapshot, role_holder(snapshot, "3.2"), "3.4")
    # 5 steps of 3+1+4+2+1+2 = 13: coverage 1 - 5/13
    assert report.summary.level_steps == 5
    assert report.summary.required_steps == 13
    assert report.summary.coverage == pytest.approx(1 - 5 / 13, abs=1e-4)
    assert [(t.competence.code, t.have) for t in report.transferable] == [("A8", 3), ("B1", 2)]


def test_mastery_reads_the_programmer_range(snapshot: Snapshot) -> None:
    # 3.2 states B1 at "Level 2 / And Level 3 / And Level 4": entry 2, mastery 4.
    entry = gap(snapshot, role_holder(snapshot, "3.4"), "3.2", basis="entry").summary
    mastery = gap(snapshot, role_holder(snapshot, "3.4"), "3.2", basis="mastery").summary
    # entry: A8 3 + B1 2 + B4 1 = 6 of 1+3+2+2+2+2+2 = 14; mastery: B1 needs 4: 8 of 16
    assert (entry.level_steps, entry.required_steps) == (6, 14)
    assert (mastery.level_steps, mastery.required_steps) == (8, 16)


def test_learning_a5_from_scratch_lists_level_three_only(snapshot: Snapshot) -> None:
    # e-CF A5 Architecture Design is not applicable at e-1 and e-2.
    report = gap(snapshot, role_holder(snapshot, "3.2"), "3.4")
    a5 = report.items[0]
    assert [level.level for level in a5.learn.levels] == [3]
    assert a5.learn.knowledge and a5.learn.skills


def test_dataset_counts(snapshot: Snapshot) -> None:
    assert len(snapshot.roles) == 33
    assert len(snapshot.competences) == 36
    assert len(snapshot.families) == 7
