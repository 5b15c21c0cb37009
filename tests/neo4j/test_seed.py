"""graph/neo4j/seeding.py: idempotent, atomic replacement of the stored dataset."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.algorithms.links import release
from graph.errors import DatasetError
from graph.models import CareerLink, Dataset, Requirement
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from graph.release import Release
from tests.neo4j.conftest import expected_counts, stored_counts

pytestmark = pytest.mark.neo4j


class Interrupted(Exception):
    """Raised from the progress callback to break a load halfway."""


def modified(dataset: Dataset) -> Dataset:
    """The seed with one role and one unused competence gone, a requirement raised,
    a knowledge item dropped, and another dataset name: everything a replace must prune."""
    dropped = dataset.roles[-1].code
    required = {q.competence for r in dataset.roles for q in r.requirements}
    unused = next(c.code for c in dataset.competences if c.code not in required)
    competences = {c.code: c for c in dataset.competences}
    first = dataset.roles[0]
    requirement = next(
        q for q in first.requirements if competences[q.competence].applicable_levels[-1] > q.level
    )
    raised = Requirement(
        competence=requirement.competence,
        levels=(competences[requirement.competence].applicable_levels[-1],),
    )
    first = first.model_copy(
        update={
            "requirements": tuple(raised if q == requirement else q for q in first.requirements)
        }
    )
    trimmed = dataset.competences[0]
    trimmed = trimmed.model_copy(update={"knowledge": trimmed.knowledge[:-1]})
    return dataset.model_copy(
        update={
            "name": dataset.name + " (modified)",
            "roles": (first, *dataset.roles[1:-1]),
            "competences": tuple(
                trimmed if c.code == trimmed.code else c
                for c in dataset.competences
                if c.code != unused
            ),
            "links": tuple(k for k in dataset.links if dropped not in (k.source, k.target)),
        }
    )


def test_a_load_writes_every_record(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    version = load_release_into_neo4j(clean_neo4j, seed_release, database=neo4j_database)
    assert version == seed_release.version
    assert stored_counts(clean_neo4j, neo4j_database) == expected_counts(seed_release)


def test_loading_twice_changes_nothing(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    load_release_into_neo4j(clean_neo4j, seed_release, database=neo4j_database)
    first = (stored_counts(clean_neo4j, neo4j_database), store.versions().get("cigref-2011"))
    load_release_into_neo4j(clean_neo4j, seed_release, database=neo4j_database)
    second = (stored_counts(clean_neo4j, neo4j_database), store.versions().get("cigref-2011"))
    assert second == first
    assert first[1] == seed_release.version


def test_replacing_a_dataset_leaves_no_orphans(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    smaller = release(modified(seed_dataset))
    load_release_into_neo4j(seeded_neo4j, smaller, database=neo4j_database)
    assert stored_counts(seeded_neo4j, neo4j_database) == expected_counts(smaller)
    read_back = Neo4jStore(seeded_neo4j, database=neo4j_database).load("cigref-2011")
    assert read_back == smaller
    unlinked = seeded_neo4j.execute_query(
        "MATCH (n) WHERE NOT n:Dataset AND NOT EXISTS { (n)--() } RETURN count(n) AS n",
        database_=neo4j_database,
    ).records[0]["n"]
    assert unlinked == 0


def test_a_load_failing_halfway_leaves_the_previous_dataset_intact(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    before = stored_counts(seeded_neo4j, neo4j_database)

    def break_after_roles(done: int, total: int, step: str) -> None:
        if step == "roles":
            raise Interrupted(f"stopped at {done}/{total}")

    with pytest.raises(Interrupted):
        load_release_into_neo4j(
            seeded_neo4j,
            release(modified(seed_dataset)),
            database=neo4j_database,
            progress=break_after_roles,
        )
    assert stored_counts(seeded_neo4j, neo4j_database) == before
    assert (
        Neo4jStore(seeded_neo4j, database=neo4j_database).load("cigref-2011").dataset
        == seed_dataset
    )


def test_a_record_the_server_refuses_halfway_leaves_the_previous_dataset_intact(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    before = stored_counts(seeded_neo4j, neo4j_database)
    smaller = release(modified(seed_dataset))
    # Built without validation: a link with no kind passes the loader's checks, and the
    # server refuses to MERGE on a null property only after every node has been written.
    broken = CareerLink.model_construct(
        source="3.2", target="3.4", kind=None, coverage=0.5, level_steps=1, evidence="broken"
    )
    with pytest.raises(Neo4jError, match="null property value"):
        load_release_into_neo4j(
            seeded_neo4j,
            Release(smaller.dataset, (*smaller.links, broken), smaller.link_policy),
            database=neo4j_database,
        )
    assert stored_counts(seeded_neo4j, neo4j_database) == before
    assert (
        Neo4jStore(seeded_neo4j, database=neo4j_database).load("cigref-2011").dataset
        == seed_dataset
    )


def test_links_to_unknown_roles_are_refused_before_anything_is_written(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    stray = CareerLink(
        source="3.2", target="7.9", kind="inferred", coverage=0.5, level_steps=3, evidence="test"
    )
    with pytest.raises(DatasetError, match=r"3\.2 -> 7\.9: unknown role"):
        load_release_into_neo4j(
            clean_neo4j,
            Release(seed_release.dataset, (*seed_release.links, stray), seed_release.link_policy),
            database=neo4j_database,
        )
    assert stored_counts(clean_neo4j, neo4j_database) == {}


def test_the_release_decides_the_links_written(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    documented = tuple(k for k in seed_release.links if k.kind == "documented")
    only_documented = Release(seed_release.dataset, documented, "documented-only")
    load_release_into_neo4j(clean_neo4j, only_documented, database=neo4j_database)
    assert stored_counts(clean_neo4j, neo4j_database)["CAREER_LINK"] == len(documented)
