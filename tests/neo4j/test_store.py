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
