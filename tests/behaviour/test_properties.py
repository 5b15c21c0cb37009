"""Properties of the algorithms that must hold for every role, pair and profile."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.algorithms.gap import gap
from graph.algorithms.holdings import profile_holder, role_holder
from graph.algorithms.links import DEFAULT_POLICY, release
from graph.algorithms.paths import k_best_paths
from graph.datafiles import read_dataset
from graph.errors import NoPath
from graph.models import Dataset
from graph.snapshot import Snapshot
from seed import DATA_DIR

# Strategies need the data before any fixture runs; the store-specific suite
# re-checks the same dataset version through the `snapshot` fixture.
DATA: Dataset = read_dataset(DATA_DIR)
ROLE_CODES = sorted(r.code for r in DATA.roles)
roles = st.sampled_from(ROLE_CODES)
bases = st.sampled_from(["entry", "mastery"])


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, int]:
    chosen = draw(st.lists(st.sampled_from(DATA.competences), min_size=1, max_size=12, unique=True))
    return {c.code: draw(st.sampled_from(c.applicable_levels)) for c in chosen}


checks = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_fixture_serves_the_seed(snapshot: Snapshot) -> None:
    assert snapshot.dataset == DATA
    assert snapshot.version == release(DATA).version


@checks
@given(code=roles)
def test_gap_to_itself_is_zero_at_entry(snapshot: Snapshot, code: str) -> None:
    report = gap(snapshot, role_holder(snapshot, code), code, basis="entry")
    assert report.summary.level_steps == 0
    assert report.summary.coverage == 1
    assert report.summary.met == len(report.items)


@checks
@given(source=roles, target=roles, basis=bases)
def test_summary_adds_up(snapshot: Snapshot, source: str, target: str, basis: str) -> None:
    report = gap(snapshot, role_holder(snapshot, source), target, basis=basis)  # type: ignore[arg-type]
    summary = report.summary
    assert 0 <= summary.coverage <= 1
    assert summary.level_steps == sum(i.delta for i in report.items)
    assert summary.required_steps == sum(i.need for i in report.items)
    assert summary.missing + summary.raise_ + summary.met == len(report.items)
    for item in report.items:
        assert item.delta == max(0, item.need - item.have)
        assert all(item.have < lv.level <= item.need for lv in item.learn.levels)


@checks
@given(profile=profiles(), target=roles)
def test_profile_gap_is_consistent(
    snapshot: Snapshot, profile: dict[str, int], target: str
) -> None:
    report = gap(snapshot, profile_holder(snapshot, profile), target)
    required = {i.competence.code for i in report.items}
    assert {t.competence.code for t in report.transferable} == set(profile) - required
    assert all(i.have == profile.get(i.competence.code, 0) for i in report.items)


def test_a_master_of_everything_meets_every_role(snapshot: Snapshot) -> None:
    master = profile_holder(snapshot, {c.code: max(c.applicable_levels) for c in DATA.competences})
    for code in ROLE_CODES:
        for basis in ("entry", "mastery"):
            assert gap(snapshot, master, code, basis=basis).summary.level_steps == 0  # type: ignore[arg-type]


@checks
@given(source=roles, target=roles)
def test_paths_start_end_and_follow_links(snapshot: Snapshot, source: str, target: str) -> None:
    if source == target:
        return
    try:
        answer = k_best_paths(snapshot, source, target, k=3, max_steps=4)
    except NoPath:
        return
    costs = [p.cost for p in answer.paths]
    assert costs == sorted(costs)
    for path in answer.paths:
        assert path.roles[0] == source and path.roles[-1] == target
        assert len(set(path.roles)) == len(path.roles) and len(path.steps) <= 4
        assert all(snapshot.career.has_edge(s.from_, s.to) for s in path.steps)
        assert path.cost == sum(s.cost for s in path.steps)


def test_without_max_steps_a_far_role_still_answers(snapshot: Snapshot) -> None:
    # 7.5 -> 3.5 needs 6 moves over career links, more than 4.
    answer = k_best_paths(snapshot, "7.5", "3.5")
    assert (answer.fewest_moves, answer.max_steps_source) == (6, "default")
    assert answer.paths and all(len(p.steps) <= answer.max_steps for p in answer.paths)
    with pytest.raises(NoPath, match="the shortest takes 6"):
        k_best_paths(snapshot, "7.5", "3.5", max_steps=4)


def test_one_step_path_costs_the_gap(snapshot: Snapshot) -> None:
    """A link within reach is a one-move path costing the gap; one out of reach is none."""
    for link in snapshot.links:
        expected = gap(snapshot, role_holder(snapshot, link.source), link.target)
        assert expected.summary.level_steps == link.level_steps
        if expected.summary.coverage < DEFAULT_POLICY.threshold:
            with pytest.raises(NoPath, match="within-reach"):
                k_best_paths(snapshot, link.source, link.target, k=1, max_steps=1)
            continue
        answer = k_best_paths(snapshot, link.source, link.target, k=1, max_steps=1)
        assert answer.paths[0].roles == [link.source, link.target]
        assert answer.paths[0].cost == link.level_steps


def test_every_role_has_a_way_in_and_out(snapshot: Snapshot) -> None:
    for code in ROLE_CODES:
        assert snapshot.career.out_degree(code) >= 1, code
        assert snapshot.career.in_degree(code) >= 1, code


def test_documented_links_keep_their_quote(snapshot: Snapshot) -> None:
    documented = [link for link in snapshot.links if link.kind == "documented"]
    assert len(documented) == len(DATA.links) > 0
    for link in documented:
        stated = next(d for d in DATA.links if (d.source, d.target) == (link.source, link.target))
        assert stated.evidence.quote in link.evidence
