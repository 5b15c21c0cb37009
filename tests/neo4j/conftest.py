"""Fixtures for the Neo4j suite: the real seed, and a database that holds it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from neo4j import Driver

from graph.algorithms.links import release
from graph.cypher import load_query
from graph.datafiles import read_dataset
from graph.models import Dataset
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from graph.neo4j.workforce import Neo4jWorkforce
from graph.release import Release
from graph.workforce.generate import generate
from graph.workforce.models import Workforce
from seed import DATA_DIR
from tests.fixtures.neo4j import wipe

# The workforce the library's examples and the parity test read: 300 people in 4 units of
# 36 to 144, so cells and units fall on both sides of every minimum group size tried.
WORKFORCE_PEOPLE = 300
WORKFORCE_SEED = 11


@pytest.fixture(scope="session")
def seed_dataset() -> Dataset:
    """The committed seed (seed/data), validated."""
    return read_dataset(DATA_DIR)


@pytest.fixture(scope="session")
def seed_release(seed_dataset: Dataset) -> Release:
    """The seed with its career links under the current link policy."""
    return release(seed_dataset)


@pytest.fixture(scope="session")
def generated_workforce(seed_dataset: Dataset) -> Workforce:
    """A generated workforce of the seed; tests write it inside a transaction they roll back."""
    return generate(seed_dataset, people=WORKFORCE_PEOPLE, seed=WORKFORCE_SEED)


@pytest.fixture
def seeded_neo4j(neo4j_driver: Driver, neo4j_database: str, seed_release: Release) -> Driver:
    """A database holding exactly the seed; reloaded only when a test left something else."""
    store = Neo4jStore(neo4j_driver, database=neo4j_database)
    if store.versions().get("cigref-2011") != seed_release.version or stored_counts(
        neo4j_driver, neo4j_database
    ) != expected_counts(seed_release):
        wipe(neo4j_driver, neo4j_database)
        load_release_into_neo4j(neo4j_driver, seed_release, database=neo4j_database)
    return neo4j_driver


@pytest.fixture
def neo4j_workforce(seeded_neo4j: Driver, neo4j_database: str) -> Iterator[Neo4jWorkforce]:
    """The seeded database's workforce store, empty (whatever an API test left), and empty
    again afterwards."""

    def empty() -> None:
        with seeded_neo4j.session(database=neo4j_database) as session:
            session.run("MATCH (p:Person) DETACH DELETE p").consume()
            session.run("MATCH (w:Workforce) DETACH DELETE w").consume()
            session.run("MATCH (w:WorkforceWriter) DETACH DELETE w").consume()

    empty()
    store = Neo4jWorkforce(seeded_neo4j, database=neo4j_database)
    yield store
    store.settle(timeout_s=60)  # its removals end before the next test's people are written
    empty()


def store_people_for(query_name: str, request: pytest.FixtureRequest) -> None:
    """The workforce library queries read people: store the generated workforce for this
    test (neo4j_workforce removes it afterwards)."""
    if query_name.startswith("workforce_"):
        workforce = request.getfixturevalue("generated_workforce")
        request.getfixturevalue("neo4j_workforce").replace(workforce)


def stored_counts(driver: Driver, database: str, dataset: str = "cigref-2011") -> Counter[str]:
    """One dataset's nodes per label and relationships per type (the library's overview)."""
    records = driver.execute_query(
        load_query("library/overview"), dataset=dataset, database_=database
    ).records
    return Counter(
        {r["name"]: r["count"] for r in records if r["kind"] != "dataset" and r["count"]}
    )


def expected_counts(linked: Release) -> Counter[str]:
    """What a load of the release must leave, by label and type."""
    dataset = linked.dataset
    levels = sum(len(c.levels) for c in dataset.competences)
    knowledge = sum(len(c.knowledge) for c in dataset.competences)
    skills = sum(len(c.skills) for c in dataset.competences)
    counts = Counter(
        Family=len(dataset.families),
        Area=len(dataset.areas),
        Competence=len(dataset.competences),
        ProficiencyLevel=levels,
        Knowledge=knowledge,
        Skill=skills,
        Role=len(dataset.roles),
        Dataset=1,
        IN_FAMILY=len(dataset.roles),
        IN_AREA=len(dataset.competences),
        HAS_LEVEL=levels,
        NEEDS_KNOWLEDGE=knowledge,
        NEEDS_SKILL=skills,
        REQUIRES=sum(len(r.requirements) for r in dataset.roles),
        CAREER_LINK=len(linked.links),
    )
    return +counts  # drop zero entries, as stored_counts does


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def careergraph(neo4j_uri: str, neo4j_auth: tuple[str, str], neo4j_database: str) -> Cli:
    """Run the console script in a child process, configured by NEO4J_* like a user's shell."""
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_uri,
        "NEO4J_USER": neo4j_auth[0],
        "NEO4J_PASSWORD": neo4j_auth[1],
        "NEO4J_DATABASE": neo4j_database,
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", "from app.cli.main import main; main()", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)

    return run
