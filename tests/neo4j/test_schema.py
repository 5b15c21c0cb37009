"""cypher/schema.cypher: codes and keys unique per dataset, and the library's indexes."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from graph.neo4j.seeding import apply_schema

pytestmark = pytest.mark.neo4j

UNIQUE_KEYS = {
    ("Family", ("dataset", "code")),
    ("Role", ("dataset", "code")),
    ("Area", ("dataset", "code")),
    ("Competence", ("dataset", "code")),
    ("ProficiencyLevel", ("dataset", "key")),
    ("Knowledge", ("dataset", "key")),
    ("Skill", ("dataset", "key")),
    ("Dataset", ("id",)),
}
INDEXES = {
    "requires_level",
    "career_link_kind",
    "role_text",
    "competence_text",
    "role_rank",
    "competence_rank",
}


def _constraints(driver: Driver, database: str) -> set[tuple[str, tuple[str, ...], str]]:
    records = driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
        "RETURN labelsOrTypes[0] AS label, properties, type",
        database_=database,
    ).records
    return {(r["label"], tuple(r["properties"]), r["type"]) for r in records}


def _indexes(driver: Driver, database: str) -> dict[str, str]:
    records = driver.execute_query(
        "SHOW INDEXES YIELD name, state, owningConstraint WHERE owningConstraint IS NULL "
        "RETURN name, state",
        database_=database,
    ).records
    return {r["name"]: r["state"] for r in records}


def test_every_code_and_key_is_unique(clean_neo4j: Driver, neo4j_database: str) -> None:
    apply_schema(clean_neo4j, database=neo4j_database)
    assert _constraints(clean_neo4j, neo4j_database) == {
        (label, key, "UNIQUENESS") for label, key in UNIQUE_KEYS
    }


def test_the_library_indexes_exist_and_come_online(
    clean_neo4j: Driver, neo4j_database: str
) -> None:
    apply_schema(clean_neo4j, database=neo4j_database)
    clean_neo4j.execute_query("CALL db.awaitIndexes(60)", database_=neo4j_database)
    indexes = _indexes(clean_neo4j, neo4j_database)
    assert {name: indexes.get(name) for name in INDEXES} == dict.fromkeys(INDEXES, "ONLINE")


def test_applying_the_schema_twice_changes_nothing(
    clean_neo4j: Driver, neo4j_database: str
) -> None:
    apply_schema(clean_neo4j, database=neo4j_database)
    before = (_constraints(clean_neo4j, neo4j_database), set(_indexes(clean_neo4j, neo4j_database)))
    apply_schema(clean_neo4j, database=neo4j_database)
    after = (_constraints(clean_neo4j, neo4j_database), set(_indexes(clean_neo4j, neo4j_database)))
    assert after == before


def test_a_duplicate_role_code_is_refused_within_a_dataset_only(
    clean_neo4j: Driver, neo4j_database: str
) -> None:
    apply_schema(clean_neo4j, database=neo4j_database)
    create = "CREATE (:Role {dataset: $dataset, code: '3.2'})"
    clean_neo4j.execute_query(create, dataset="a", database_=neo4j_database)
    clean_neo4j.execute_query(create, dataset="b", database_=neo4j_database)
    with pytest.raises(ConstraintError):
        clean_neo4j.execute_query(create, dataset="a", database_=neo4j_database)


def test_the_single_dataset_constraints_of_an_older_schema_are_dropped(
    clean_neo4j: Driver, neo4j_database: str
) -> None:
    clean_neo4j.execute_query(
        "CREATE CONSTRAINT role_code FOR (n:Role) REQUIRE n.code IS UNIQUE",
        database_=neo4j_database,
    )
    apply_schema(clean_neo4j, database=neo4j_database)
    assert ("Role", ("code",), "UNIQUENESS") not in _constraints(clean_neo4j, neo4j_database)
