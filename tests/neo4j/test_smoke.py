"""The server the fixtures provide is a real Neo4j 5.26 that stores and returns data."""

from __future__ import annotations

import pytest
from neo4j import Driver

pytestmark = pytest.mark.neo4j


def test_writes_and_reads_a_node(clean_neo4j: Driver, neo4j_database: str) -> None:
    clean_neo4j.execute_query(
        "CREATE (:Smoke {name: $name, level: $level})",
        name="probe",
        level=3,
        database_=neo4j_database,
    )
    records = clean_neo4j.execute_query(
        "MATCH (s:Smoke) RETURN s.name AS name, s.level AS level", database_=neo4j_database
    ).records
    assert [(r["name"], r["level"]) for r in records] == [("probe", 3)]


def test_server_is_neo4j_5_26(neo4j_driver: Driver, neo4j_database: str) -> None:
    records = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions RETURN name, versions",
        database_=neo4j_database,
    ).records
    kernel = next(r for r in records if r["name"] == "Neo4j Kernel")
    assert kernel["versions"][0].startswith("5.26.")
    assert (neo4j_driver.get_server_info().agent or "").startswith("Neo4j/5.26.")
