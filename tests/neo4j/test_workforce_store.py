"""Workforces in a real Neo4j: replace, merge, export, erase (nothing left), a switch that
readers see whole, the replaced import removed in the background."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from app.cli.main import cli
from app.settings import get_settings
from graph.cypher import load_query
from graph.datafiles import write_dataset
from graph.errors import InvalidWorkforce, WorkforceBusy
from graph.neo4j import workforce as workforce_store
from graph.neo4j.seeding import remove_dataset_from_neo4j
from graph.neo4j.workforce import Neo4jWorkforce, create_people
from graph.release import Release
from graph.workforce.generate import generate
from graph.workforce.models import Person, PersonRow, Workforce, person_rows
from graph.workforce.store import EMPTY
from tests.workforce_factory import assessed

pytestmark = pytest.mark.neo4j

DATASET = "cigref-2011"


@pytest.fixture
def store(neo4j_workforce: Neo4jWorkforce) -> Neo4jWorkforce:
    return neo4j_workforce


@pytest.fixture(scope="module")
def generated(seed_release: Release) -> Workforce:
    return generate(seed_release.dataset, people=150, seed=3)


def test_a_replaced_workforce_reads_back_the_same(
    store: Neo4jWorkforce, generated: Workforce
) -> None:
    assert store.version(DATASET) == EMPTY
    version = store.replace(generated)
    assert store.version(DATASET) == version != EMPTY
    assert store.load(DATASET) == generated
    smaller = Workforce(dataset=DATASET, people=generated.people[:10])
    assert store.replace(smaller) != version
    assert store.load(DATASET) == smaller


def test_the_index_reads_the_people_a_load_reads(
    store: Neo4jWorkforce, generated: Workforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The service's lean read (`rows`, in chunks: 40 here, the last one short) gives every
    person `load` gives, in id order, with the same role, unit and levels."""

    def levels(rows: list[PersonRow]) -> list[tuple[str, str | None, str | None, dict[str, int]]]:
        return [
            (r.id, r.unit, r.role, dict(zip(r.competences, r.levels, strict=True))) for r in rows
        ]

    assert store.rows(DATASET) == []
    store.replace(generated)
    monkeypatch.setattr(workforce_store, "ROWS_CHUNK", 40)
    read = store.rows(DATASET)
    assert len(read) == len(generated.people) == 150
    assert levels(read) == levels(person_rows(store.load(DATASET).people))
    assert levels(read) == levels(person_rows(generated.people))


def test_merge_replaces_the_people_it_names(store: Neo4jWorkforce, generated: Workforce) -> None:
    store.replace(generated)
    first = generated.people[0]
    moved = Person(id=first.id, unit="elsewhere", role="3.4", assessments=(assessed("B1", 4),))
    store.merge(Workforce(dataset=DATASET, people=(moved, Person(id="NEW1"))))
    stored = store.load(DATASET)
    assert stored.person(first.id) == moved
    assert stored.person("NEW1") == Person(id="NEW1")
    assert len(stored.people) == len(generated.people) + 1


def test_export_gives_everything_stored_about_a_person(
    store: Neo4jWorkforce, generated: Workforce
) -> None:
    store.replace(generated)
    someone = generated.people[7]
    assert store.person(DATASET, someone.id) == someone
    assert store.person(DATASET, "NOBODY") is None


def test_an_erased_person_leaves_nothing_in_the_database(
    store: Neo4jWorkforce, generated: Workforce, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    store.replace(generated)
    gone = generated.people[5]
    before = store.version(DATASET)
    assert store.erase(DATASET, gone.id) is True
    assert store.version(DATASET) != before
    # Any node or relationship anywhere with any property holding the id or the node itself.
    records = seeded_neo4j.execute_query(
        """
        CALL () {
          MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $id) RETURN count(n) AS found
          UNION ALL
          MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] = $id) RETURN count(r) AS found
        }
        RETURN sum(found) AS found
        """,
        id=gone.id,
        database_=neo4j_database,
    ).records
    assert records[0]["found"] == 0
    assert store.person(DATASET, gone.id) is None
    assert len(store.load(DATASET).people) == len(generated.people) - 1
    assert store.erase(DATASET, gone.id) is False


def test_a_failed_write_leaves_the_previous_workforce(
    store: Neo4jWorkforce, generated: Workforce
) -> None:
    store.replace(generated)
    version = store.version(DATASET)
    broken = Workforce(dataset=DATASET, people=(Person(id="X1", role="9.9"),))
    with pytest.raises(InvalidWorkforce, match="nothing was written"):
        store.replace(broken)
    assert store.version(DATASET) == version
    assert store.load(DATASET) == generated


def test_removing_the_dataset_removes_its_people(
    store: Neo4jWorkforce,
    generated: Workforce,
    seeded_neo4j: Driver,
    neo4j_database: str,
) -> None:
    store.replace(generated)
    remove_dataset_from_neo4j(seeded_neo4j, DATASET, database=neo4j_database)
    left = seeded_neo4j.execute_query(
        "MATCH (n) WHERE n:Person OR n:Workforce RETURN count(n) AS n", database_=neo4j_database
    ).records[0]["n"]
    assert left == 0


def test_replacing_the_catalogue_reports_people_it_strands(
    store: Neo4jWorkforce,
    seed_release: Release,
    neo4j_uri: str,
    neo4j_auth: tuple[str, str],
    neo4j_database: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dataset = seed_release.dataset
    documented = {code for link in dataset.links for code in (link.source, link.target)}
    dropped = next(r.code for r in dataset.roles if r.code not in documented)
    kept = next(r.code for r in dataset.roles if r.code != dropped)
    store.replace(
        Workforce(
            dataset=DATASET,
            people=(Person(id="STRANDED-1", role=dropped), Person(id="FINE-1", role=kept)),
        )
    )
    smaller = dataset.model_copy(
        update={"roles": tuple(r for r in dataset.roles if r.code != dropped)}
    )
    write_dataset(smaller, tmp_path / "smaller")
    for name, value in (
        ("NEO4J_URI", neo4j_uri),
        ("NEO4J_USER", neo4j_auth[0]),
        ("NEO4J_PASSWORD", neo4j_auth[1]),
        ("NEO4J_DATABASE", neo4j_database),
    ):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        done = CliRunner().invoke(cli, ["seed", "load", str(tmp_path / "smaller")])
    finally:
        get_settings.cache_clear()
    assert done.exit_code == 0, done.output
    assert (
        "warning: 1 people hold a role or competences the dataset no longer has: "
        f"STRANDED-1 (role {dropped}); their links to it are dropped"
    ) in done.output
    assert store.person(DATASET, "STRANDED-1") == Person(id="STRANDED-1")
    assert store.person(DATASET, "FINE-1") == Person(id="FINE-1", role=kept)


def test_an_import_leaves_no_staged_or_retired_people(
    store: Neo4jWorkforce, generated: Workforce, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    store.replace(generated)
    store.merge(Workforce(dataset=DATASET, people=generated.people[:40]))
    store.settle()
    assert unserved(seeded_neo4j, neo4j_database) == 0
    assert store.load(DATASET) == generated


def unserved(driver: Driver, database: str) -> int:
    """People no reader reads: of an import being staged, replaced, or left by a dead writer."""
    return int(
        driver.execute_query(
            """
            MATCH (p:Person)
            OPTIONAL MATCH (w:Workforce {dataset: p.dataset})
            WITH p, w
            WHERE w IS NULL OR p.import IS NULL OR p.import <> w.live
            RETURN count(p) AS n
            """,
            database_=database,
        ).records[0]["n"]
    )


def test_two_imports_at_once_lose_nobody(
    store: Neo4jWorkforce, seed_release: Release, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    """Issue 22, 5b: before, a replace of 10,000 answered 10,000 and stored 9,000: the
    second import's cleanup deleted the first one's staged batches."""
    first = generate(seed_release.dataset, people=4000, seed=1)
    second = generate(seed_release.dataset, people=3000, seed=2)
    serial = Neo4jWorkforce(seeded_neo4j, database=neo4j_database, wait_s=300)
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(serial.replace, [first, second]))
    assert len(set(done)) == 2  # both written, one after the other
    stored = store.load(DATASET)
    assert stored in (first, second)  # whole, never a mix or a part
    serial.settle()
    assert unserved(seeded_neo4j, neo4j_database) == 0
    with serial.writing(DATASET):  # a writer that will not wait is told so at once
        impatient = Neo4jWorkforce(seeded_neo4j, database=neo4j_database, wait_s=0)
        with pytest.raises(WorkforceBusy):
            impatient.merge(Workforce(dataset=DATASET, people=(Person(id="LATE-1"),)))


KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from neo4j import GraphDatabase
    from graph.neo4j.workforce import Neo4jWorkforce, create_people
    from graph.workforce.models import Workforce

    uri, user, password, database, path = sys.argv[1:]
    people = Workforce.model_validate_json(open(path).read())
    driver = GraphDatabase.driver(uri, auth=(user, password))

    def staged_one_batch(done, total):
        print("staged", done, flush=True)
        time.sleep(120)  # killed here, mid-import

    Neo4jWorkforce(driver, database=database).replace(people, progress=staged_one_batch)
    """
)


@pytest.mark.parametrize("next_writer", ["restart", "erase"])
def test_an_import_killed_mid_way_leaves_the_last_workforce_and_no_copy(
    store: Neo4jWorkforce,
    generated: Workforce,
    seed_release: Release,
    seeded_neo4j: Driver,
    neo4j_uri: str,
    neo4j_auth: tuple[str, str],
    neo4j_database: str,
    tmp_path: Path,
    next_writer: str,
) -> None:
    """kill -9 during a Neo4j import: the staged copies (people with their assessments) are
    gone as soon as the next start sweeps or the next writer comes, the last complete
    workforce is served, and an erased person is nowhere (issue 23: 8,000 staged copies
    stayed, and an erasure answered erased while 6 assessments stayed readable)."""
    store.replace(generated)
    incoming = generate(seed_release.dataset, people=2500, seed=11)
    victim = incoming.people[3].id
    path = tmp_path / "incoming.json"
    path.write_text(incoming.model_dump_json())
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, neo4j_uri, *neo4j_auth, neo4j_database, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().startswith("staged")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert unserved(seeded_neo4j, neo4j_database) > 0  # what the dead writer left
    if next_writer == "restart":
        restarted = Neo4jWorkforce(seeded_neo4j, database=neo4j_database)
        assert restarted.sweep() == [DATASET]
        restarted.settle()
    else:
        store.merge(Workforce(dataset=DATASET, people=(Person(id=victim),)))
        assert store.erase(DATASET, victim) is True
        store.settle()
    assert unserved(seeded_neo4j, neo4j_database) == 0
    assert found_anywhere(seeded_neo4j, neo4j_database, victim) == 0
    assert store.load(DATASET) == generated


def found_anywhere(driver: Driver, database: str, text: str) -> int:
    return int(
        driver.execute_query(
            """
            CALL () {
              MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $text) RETURN count(n) AS found
              UNION ALL
              MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] = $text) RETURN count(r) AS found
            }
            RETURN sum(found) AS found
            """,
            text=text,
            database_=database,
        ).records[0]["found"]
    )


def test_removing_a_dataset_leaves_no_copy_of_its_people(
    store: Neo4jWorkforce, generated: Workforce, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    store.replace(generated)
    with seeded_neo4j.session(database=neo4j_database) as session:  # a dead import's staging
        session.execute_write(
            lambda tx: create_people(tx, DATASET, generated.people[:20], import_id="dead")
        )
    remove_dataset_from_neo4j(seeded_neo4j, DATASET, database=neo4j_database)
    assert found_anywhere(seeded_neo4j, neo4j_database, generated.people[0].id) == 0
    assert store.drop(DATASET) is False  # nothing was left to drop


@pytest.fixture
def removal_paused(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Removals of replaced imports wait for the event (set at the end at the latest)."""
    go = threading.Event()
    remove = Neo4jWorkforce._remove

    def paused(self: Neo4jWorkforce, dataset: str, token: str, imports: list[str]) -> None:
        go.wait(60)
        remove(self, dataset, token, imports)

    monkeypatch.setattr(Neo4jWorkforce, "_remove", paused)
    yield go
    go.set()


def holders(driver: Driver, database: str) -> Counter[str]:
    """Holders per role as the Cypher library counts them (it resolves the live import)."""
    records = driver.execute_query(
        load_query("library/workforce_bench"),
        dataset=DATASET,
        role=None,
        threshold=None,
        database_=database,
    ).records
    return Counter({r["role"]: r["holders"] for r in records if r["holders"]})


def held(workforce: Workforce) -> Counter[str]:
    return Counter(p.role for p in workforce.people if p.role)


def test_readers_see_the_old_import_until_the_switch_and_the_new_one_right_after(
    store: Neo4jWorkforce,
    generated: Workforce,
    seed_release: Release,
    seeded_neo4j: Driver,
    neo4j_database: str,
    removal_paused: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 24: the switch writes one stamp. While B is staged batch by batch, every answer
    (the service's read, the Cypher library) is A's; right after, B's, though A's people
    (the same ids, other records) are still stored; then they are removed."""
    store.replace(generated)
    incoming = generate(seed_release.dataset, people=120, seed=5)
    assert {p.id for p in incoming.people} <= {p.id for p in generated.people}
    monkeypatch.setattr(workforce_store, "BATCH_SIZE", 50)
    during: list[tuple[Workforce, Counter[str]]] = []
    store.replace(
        incoming,
        progress=lambda *_: during.append(
            (store.load(DATASET), holders(seeded_neo4j, neo4j_database))
        ),
    )
    assert len(during) == 3
    assert all(seen == (generated, held(generated)) for seen in during)
    assert store.load(DATASET) == incoming
    assert holders(seeded_neo4j, neo4j_database) == held(incoming)
    assert unserved(seeded_neo4j, neo4j_database) == len(generated.people)  # not removed yet
    removal_paused.set()
    assert store.settle(timeout_s=60)
    assert unserved(seeded_neo4j, neo4j_database) == 0
    assert store.load(DATASET) == incoming


def test_a_writer_takes_over_from_a_removal_at_once(
    store: Neo4jWorkforce,
    generated: Workforce,
    seeded_neo4j: Driver,
    neo4j_database: str,
    removal_paused: threading.Event,
) -> None:
    """A removal in the background never makes the next import wait: it yields its lease,
    and the next writer removes what is left after its own switch."""
    store.replace(generated)
    store.replace(Workforce(dataset=DATASET, people=generated.people[:30]))
    impatient = Neo4jWorkforce(seeded_neo4j, database=neo4j_database, wait_s=0)
    last = Workforce(dataset=DATASET, people=generated.people[30:50])
    impatient.replace(last)  # WorkforceBusy if it waited on the removal
    removal_paused.set()
    assert store.settle(timeout_s=60) and impatient.settle(timeout_s=60)
    assert store.load(DATASET) == last
    assert unserved(seeded_neo4j, neo4j_database) == 0


def test_a_large_merge_keeps_the_people_it_does_not_name(
    store: Neo4jWorkforce,
    generated: Workforce,
    seeded_neo4j: Driver,
    neo4j_database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past IN_PLACE_MAX people a merge copies the people it keeps into its own import, in
    batches, and switches the stamp: the same answer as a merge in place."""
    monkeypatch.setattr(workforce_store, "IN_PLACE_MAX", 10)
    monkeypatch.setattr(workforce_store, "BATCH_SIZE", 40)
    store.replace(generated)
    changed = tuple(p.model_copy(update={"unit": "moved"}) for p in generated.people[::10])
    incoming = Workforce(dataset=DATASET, people=(*changed, Person(id="NEW-1", role="3.2")))
    store.merge(incoming)
    assert store.load(DATASET) == generated.merged(incoming)
    assert store.settle(timeout_s=60)
    assert unserved(seeded_neo4j, neo4j_database) == 0


def test_people_stored_before_imports_had_ids_are_adopted(
    store: Neo4jWorkforce, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    """A database written by the previous layout (people without `import`, a stamp without
    `live`) keeps its people: the first start or writer makes them an import of their own."""
    seeded_neo4j.execute_query(
        """
        MATCH (r:Role {dataset: $dataset, code: '3.2'})
        CREATE (:Workforce {dataset: $dataset, version: 'before', people: 2})
        CREATE (:Person {dataset: $dataset, id: 'OLD-1', unit: 'Payments'})-[:HOLDS]->(r)
        CREATE (:Person {dataset: $dataset, id: 'OLD-2'})
        """,
        dataset=DATASET,
        database_=neo4j_database,
    )
    restarted = Neo4jWorkforce(seeded_neo4j, database=neo4j_database)
    assert restarted.sweep() == [DATASET]
    assert restarted.settle(timeout_s=60)
    assert store.load(DATASET) == Workforce(
        dataset=DATASET,
        people=(Person(id="OLD-1", unit="Payments", role="3.2"), Person(id="OLD-2")),
    )
    assert unserved(seeded_neo4j, neo4j_database) == 0
