"""Gap on a literal dataset, every figure worked out by hand in the comments."""

from __future__ import annotations

import pytest

from graph.algorithms.gap import gap
from graph.algorithms.holdings import profile_holder, role_holder
from graph.errors import CompetenceNotFound, InvalidLevel, InvalidProfile, RoleNotFound
from graph.snapshot import Snapshot
from tests.factories import snapshot_of, tiny_dataset


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return snapshot_of(tiny_dataset())


def test_programmer_to_architect_item_by_item(snapshot: Snapshot) -> None:
    # 3.2 holds B1@2 C1@1; 3.4 needs A1@3 B1@4 B2@3.
    report = gap(snapshot, role_holder(snapshot, "3.2"), "3.4")
    rows = [(i.competence.code, i.have, i.need, i.delta, i.status) for i in report.items]
    assert rows == [
        ("A1", 0, 3, 3, "missing"),
        ("B1", 2, 4, 2, "raise"),
        ("B2", 0, 3, 3, "missing"),
    ]
    # level_steps 3+2+3 = 8 of required 3+4+3 = 10: coverage 0.2
    assert report.summary.level_steps == 8
    assert report.summary.required_steps == 10
    assert report.summary.coverage == pytest.approx(0.2)
    assert (report.summary.missing, report.summary.raise_, report.summary.met) == (2, 1, 0)
    assert [t.competence.code for t in report.transferable] == ["C1"]


def test_learn_lists_only_applicable_levels_between_have_and_need(snapshot: Snapshot) -> None:
    report = gap(snapshot, role_holder(snapshot, "3.2"), "3.4")
    by_code = {i.competence.code: i for i in report.items}
    # A1 has no e-1/e-2: from 0 to 3 there is one descriptor to learn.
    assert [level.level for level in by_code["A1"].learn.levels] == [3]
    assert [level.level for level in by_code["B1"].learn.levels] == [3, 4]
    assert by_code["B1"].learn.levels[0].eqf == "6"
    assert [k.key for k in by_code["B1"].learn.knowledge] == ["B1.K1"]


def test_met_items_have_nothing_to_learn(snapshot: Snapshot) -> None:
    report = gap(snapshot, role_holder(snapshot, "3.4"), "3.2")
    b1 = next(i for i in report.items if i.competence.code == "B1")
    assert b1.status == "met"
    assert b1.learn.levels == [] and b1.learn.knowledge == []


def test_mastery_basis_uses_the_high_end(snapshot: Snapshot) -> None:
    # 2.3 needs B2 at e-2, e-3 and e-4: entry 2, mastery 4.
    holder = role_holder(snapshot, "3.4")  # B2@3
    entry = gap(snapshot, holder, "2.3", basis="entry")
    mastery = gap(snapshot, holder, "2.3", basis="mastery")
    b2_entry = next(i for i in entry.items if i.competence.code == "B2")
    b2_mastery = next(i for i in mastery.items if i.competence.code == "B2")
    assert (b2_entry.need, b2_entry.status) == (2, "met")
    assert (b2_mastery.need, b2_mastery.delta, b2_mastery.status) == (4, 1, "raise")


def test_profile_gap_and_level_zero_is_not_held(snapshot: Snapshot) -> None:
    holder = profile_holder(snapshot, {"b1": 4, "A1": 3, "C1": 0})
    report = gap(snapshot, holder, "3.4")
    assert holder.holdings == {"B1": 4, "A1": 3}
    assert report.summary.level_steps == 3  # only B2 missing at e-3
    assert report.from_.kind == "profile"


def test_inapplicable_level_names_the_valid_ones(snapshot: Snapshot) -> None:
    with pytest.raises(InvalidLevel, match=r"A1 has no level e-1.*e-3, e-4, e-5"):
        profile_holder(snapshot, {"A1": 1})


def test_unknown_competence_and_empty_profile(snapshot: Snapshot) -> None:
    with pytest.raises(CompetenceNotFound) as caught:
        profile_holder(snapshot, {"B9": 2})
    assert caught.value.suggestions
    with pytest.raises(InvalidProfile):
        profile_holder(snapshot, {"B1": 0})


def test_unknown_role_suggests_by_code_and_title(snapshot: Snapshot) -> None:
    with pytest.raises(RoleNotFound) as by_code:
        gap(snapshot, role_holder(snapshot, "3.2"), "3.5")
    assert "3.4" in [s.code for s in by_code.value.suggestions]
    with pytest.raises(RoleNotFound) as by_title:
        role_holder(snapshot, "developer")
    assert by_title.value.suggestions[0].code == "3.2"


def test_json_uses_the_contract_names(snapshot: Snapshot) -> None:
    document = gap(snapshot, role_holder(snapshot, "3.2"), "3.4").model_dump(mode="json")
    assert {"from", "to", "basis", "dataset_version", "items", "transferable", "summary"} <= set(
        document
    )
    assert set(document["summary"]) == {
        "level_steps",
        "required_steps",
        "coverage",
        "missing",
        "raise",
        "met",
    }
    assert set(document["items"][0]) == {"competence", "have", "need", "delta", "status", "learn"}
