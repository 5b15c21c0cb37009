"""Every library query that declares a Python twin gives the twin's answer on the seed.

The service answers from a Snapshot, analysts from cypher/library. Each library file
declares its twin in its header (`// Twin: ...`, graph/neo4j/library.py). This module
registers one comparison per query with a twin and runs it over the query's whole
domain on the real seed in a real Neo4j: every ordered role pair, every role, every
competence, every level, as the query's parameters dictate. A declared twin without a
registered comparison fails, so parity cannot be declared and forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise, permutations
from typing import Any

import networkx as nx
import pytest
from neo4j import Driver, Transaction

from app.routers.catalog import matching_roles as catalog_roles
from app.views import competence_sheet, role_sheet
from graph import search
from graph.algorithms.gap import gap
from graph.algorithms.holdings import from_role, role_holder
from graph.algorithms.links import career_links
from graph.algorithms.moves import next_moves
from graph.algorithms.similarity import related_roles
from graph.models import Dataset, LinkKind, natural_key
from graph.neo4j.library import LibraryQuery, library, library_params
from graph.neo4j.workforce import write_people
from graph.release import Release
from graph.results import Basis, GapReport
from graph.snapshot import Snapshot
from graph.tables import GAP_COLUMNS, gap_rows
from graph.workforce.bench import bench_board, bench_strength
from graph.workforce.heatmap import HEATMAP_COLUMNS, heatmap, heatmap_rows
from graph.workforce.index import WorkforceIndex
from graph.workforce.models import Workforce
from graph.workforce.readiness import readiness
from graph.workforce.spof import single_points_of_failure

pytestmark = pytest.mark.neo4j

BASES: tuple[Basis, ...] = ("entry", "mastery")
ALL_KINDS: list[LinkKind] = ["documented", "inferred"]
KIND_CHOICES: tuple[list[LinkKind], ...] = (ALL_KINDS, ["documented"])
MAX_MOVES = range(1, 11)  # reachable_within documents 1..10
SHOWN = 3  # mismatches printed when a comparison fails


@dataclass
class Python:
    """The Python side, shared by every comparison of the module: gap reports are costly."""

    snapshot: Snapshot
    workforce: Workforce  # tests/neo4j/conftest.py's generated workforce
    reports: dict[tuple[str, str, Basis], GapReport] = field(default_factory=dict)

    @cached_property
    def people(self) -> WorkforceIndex:
        return WorkforceIndex.build(self.snapshot, self.workforce, "parity")

    @property
    def role_codes(self) -> list[str]:
        return sorted(self.snapshot.roles, key=natural_key)

    @property
    def competence_codes(self) -> list[str]:
        return sorted(self.snapshot.competences, key=natural_key)

    def role_pairs(self) -> Iterator[tuple[str, str]]:
        return permutations(self.role_codes, 2)

    def gap(self, source: str, target: str, basis: Basis = "entry") -> GapReport:
        key = (source, target, basis)
        if key not in self.reports:
            holder = role_holder(self.snapshot, source)
            self.reports[key] = gap(self.snapshot, holder, target, basis=basis)
        return self.reports[key]

    def career(self, kinds: Sequence[LinkKind]) -> nx.DiGraph:
        """The career graph over links of `kinds` only."""
        graph = self.snapshot.career
        return nx.subgraph_view(graph, filter_edge=lambda a, b: graph[a][b]["kind"] in kinds)

    def fewest_moves(
        self, kinds: Sequence[LinkKind], source: str, target: str, shown: list[str]
    ) -> dict[str, Any]:
        """The route row of a fewest-moves path over links of `kinds`: the route Neo4j
        `shown` when it is one (any path of that length is right), else networkx's."""
        career = self.career(kinds)
        fewest = nx.shortest_path_length(career, source, target)
        row = self._route_row(shown, kinds)
        if row is None or row["moves"] != fewest or (shown[0], shown[-1]) != (source, target):
            row = self._route_row(nx.shortest_path(career, source, target), kinds)
        assert row is not None
        return row

    def _route_row(self, route: list[str], kinds: Sequence[LinkKind]) -> dict[str, Any] | None:
        """roles, titles, moves, kinds, level_steps of `route`; None unless it follows links."""
        links = [self.snapshot.link(a, b) for a, b in pairwise(route)]
        valid = [link for link in links if link is not None and link.kind in kinds]
        if not route or len(valid) != len(links):
            return None
        return {
            "roles": route,
            "titles": [self.snapshot.roles[code].title for code in route],
            "moves": len(valid),
            "kinds": [link.kind for link in valid],
            "level_steps": sum(link.level_steps for link in valid),
        }


@dataclass
class Parity:
    """One library query run against its twin: how many cases, which ones differ."""

    query: LibraryQuery
    tx: Transaction
    python: Python
    cases: int = 0
    mismatches: list[tuple[Any, Any, Any]] = field(default_factory=list)

    def run(self, **params: Any) -> list[dict[str, Any]]:
        """The library query's rows for `params` (documented parameters only; others null)."""
        chosen = library_params(self.query, params, default_dataset=self.python.snapshot.id)
        result = self.tx.run(self.query.query, chosen)
        assert result.keys() == self.query.columns, "the query returns other columns than it says"
        return [record.data() for record in result]

    def rows(self, **params: Any) -> list[tuple[Any, ...]]:
        return [tuple(row.values()) for row in self.run(**params)]

    def expect(self, case: Any, got: Any, expected: Any) -> None:
        self.cases += 1
        if got != expected:
            self.mismatches.append((case, got, expected))


Comparison = Callable[[Parity], None]
COMPARISONS: dict[str, Comparison] = {}


def compares(name: str) -> Callable[[Comparison], Comparison]:
    """Register the comparison of library query `name` with its declared twin."""

    def register(comparison: Comparison) -> Comparison:
        assert name not in COMPARISONS, f"two comparisons for {name}"
        COMPARISONS[name] = comparison
        return comparison

    return register


# --- the gap: graph.algorithms.gap.gap -----------------------------------------------------


@compares("gap")
def gap_equals_the_reports_items(parity: Parity) -> None:
    assert parity.query.columns == list(GAP_COLUMNS), "gap.cypher and graph/tables.py differ"
    for source, target in parity.python.role_pairs():
        for basis in BASES:
            report = parity.python.gap(source, target, basis)
            got = parity.rows(source=source, target=target, basis=basis)
            parity.expect((source, target, basis), got, gap_rows(report))


@compares("transferable")
def transferable_equals_the_reports_transferable(parity: Parity) -> None:
    for source, target in parity.python.role_pairs():
        expected = [
            (c.code, c.title, c.area, parity.python.snapshot.areas[c.area].name, t.have)
            for t in parity.python.gap(source, target).transferable
            for c in [t.competence]
        ]
        parity.expect((source, target), parity.rows(source=source, target=target), expected)


@compares("learning_plan")
def learning_plan_equals_the_reports_learn_lists(parity: Parity) -> None:
    for source, target in parity.python.role_pairs():
        for basis in BASES:
            expected = [
                (
                    item.competence.code,
                    item.competence.title,
                    item.have,
                    item.need,
                    [f"e-{level.level}: {level.descriptor}" for level in item.learn.levels],
                    [k.text for k in item.learn.knowledge],
                    [s.text for s in item.learn.skills],
                )
                for item in parity.python.gap(source, target, basis).items
                if item.status != "met"
            ]
            got = parity.rows(source=source, target=target, basis=basis)
            parity.expect((source, target, basis), got, expected)


# --- moves and similarity ------------------------------------------------------------------


@compares("next_moves")
def next_moves_equals_the_services_default_next_moves(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    everyone = len(snapshot.roles) - 1
    for source in parity.python.role_codes:
        answer = next_moves(snapshot, role_holder(snapshot, source), limit=everyone)
        expected = [
            (
                move.role.code,
                move.role.title,
                move.relatedness,
                move.direction,
                move.coverage,
                move.level_steps,
                move.documented,
            )
            for move in answer.moves
        ]
        parity.expect(source, parity.rows(source=source, limit=everyone), expected)


@compares("similar_roles")
def similar_roles_equals_the_related_roles(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    everyone = len(snapshot.roles) - 1
    for code in parity.python.role_codes:
        mine = from_role(snapshot.roles[code]).keys()
        expected = [
            (
                related.role.code,
                related.role.title,
                related.similarity,
                len(mine & from_role(snapshot.roles[related.role.code]).keys()),
            )
            for related in related_roles(snapshot, code, limit=everyone)
        ]
        parity.expect(code, parity.rows(role=code, limit=everyone), expected)


# --- career links and moves over them --------------------------------------------------------


@compares("career_links")
def career_links_equal_the_served_links(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    links = career_links(snapshot.dataset)
    assert tuple(links) == snapshot.links
    for source in [None, *parity.python.role_codes]:
        for kind in (None, "documented", "inferred"):
            expected = [
                (
                    link.source,
                    snapshot.roles[link.source].title,
                    link.target,
                    snapshot.roles[link.target].title,
                    link.kind,
                    link.coverage,
                    link.level_steps,
                    link.evidence,
                )
                for link in links
                if source in (None, link.source) and kind in (None, link.kind)
            ]
            parity.expect((source, kind), parity.rows(source=source, kind=kind), expected)


@compares("shortest_moves")
def shortest_moves_take_the_fewest_moves(parity: Parity) -> None:
    python = parity.python
    for kinds in KIND_CHOICES:
        career = python.career(kinds)
        for source, target in python.role_pairs():
            got = parity.run(source=source, target=target, kinds=kinds)
            expected = []
            if nx.has_path(career, source, target):
                shown = got[0]["roles"] if got else []
                expected = [python.fewest_moves(kinds, source, target, shown)]
            parity.expect((source, target, kinds), got, expected)


@compares("reachable_within")
def reachable_within_takes_the_fewest_moves(parity: Parity) -> None:
    python = parity.python
    career = python.career(ALL_KINDS)
    for source in python.role_codes:
        for most in MAX_MOVES:
            got = parity.run(source=source, max_moves=most)
            shown = {row["code"]: row["route"] for row in got}
            reached = nx.single_source_shortest_path_length(career, source, cutoff=most)
            del reached[source]
            expected = []
            for code in sorted(reached, key=lambda c: (reached[c], natural_key(c))):
                route = python.fewest_moves(ALL_KINDS, source, code, shown.get(code, []))
                title = python.snapshot.roles[code].title
                moves = reached[code]
                expected.append(
                    {"code": code, "title": title, "moves": moves, "route": route["roles"]}
                )
            parity.expect((source, most), got, expected)


# --- the catalogue: role sheets, role search, competence sheets -----------------------------


@compares("role_profile")
def role_profile_equals_the_role_sheet(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    for code in parity.python.role_codes:
        sheet = role_sheet(snapshot, snapshot.roles[code])
        expected = [
            (
                sheet.code,
                sheet.title,
                sheet.family.name,
                required.code,
                required.title,
                required.area,
                snapshot.areas[required.area].name,
                required.level,
                required.level_max,
                required.levels,
                snapshot.competences[required.code].descriptor(required.level),
            )
            for required in sheet.competences
        ]
        parity.expect(code, parity.rows(role=code), expected)


def search_texts(dataset: Dataset) -> list[str | None]:
    """What people type: every name and word of the roles, in other cases, with accents,
    as word stems, with odd white space; and text that matches nothing."""
    names = [n for r in dataset.roles for n in (r.title, *r.alt_titles, r.code)]
    words = sorted({w for n in names for w in n.split()})
    accented = str.maketrans("eaoicu", "éàôïçü")
    texts: list[str | None] = [*names, *words]
    texts += [w.upper() for w in words] + [w.translate(accented) for w in words]
    texts += [w[:6] + "ing" for w in words if len(w) >= 6]
    texts += [" ".join(reversed(r.title.split())) for r in dataset.roles]
    texts += ["head\tof", "Head\u00a0of  OPERATIONS", "  programmer  ", "DÉVELOPPEUR", "zzz", ""]
    return [*dict.fromkeys(texts), None]


@compares("role_search")
def role_search_equals_the_word_matches(parity: Parity) -> None:
    """The word tiers of the roles query (graph.search.match_rank), in the roles' order;
    the service adds exact names, acronyms, typos and closeness on top (Python only)."""
    snapshot = parity.python.snapshot
    roles = sorted(snapshot.dataset.roles, key=lambda r: natural_key(r.code))
    for text in search_texts(snapshot.dataset):
        expected = []
        for role in roles:
            rank = search.match_rank(text, role.title, [*role.alt_titles, role.code]) if text else 0
            if rank is not None:
                expected.append((rank, role.code, role.title))
        expected.sort(key=lambda row: row[0])  # stable: the roles' order within a rank
        rows = [(code, title, rank) for rank, code, title in expected]
        parity.expect(text, parity.rows(text=text), rows)


@compares("roles_requiring")
def roles_requiring_equals_the_roles_query(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    for competence in parity.python.competence_codes:
        for least in (None, 1, 2, 3, 4, 5):
            expected = []
            for summary in catalog_roles(snapshot, competence=competence, min_level=least):
                requirement = snapshot.roles[summary.code].requirement(competence)
                assert requirement is not None
                expected.append(
                    (
                        summary.code,
                        summary.title,
                        summary.family.name,
                        requirement.level,
                        requirement.level_max,
                        list(requirement.levels),
                    )
                )
            got = parity.rows(competence=competence, min_level=least)
            parity.expect((competence, least), got, expected)


@compares("competence_levels")
def competence_levels_equal_the_competence_sheet(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    for code in parity.python.competence_codes:
        sheet = competence_sheet(snapshot, snapshot.competences[code])
        expected = [(code, sheet.title, d.level, d.eqf, d.descriptor) for d in sheet.levels]
        parity.expect(code, parity.rows(competence=code), expected)


@compares("unused_competences")
def unused_competences_are_those_no_sheet_requires(parity: Parity) -> None:
    snapshot = parity.python.snapshot
    sheets = [competence_sheet(snapshot, snapshot.competences[c]) for c in snapshot.competences]
    expected = [
        (sheet.code, sheet.title, sheet.area, sheet.area_name)
        for sheet in sorted(sheets, key=lambda s: natural_key(s.code))
        if not sheet.roles
    ]
    parity.expect("all", parity.rows(), expected)


# --- the workforce: graph.workforce -------------------------------------------------------
# These queries read people: each comparison writes the generated workforce into its own
# transaction, which the test rolls back.

THRESHOLDS = (None, 0.5, 0.95)  # None: the query's default, 0.8
GROUP_SIZES = (None, 1, 3, 10, 50, 100)  # None: the query's default, 5


def people_written(parity: Parity) -> WorkforceIndex:
    write_people(parity.tx, parity.python.workforce)
    return parity.python.people


@compares("workforce_readiness")
def workforce_readiness_equals_the_readiness_answer(parity: Parity) -> None:
    index = people_written(parity)
    for person in index.ids[::3]:  # a hundred people, every kind of holder among them
        for role in (None, "3.4"):
            answer = readiness(index, person, threshold=0.8, role=role)
            expected = [
                (
                    person,
                    r.role.code,
                    r.role.title,
                    r.holds,
                    r.readiness,
                    r.level_steps,
                    r.required_steps,
                )
                for r in answer.roles
            ]
            parity.expect((person, role), parity.rows(person=person, role=role), expected)


@compares("workforce_bench")
def workforce_bench_equals_the_bench_board(parity: Parity) -> None:
    index = people_written(parity)
    for threshold in THRESHOLDS:
        board = bench_board(index, 0.8 if threshold is None else threshold)
        expected = [
            (r.role.code, r.role.title, r.holders, r.ready_now, r.ready_soon) for r in board.roles
        ]
        parity.expect(threshold, parity.rows(role=None, threshold=threshold), expected)
        if threshold is None:
            for row in expected[::4]:
                got = parity.rows(role=row[0], threshold=threshold)
                parity.expect((row[0], threshold), got, [row])


@compares("workforce_candidates")
def workforce_candidates_equal_the_bench_candidates(parity: Parity) -> None:
    index = people_written(parity)
    for role in index.roles:
        for threshold in (0.8, 0.5):
            answer = bench_strength(index, role, threshold=threshold, limit=index.size)
            expected = [
                (c.person, c.unit, c.role.code if c.role else None, c.readiness, c.level_steps)
                for c in answer.candidates
            ]
            got = parity.rows(role=role, threshold=threshold, limit=index.size)
            parity.expect((role, threshold), got, expected)


@compares("workforce_heatmap")
def workforce_heatmap_equals_the_heatmap_rows(parity: Parity) -> None:
    assert parity.query.columns == list(HEATMAP_COLUMNS), "the query and heatmap_rows differ"
    index = people_written(parity)
    titles = {code: c.title for code, c in parity.python.snapshot.competences.items()}
    for size in GROUP_SIZES:
        answer = heatmap(index, min_group_size=5 if size is None else size)
        parity.expect(size, parity.rows(min_group_size=size), heatmap_rows(answer, titles))


@compares("workforce_single_points")
def workforce_single_points_equal_the_python_answer(parity: Parity) -> None:
    index = people_written(parity)
    for size in GROUP_SIZES:
        answer = single_points_of_failure(index, min_group_size=5 if size is None else size)
        withheld = {u.unit: u.reason for u in answer.suppressed_units}
        expected = [
            (unit, True, withheld[unit], None, None, None, None, None)
            if unit in withheld
            else (
                unit,
                False,
                None,
                p.competence.code,
                p.competence.title,
                p.level,
                p.holders,
                p.needed_by,
            )
            for unit in index.units
            for p in ([None] if unit in withheld else [p for p in answer.points if p.unit == unit])
        ]
        parity.expect(size, parity.rows(min_group_size=size), expected)


# --- the tests ------------------------------------------------------------------------------

TWINS = sorted(name for name, query in library().items() if query.twin)


@pytest.fixture(scope="module")
def python(seed_release: Release, generated_workforce: Workforce) -> Python:
    return Python(Snapshot.build(seed_release), generated_workforce)


def test_comparisons_are_registered_for_exactly_the_declared_twins() -> None:
    assert sorted(set(TWINS) - set(COMPARISONS)) == [], "declared twins nothing compares"
    assert sorted(set(COMPARISONS) - set(TWINS)) == [], "comparisons of queries with no twin"


@pytest.mark.parametrize("name", TWINS)
def test_the_library_query_gives_its_twins_answer(
    seeded_neo4j: Driver, neo4j_database: str, python: Python, name: str
) -> None:
    query = library()[name]
    comparison = COMPARISONS.get(name)
    if comparison is None:
        pytest.fail(f"{name} declares twin {query.twin} but test_parity.py compares nothing")
    with (
        seeded_neo4j.session(database=neo4j_database) as session,
        session.begin_transaction() as tx,
    ):
        parity = Parity(query, tx, python)
        comparison(parity)
        tx.rollback()  # the workforce comparisons wrote their people into it
    print(f"{name} = {query.twin}: {parity.cases} cases, {len(parity.mismatches)} differ")
    assert parity.cases > 0
    assert parity.mismatches == [], _shown(parity.mismatches)


def _shown(mismatches: list[tuple[Any, Any, Any]]) -> str:
    lines = [f"{len(mismatches)} cases differ; the first {SHOWN}:"]
    for case, got, expected in mismatches[:SHOWN]:
        lines += [f"  {case!r}", f"    cypher: {got!r}", f"    python: {expected!r}"]
    return "\n".join(lines)
