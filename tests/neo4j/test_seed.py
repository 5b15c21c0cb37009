"""graph/neo4j/seeding.py: idempotent, atomic replacement of the stored dataset."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.algorithms.links import release
from graph.errors import DatasetError, DatasetExists
from graph.models import CareerLink, Dataset, Requirement
from graph.neo4j import seeding
from graph.neo4j.seeding import load_release_into_neo4j, write_release
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


@pytest.fixture
def staged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every first write is staged, in transactions of 100 rows (the seed has ~2,000)."""
    monkeypatch.setattr(seeding, "ONE_TRANSACTION_ROWS", 0)
    monkeypatch.setattr(seeding, "STAGED_TRANSACTION_ROWS", 100)


def staged_nodes(driver: Driver, database: str) -> int:
    return int(
        driver.execute_query(
            "MATCH (n) WHERE n.dataset CONTAINS $mark RETURN count(n) AS n",
            mark=seeding.STAGING_MARK,
            database_=database,
        ).records[0]["n"]
    )


@pytest.mark.usefixtures("staged")
def test_a_big_first_write_commits_in_parts_no_reader_sees_until_it_is_whole(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    seen: list[tuple[int, int, str | None]] = []

    def look(done: int, total: int, step: str) -> None:
        if step == "requires" and not seen:  # earlier parts are committed by now
            counts = sum(stored_counts(clean_neo4j, neo4j_database).values())
            version = store.versions().get("cigref-2011")
            seen.append((staged_nodes(clean_neo4j, neo4j_database), counts, version))

    load_release_into_neo4j(clean_neo4j, seed_release, database=neo4j_database, progress=look)
    [(staged_meanwhile, visible_meanwhile, version_meanwhile)] = seen
    assert staged_meanwhile > 0  # committed, in parts, before the end
    assert (visible_meanwhile, version_meanwhile) == (0, None)  # yet nothing to read
    assert stored_counts(clean_neo4j, neo4j_database) == expected_counts(seed_release)
    assert store.load("cigref-2011") == seed_release
    assert staged_nodes(clean_neo4j, neo4j_database) == 0


@pytest.mark.usefixtures("staged")
def test_a_staged_write_failing_halfway_leaves_nothing(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release
) -> None:
    def break_at_requirements(done: int, total: int, step: str) -> None:
        if step == "requires":
            raise Interrupted(f"stopped at {done}/{total}")

    with pytest.raises(Interrupted):
        load_release_into_neo4j(
            clean_neo4j, seed_release, database=neo4j_database, progress=break_at_requirements
        )
    assert stored_counts(clean_neo4j, neo4j_database) == {}
    assert staged_nodes(clean_neo4j, neo4j_database) == 0
    assert "cigref-2011" not in Neo4jStore(clean_neo4j, database=neo4j_database).versions()


@pytest.mark.usefixtures("staged")
def test_a_dataset_stored_during_a_staged_first_write_is_not_overwritten(
    clean_neo4j: Driver, neo4j_database: str, seed_release: Release, seed_dataset: Dataset
) -> None:
    other = release(modified(seed_dataset))
    written: list[str] = []

    def another_writer_first(done: int, total: int, step: str) -> None:
        if done >= total // 2 and not written:
            written.append(load_release_into_neo4j(clean_neo4j, other, database=neo4j_database))

    with pytest.raises(DatasetExists):
        write_release(
            clean_neo4j,
            seed_release,
            database=neo4j_database,
            replace=False,
            progress=another_writer_first,
        )
    assert Neo4jStore(clean_neo4j, database=neo4j_database).load("cigref-2011") == other
    assert staged_nodes(clean_neo4j, neo4j_database) == 0
