"""Workforces in Neo4j: `(:Person {dataset, id, unit})-[:HOLDS]->(:Role)` and
`(:Person)-[:HAS {level, source, assessed_on}]->(:Competence)`, stamped by a
`(:Workforce {dataset, version})` node (docs/design.md, "Workforce").

An import is staged: its people are created in batches (`UNWIND`, a transaction per
batch, so 100,000 people fit a small server's transaction memory) under a private id
`<dataset>~staging-<token>` that no reader asks for; then ONE transaction retires the
people they replace (to `<dataset>~retired-<token>`), promotes the staged ones to the
dataset and stamps it. Readers see the old workforce or the new one, never a mix; a
failure before the switch discards the staged people and leaves the old ones whole; the
retired are deleted after the switch. `write_people` does all of it inside a caller's
own transaction instead (the parity test's, which it rolls back).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction, unit_of_work

from graph.cypher import load_query, statements
from graph.errors import InvalidWorkforce
from graph.neo4j.connection import UNAVAILABLE, unavailable
from graph.workforce.models import Person, Workforce
from graph.workforce.store import EMPTY, bulk

BATCH_SIZE = 1000  # people per UNWIND (each with its assessments)
# Reading a whole workforce of 100,000 people takes seconds, more than a catalogue read.
LOAD_TIMEOUT_S = 300.0
T = TypeVar("T")
Tx = Any  # a ManagedTransaction, or an explicit Transaction (the parity test's)
# progress(people_done, people_total): called after every batch, inside the transaction.
Progress = Callable[[int, int], None]


def batch_params(batch: Sequence[Person]) -> dict[str, Any]:
    """The parameters of seed/workforce_people.cypher: codes once, rows pointing into them."""
    roles = sorted({p.role for p in batch if p.role})
    competences = sorted({a.competence for p in batch for a in p.assessments})
    role_at = {code: i for i, code in enumerate(roles)}
    competence_at = {code: i for i, code in enumerate(competences)}
    rows = [
        {
            "id": person.id,
            "unit": person.unit,
            "role": role_at[person.role] if person.role else None,
            "has": [
                {
                    "competence": competence_at[a.competence],
                    "level": a.level,
                    "source": a.source,
                    "assessed_on": a.assessed_on,
                }
                for a in person.assessments
            ],
        }
        for person in batch
    ]
    return {"roles": roles, "competences": competences, "rows": rows}


def write_people(tx: Tx, workforce: Workforce, *, replace: bool) -> str:
    """In one transaction: delete all people (`replace`) or those of `workforce`, create
    its people, stamp."""
    dataset, people = workforce.dataset, workforce.people
    remove_people(tx, dataset, None if replace else [p.id for p in people])
    for _, batch in _batches(people):
        create_people(tx, dataset, batch, into=dataset)
    return stamp(tx, dataset)


def create_people(tx: Tx, dataset: str, batch: Sequence[Person], *, into: str) -> None:
    """Create `batch` as people of `into` (the dataset, or its staging id), linked to the
    roles and competences of `dataset`; InvalidWorkforce when a reference is missing."""
    params = batch_params(batch)
    query = load_query("seed/workforce_people")
    written = tx.run(query, params, dataset=dataset, into=into).single()
    expected = (len(batch), sum(1 for p in batch if p.role), sum(len(p.assessments) for p in batch))
    found = (written["people"], written["held"], written["assessed"]) if written else (0, 0, 0)
    if found != expected:
        raise InvalidWorkforce(
            f"dataset {dataset!r}: wrote (people, roles, assessments) {found} of {expected}: "
            "a role or competence is missing from the stored dataset; nothing was written"
        )


def move_people(tx: Tx, source: str, target: str, ids: Sequence[str] | None) -> int:
    found = tx.run(
        load_query("seed/workforce_move_people"), ids=ids, **{"from": source, "to": target}
    ).single()
    return int(found["moved"]) if found else 0


def remove_people(tx: Tx, dataset: str, ids: Sequence[str] | None) -> int:
    """Delete people (all when `ids` is None) with their relationships; how many went."""
    found = tx.run(load_query("seed/workforce_remove_people"), dataset=dataset, ids=ids).single()
    return int(found["deleted"]) if found else 0


def stamp(tx: Tx, dataset: str) -> str:
    return str(tx.run(load_query("seed/workforce_stamp"), dataset=dataset).single()["version"])


def read_people(tx: Tx, dataset: str, person: str | None = None) -> Workforce:
    records = tx.run(load_query("store/workforce_people"), dataset=dataset, person=person)
    people = [
        {
            "id": r["id"],
            "unit": r["unit"],
            "role": r["role"],
            "assessments": [
                {**a, "assessed_on": a["assessed_on"].to_native()} for a in r["assessments"]
            ],
        }
        for r in records
    ]
    with bulk():
        return Workforce.model_validate({"dataset": dataset, "people": people})


def _batches(people: Sequence[Person]) -> Iterator[tuple[int, Sequence[Person]]]:
    for start in range(0, len(people), BATCH_SIZE):
        batch = people[start : start + BATCH_SIZE]
        yield start + len(batch), batch


class Neo4jWorkforce:
    """The workforce store of a Neo4j database (graph.workforce.store.WorkforceStore)."""

    kind = "neo4j"

    def __init__(self, driver: Driver, *, database: str, timeout_s: float = 10.0) -> None:
        self._driver = driver
        self._database = database
        self._timeout_s = timeout_s

    def version(self, dataset: str) -> str:
        found = self._read(
            lambda tx: tx.run(load_query("store/workforce_version"), dataset=dataset).single()
        )
        return str(found["version"]) if found and found["version"] else EMPTY

    def load(self, dataset: str) -> Workforce:
        return self._read(lambda tx: read_people(tx, dataset), timeout_s=LOAD_TIMEOUT_S)

    def person(self, dataset: str, person: str) -> Person | None:
        found = self._read(lambda tx: read_people(tx, dataset, person))
        return found.people[0] if found.people else None

    def replace(self, workforce: Workforce, progress: Progress | None = None) -> str:
        return self._staged(workforce, replace=True, progress=progress)

    def merge(self, workforce: Workforce) -> str:
        return self._staged(workforce, replace=False, progress=None)

    def _staged(self, workforce: Workforce, *, replace: bool, progress: Progress | None) -> str:
        """Stage in batches, switch in one transaction, then delete the retired."""
        dataset, people = workforce.dataset, workforce.people
        token = uuid.uuid4().hex
        staging, retired = f"{dataset}~staging-{token}", f"{dataset}~retired-{token}"
        self.apply_schema()
        self._discard(f"{dataset}~")  # what an interrupted import left
        try:
            for done, batch in _batches(people):
                self._write(partial(create_people, dataset=dataset, batch=batch, into=staging))
                if progress is not None:
                    progress(done, len(people))
            ids = None if replace else [p.id for p in people]

            def switch(tx: ManagedTransaction) -> str:
                move_people(tx, dataset, retired, ids)
                move_people(tx, staging, dataset, None)
                return stamp(tx, dataset)

            version = self._write(switch)
        except BaseException:
            self._discard(staging)
            raise
        self._discard(retired)
        return version

    def _discard(self, prefix: str) -> None:
        try:
            with self._driver.session(database=self._database) as session:
                session.run(load_query("seed/workforce_discard"), prefix=prefix).consume()
        except UNAVAILABLE as error:
            raise unavailable(error) from error

    def erase(self, dataset: str, person: str) -> bool:
        def erase(tx: ManagedTransaction) -> bool:
            gone = remove_people(tx, dataset, [person]) > 0
            if gone:
                stamp(tx, dataset)
            return gone

        return self._write(erase)

    def apply_schema(self) -> None:
        """Constraints and index of the workforce (idempotent; not in a data transaction)."""
        for statement in statements("seed/workforce_schema"):
            self._driver.execute_query(statement, database_=self._database)

    def _read(self, work: Callable[[ManagedTransaction], T], timeout_s: float | None = None) -> T:
        bounded = unit_of_work(timeout=timeout_s or self._timeout_s)(work)
        try:
            with self._driver.session(database=self._database) as session:
                return session.execute_read(bounded)
        except UNAVAILABLE as error:
            raise unavailable(error) from error

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            with self._driver.session(database=self._database) as session:
                return session.execute_write(work)
        except UNAVAILABLE as error:
            raise unavailable(error) from error
