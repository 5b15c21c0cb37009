"""Paths, links, next moves and similarity on literal graphs, figures worked by hand."""

from __future__ import annotations

from itertools import pairwise

import pytest

from graph.algorithms.holdings import profile_holder, role_holder
from graph.algorithms.links import LinkPolicy, career_links
from graph.algorithms.moves import next_moves
from graph.algorithms.paths import DEFAULT_MAX_STEPS, DEFAULT_SLACK, default_max_steps, k_best_paths
from graph.algorithms.similarity import related_roles, weighted_jaccard
from graph.errors import NoPath
from graph.models import CareerLink
from graph.results import PathsAnswer
from graph.snapshot import Snapshot
from tests.factories import role, snapshot_of, tiny_dataset


def link(a: str, b: str, kind: str = "inferred") -> CareerLink:
    return CareerLink(source=a, target=b, kind=kind, coverage=0.5, level_steps=1, evidence="test")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def chain() -> Snapshot:
    """4.1 -> 3.2 -> 3.4 -> 2.3, plus a direct 3.2 -> 2.3 and a documented 4.1 -> 3.4."""
    links = [
        link("4.1", "3.2"),
        link("3.2", "3.4"),
        link("3.4", "2.3"),
        link("3.2", "2.3"),
        link("4.1", "3.4", "documented"),
    ]
    return snapshot_of(tiny_dataset(links=()), links)


def test_cumulative_cost_keeps_what_earlier_roles_taught(chain: Snapshot) -> None:
    answer = k_best_paths(chain, "3.2", "2.3", k=5)
    by_roles = {tuple(p.roles): p for p in answer.paths}
    direct = by_roles["3.2", "2.3"]
    # 3.2 (B1@2 C1@1) -> 2.3 (B2@2 E2@3): 2 + 3 = 5 steps.
    assert direct.cost == 5
    via = by_roles["3.2", "3.4", "2.3"]
    # -> 3.4: A1 3 + B1 2 + B2 3 = 8; then B2 is held at 3, only E2 3 remains: 3.
    assert [s.cost for s in via.steps] == [8, 3]
    assert via.cost == 11
    assert [p.roles for p in answer.paths] == [["3.2", "2.3"], ["3.2", "3.4", "2.3"]]


def test_steps_say_what_they_add(chain: Snapshot) -> None:
    step = k_best_paths(chain, "3.2", "3.4").paths[0].steps[0]
    gains = {(g.competence.code, g.before, g.after) for g in step.gains}
    assert gains == {("A1", 0, 3), ("B1", 2, 4), ("B2", 0, 3)}
    assert step.model_dump(mode="json")["gains"][0].keys() == {"competence", "from", "to"}


def test_only_documented_and_avoid(chain: Snapshot) -> None:
    documented = k_best_paths(chain, "4.1", "3.4", only_documented=True)
    assert [p.roles for p in documented.paths] == [["4.1", "3.4"]]
    assert documented.paths[0].steps[0].kind == "documented"
    with pytest.raises(NoPath, match="documented links only"):
        k_best_paths(chain, "4.1", "2.3", only_documented=True)
    avoiding = k_best_paths(chain, "3.2", "2.3", avoid=["3.4"], k=5)
    assert [p.roles for p in avoiding.paths] == [["3.2", "2.3"]]


def test_max_steps_bounds_the_moves(chain: Snapshot) -> None:
    with pytest.raises(NoPath, match="at most 1 moves; the shortest takes 2: raise max_steps"):
        k_best_paths(chain, "4.1", "2.3", max_steps=1)
    assert all(len(p.steps) <= 2 for p in k_best_paths(chain, "4.1", "2.3", max_steps=2).paths)


def test_equal_cost_and_moves_rank_by_role_codes_as_numbers() -> None:
    # 4.9 and 4.10 hold only C1@1, which 3.2 already holds: both detours cost what
    # the direct move costs (B2 2 + E2 3 = 5), so only the moves and the codes differ.
    technicians = [role(code, f"Technician {code}", {"C1": [1]}) for code in ("4.9", "4.10")]
    dataset = tiny_dataset(links=())
    dataset = dataset.model_copy(update={"roles": (*dataset.roles, *technicians)})
    links = [link("3.2", "2.3")]
    links += [link(a, b) for t in ("4.10", "4.9") for a, b in (("3.2", t), (t, "2.3"))]
    answer = k_best_paths(snapshot_of(dataset, links), "3.2", "2.3", k=3)
    assert [(p.roles, p.cost) for p in answer.paths] == [
        (["3.2", "2.3"], 5),
        (["3.2", "4.9", "2.3"], 5),
        (["3.2", "4.10", "2.3"], 5),
    ]


def test_default_bound_leaves_room_beyond_the_shortest() -> None:
    assert (DEFAULT_SLACK, DEFAULT_MAX_STEPS) == (2, 8)
    assert [default_max_steps(n) for n in range(1, 11)] == [3, 4, 5, 6, 7, 8, 8, 8, 9, 10]


@pytest.fixture(scope="module")
def line() -> Snapshot:
    """1.1 -> 1.2 -> ... -> 1.10, one move at a time, and a way round 1.1 -> 2.3 -> 1.2."""
    codes = [f"1.{n}" for n in range(1, 11)]
    roles = [role(c, f"Role {c}", {"C1": [1]}) for c in codes]
    roles.append(role("2.3", "Project Manager", {"E2": [3]}))
    dataset = tiny_dataset(links=()).model_copy(update={"roles": tuple(roles)})
    links = [link(a, b) for a, b in pairwise(codes)]
    links += [link("1.1", "2.3"), link("2.3", "1.2")]
    return snapshot_of(dataset, links)


def bound(answer: PathsAnswer) -> tuple[int, int, str]:
    return answer.fewest_moves, answer.max_steps, answer.max_steps_source


def test_default_bound_is_capped_but_never_below_the_shortest(line: Snapshot) -> None:
    assert bound(k_best_paths(line, "1.1", "1.3")) == (2, 4, "default")
    assert bound(k_best_paths(line, "1.1", "1.8")) == (7, 8, "default")
    farthest = k_best_paths(line, "1.1", "1.10")
    assert bound(farthest) == (9, 9, "default")
    assert [p.roles[1] for p in farthest.paths] == ["1.2"]  # the way round takes 10 moves
    assert bound(k_best_paths(line, "1.1", "1.10", max_steps=10)) == (9, 10, "given")
    assert len(k_best_paths(line, "1.1", "1.10", max_steps=10).paths) == 2


def test_no_path_backwards_and_same_role(chain: Snapshot) -> None:
    with pytest.raises(NoPath):
        k_best_paths(chain, "2.3", "4.1")
    with pytest.raises(NoPath, match="same role"):
        k_best_paths(chain, "3.2", "3.2")


def test_inferred_links_give_every_role_a_way_out_and_in() -> None:
    dataset = tiny_dataset()
    links = career_links(dataset, policy=LinkPolicy(top_k=1, threshold=1.0))
    sources = {link_.source for link_ in links}
    targets = {link_.target for link_ in links}
    codes = {r.code for r in dataset.roles}
    assert sources == codes and targets == codes
    documented = [link_ for link_ in links if link_.kind == "documented"]
    assert [(d.source, d.target) for d in documented] == [("3.2", "3.4")]
    assert '"3.2 may lead to 3.4"' in documented[0].evidence
    # 3.2 -> 3.4: coverage 0.2, 8 steps (see test_gap).
    assert (documented[0].coverage, documented[0].level_steps) == (0.2, 8)


def test_top_k_picks_the_most_reachable() -> None:
    links = career_links(tiny_dataset(links=()), policy=LinkPolicy(top_k=1, threshold=1.0))
    from_technician = [link_ for link_ in links if link_.source == "4.1"]
    # 4.1 holds C1@1: 3.2 (B1@2 C1@1) is covered 1/3, every other role 0.
    assert [(t.target, t.coverage) for t in from_technician] == [("3.2", pytest.approx(0.3333))]


def test_threshold_adds_every_role_above_it() -> None:
    links = career_links(tiny_dataset(links=()), policy=LinkPolicy(top_k=0, threshold=0.3))
    assert ("4.1", "3.2") in {(link_.source, link_.target) for link_ in links}


def test_next_moves_rank_stated_moves_then_by_relatedness(chain: Snapshot) -> None:
    moves = next_moves(chain, role_holder(chain, "4.1"), limit=4).moves
    # 4.1 -> 3.4 is stated: first. 3.2 shares C1 with 4.1 (relatedness above 0); 2.3 and
    # 1.1 share nothing, fewer level steps first: 2.3 needs 5, 1.1 needs 7.
    assert [m.role.code for m in moves] == ["3.4", "3.2", "2.3", "1.1"]
    assert [m.level_steps for m in moves] == [10, 2, 5, 7]
    assert moves[1].coverage == pytest.approx(0.3333)
    assert [m.documented for m in moves] == [True, False, False, False]
    assert all(not m.documented for m in next_moves(chain, profile_holder(chain, {"C1": 1})).moves)


def test_similarity_is_symmetric_and_one_for_equal_roles(chain: Snapshot) -> None:
    roles = chain.roles
    assert weighted_jaccard(roles["3.2"], roles["3.2"]) == 1.0
    # 3.2 B1@2 C1@1 vs 4.1 C1@1: min 1 / max 3
    assert weighted_jaccard(roles["3.2"], roles["4.1"]) == pytest.approx(0.3333)
    assert weighted_jaccard(roles["4.1"], roles["3.2"]) == weighted_jaccard(
        roles["3.2"], roles["4.1"]
    )
    assert related_roles(chain, "4.1", limit=1)[0].role.code == "3.2"
