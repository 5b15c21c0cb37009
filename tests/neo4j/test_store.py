"""Neo4jStore: reads back exactly the dataset that was loaded, or says why it cannot."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.errors import StoreUnavailable
from graph.models import Dataset
from graph.neo4j_store import Neo4jStore

pytestmark = pytest.mark.neo4j


def test_load_dataset_round_trips_the_seed(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    store = Neo4jStore(seeded_neo4j, database=neo4j_database)
    assert store.kind == "neo4j"
    read_back = store.load_dataset()
    assert read_back == seed_dataset
    assert read_back.version == store.dataset_version() == seed_dataset.version


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
    read_back = Neo4jStore(seeded_neo4j, database=neo4j_database).load_dataset()
    a6 = next(r for r in read_back.roles if r.code == "3.4").requirement("A6")
    assert a6 is not None and (a6.levels, a6.combine) == ((1, 3), "or")


def test_an_empty_database_has_no_version_and_no_dataset(
    clean_neo4j: Driver, neo4j_database: str
) -> None:
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    assert store.dataset_version() is None
    with pytest.raises(StoreUnavailable, match="seed load"):
        store.load_dataset()


def test_closing_a_store_leaves_a_borrowed_driver_open(
    seeded_neo4j: Driver, neo4j_database: str
) -> None:
    Neo4jStore(seeded_neo4j, database=neo4j_database).close()
    seeded_neo4j.verify_connectivity()


def test_an_unreachable_server_is_store_unavailable() -> None:
    store = Neo4jStore.connect(
        "bolt://127.0.0.1:9", user="neo4j", password="x", database="neo4j", timeout_s=1.0
    )
    try:
        with pytest.raises(StoreUnavailable):
            store.dataset_version()
    finally:
        store.close()
