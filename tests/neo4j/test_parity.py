"""The Cypher library and the Python algorithms give the same answers on the seed.

DESIGN.md: the service answers from a Snapshot, analysts from cypher/library; a
parity test holds the two equal on every role pair.
"""

from __future__ import annotations

from itertools import permutations

import pytest
from neo4j import Driver

from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.algorithms.moves import next_moves
from graph.cypher import load_query
from graph.release import Release
from graph.results import Basis
from graph.snapshot import Snapshot

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def snapshot(seed_release: Release) -> Snapshot:
    return Snapshot.build(seed_release)


@pytest.mark.parametrize("basis", ["entry", "mastery"])
def test_gap_cypher_equals_the_python_gap_on_every_pair(
    seeded_neo4j: Driver, neo4j_database: str, snapshot: Snapshot, basis: Basis
) -> None:
    query = load_query("library/gap")
    mismatches = []
    with seeded_neo4j.session(database=neo4j_database) as session:
        for source, target in permutations(snapshot.roles, 2):
            rows = [r.data() for r in session.run(query, source=source, target=target, basis=basis)]
            report = gap(snapshot, role_holder(snapshot, source), target, basis=basis)
            expected = [
                {
                    "competence": i.competence.code,
                    "title": i.competence.title,
                    "area": i.competence.area,
                    "have": i.have,
                    "need": i.need,
                    "delta": i.delta,
                    "status": i.status,
                }
                for i in report.items
            ]
            if rows != expected:
                mismatches.append((source, target, rows, expected))
    assert len(snapshot.roles) == 33
    assert mismatches == []


def test_transferable_cypher_equals_the_python_gap_on_every_pair(
    seeded_neo4j: Driver, neo4j_database: str, snapshot: Snapshot
) -> None:
    query = load_query("library/transferable")
    mismatches = []
    with seeded_neo4j.session(database=neo4j_database) as session:
        for source, target in permutations(snapshot.roles, 2):
            rows = [
                (r["competence"], r["have"])
                for r in session.run(query, source=source, target=target)
            ]
            report = gap(snapshot, role_holder(snapshot, source), target)
            expected = [(t.competence.code, t.have) for t in report.transferable]
            if rows != expected:
                mismatches.append((source, target, rows, expected))
    assert mismatches == []


def test_next_moves_cypher_equals_the_python_ranking_from_every_role(
    seeded_neo4j: Driver, neo4j_database: str, snapshot: Snapshot
) -> None:
    query = load_query("library/next_moves")
    everyone = len(snapshot.roles) - 1
    mismatches = []
    with seeded_neo4j.session(database=neo4j_database) as session:
        for source in snapshot.roles:
            rows = [
                (r["code"], r["coverage"], r["level_steps"], r["documented"])
                for r in session.run(query, source=source, limit=everyone)
            ]
            answer = next_moves(snapshot, role_holder(snapshot, source), limit=everyone)
            expected = [
                (m.role.code, m.coverage, m.level_steps, m.documented) for m in answer.moves
            ]
            if rows != expected:
                mismatches.append((source, rows, expected))
    assert mismatches == []
