"""Neo4jStore: reads back exactly the release that was loaded, or says why it cannot."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.errors import DatasetNotFound, StoreUnavailable
from graph.models import Dataset
from graph.neo4j.connection import Neo4jTarget
from graph.neo4j.store import Neo4jStore
from graph.release import Release

pytestmark = pytest.mark.neo4j


def test_load_round_trips_the_seed_release(
    seeded_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    store = Neo4jStore(seeded_neo4j, database=neo4j_database)
    assert store.kind == "neo4j"
    read_back = store.load("cigref-2011")
    assert read_back.dataset == seed_release.dataset
    assert read_back.links == seed_release.links
    assert read_back.link_policy == seed_release.link_policy
    assert read_back.version == store.versions().get("cigref-2011") == seed_release.version


def test_requires_keeps_how_the_levels_are_joined(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    stored = seeded_neo4j.execute_query(
        "MATCH (r:Role)-[q:REQUIRES]->(c:Competence) "
        "RETURN r.code AS role, c.code AS competence, q.levels AS levels, q.combine AS combine",
        database_=neo4j_database,
    ).records
    on_edges = {(x["role"], x["competence"]): (x["levels"], x["combine"]) for x in stored}
    assert on_edges == {
        (r.code, q.competence): (list(q.levels), q.combine)
        for r in seed_dataset.roles
        for q in r.requirements
    }
    assert {pair for pair, (_, combine) in on_edges.items() if combine == "or"} == {
        ("2.3", "D4"),
        ("3.4", "A6"),
    }
    read_back = Neo4jStore(seeded_neo4j, database=neo4j_database).load("cigref-2011").dataset
    a6 = next(r for r in read_back.roles if r.code == "3.4").requirement("A6")
    assert a6 is not None and (a6.levels, a6.combine) == ((1, 3), "or")


def test_an_empty_database_has_no_version_and_no_dataset(
    clean_neo4j: Driver, neo4j_database: str
) -> None:
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    assert store.versions().get("cigref-2011") is None
    with pytest.raises(DatasetNotFound):
        store.load("cigref-2011")


def test_closing_a_store_leaves_a_borrowed_driver_open(
    seeded_neo4j: Driver, neo4j_database: str
) -> None:
    Neo4jStore(seeded_neo4j, database=neo4j_database).close()
    seeded_neo4j.verify_connectivity()


def test_an_unreachable_server_is_store_unavailable() -> None:
    store = Neo4jStore.connect(Neo4jTarget("bolt://127.0.0.1:9", "neo4j", "x", timeout_s=1.0))
    try:
        with pytest.raises(StoreUnavailable, match="did not answer"):
            store.versions().get("cigref-2011")
    finally:
        store.close()


def test_a_wrong_password_is_named_as_such(seeded_neo4j: Driver, neo4j_uri: str) -> None:
    store = Neo4jStore.connect(Neo4jTarget(neo4j_uri, "neo4j", "not-the-password", timeout_s=5))
    try:
        with pytest.raises(StoreUnavailable, match="refused the credentials"):
            store.versions().get("cigref-2011")
    finally:
        store.close()
