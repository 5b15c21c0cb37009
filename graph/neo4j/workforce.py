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

One writer per workforce, across processes: a `(:WorkforceWriter {dataset})` node holds
the writer's token under a lease that every batch renews (`writing`). A second writer
waits a few seconds, then gets WorkforceBusy (409); its staging ids cannot collide and
it deletes only its own staging, or what a dead writer left (`<dataset>~...`) once it
holds the lease. An import or erasure killed mid-way leaves staged people only until the
next writer or the next start (`sweep`) comes by.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction, Query, unit_of_work

from graph.cypher import load_query, statements
from graph.errors import InvalidWorkforce, WorkforceBusy
from graph.neo4j.connection import UNAVAILABLE, unavailable
from graph.workforce.models import Person, Workforce
from graph.workforce.store import EMPTY, bulk, sweep_each, take_turn

BATCH_SIZE = 1000  # people per UNWIND (each with its assessments)
# One writer per workforce: a second waits this long, then WorkforceBusy (409).
WAIT_S = 5.0
# A writer's lease, renewed by every batch: a writer silent this long is taken for dead.
LEASE_S = 60.0
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

    def __init__(
        self,
        driver: Driver,
        *,
        database: str,
        timeout_s: float = 10.0,
        wait_s: float = WAIT_S,
        lease_s: float = LEASE_S,
    ) -> None:
        self._driver = driver
        self._database = database
        self._timeout_s = timeout_s
        self._wait_s = wait_s
        self._lease_s = lease_s

    def version(self, dataset: str) -> str:
        """One auto-commit read, never retried: an unreachable server answers at once."""
        try:
            with self._driver.session(database=self._database) as session:
                query = Query(load_query("store/workforce_version"), timeout=self._timeout_s)
                found = session.run(query, dataset=dataset).single()
        except UNAVAILABLE as error:
            raise unavailable(error) from error
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
        self.apply_schema()
        with self.writing(dataset) as token:
            staging, retired = f"{dataset}~staging-{token}", f"{dataset}~retired-{token}"
            try:
                for done, batch in _batches(people):
                    self._write(partial(create_people, dataset=dataset, batch=batch, into=staging))
                    self._renew(dataset, token)
                    if progress is not None:
                        progress(done, len(people))
                ids = None if replace else [p.id for p in people]

                def switch(tx: ManagedTransaction) -> str:
                    _still_writer(tx, dataset, token, self._lease_s)
                    move_people(tx, dataset, retired, ids)
                    move_people(tx, staging, dataset, None)
                    return stamp(tx, dataset)

                version = self._write(switch)
            except BaseException:
                self._discard(staging)
                raise
            self._discard(retired)
        return version

    @contextmanager
    def writing(self, dataset: str, *, wait_s: float | None = None) -> Iterator[str]:
        """Be `dataset`'s only writer (WorkforceBusy after `wait_s`), as token `token`.

        The writer node holds a lease renewed by every batch; a writer that died (its lease
        ran out, or its process on this host is gone) is replaced, and every staged or
        retired person it left is deleted before the new writer starts.
        """
        token = f"{os.getpid()}-{uuid.uuid4().hex}"
        claim = partial(_claim, dataset=dataset, token=token, lease_s=self._lease_s)
        take_turn(lambda: self._write(claim), dataset, self._wait_s if wait_s is None else wait_s)
        try:
            self._discard(f"{dataset}~")  # what dead writers left
            yield token
        finally:
            self._write(partial(_take, dataset=dataset, token=None, holder=token, lease_s=0))

    def sweep(self) -> list[str]:
        """Delete the staged and retired people dead writers left; the datasets cleaned."""
        found = self._read(lambda tx: list(tx.run(load_query("seed/workforce_leftovers"))))
        return sweep_each(self.writing, [str(r["dataset"]) for r in found])

    def _renew(self, dataset: str, token: str) -> None:
        self._write(partial(_still_writer, dataset=dataset, token=token, lease_s=self._lease_s))

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

        self.apply_schema()
        with self.writing(dataset):  # also deletes any copy a dead import left staged
            return self._write(erase)

    def drop(self, dataset: str) -> bool:
        """Delete `dataset`'s whole workforce, staged and retired copies included."""
        self.apply_schema()
        with self.writing(dataset):  # staged and retired copies go as it starts

            def drop(tx: ManagedTransaction) -> int:
                gone = remove_people(tx, dataset, None)
                if gone:
                    stamp(tx, dataset)
                return gone

            return self._write(drop) > 0

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


def _claim(tx: ManagedTransaction, dataset: str, token: str, lease_s: float) -> bool:
    """Take the writer node of `dataset` for `token` if nobody alive holds it."""
    holder = tx.run(load_query("seed/workforce_claim"), dataset=dataset).single(strict=True)
    free = (
        holder["token"] is None
        or holder["expired"]
        or (holder["host"] == socket.gethostname() and not _alive(holder["pid"]))
    )
    if free:
        _take(tx, dataset, token, holder=None, lease_s=lease_s)
    return bool(free)


def _take(
    tx: ManagedTransaction, dataset: str, token: str | None, holder: str | None, lease_s: float
) -> int:
    found = tx.run(
        load_query("seed/workforce_take"),
        dataset=dataset,
        token=token,
        holder=holder,
        host=socket.gethostname() if token else None,
        pid=os.getpid() if token else None,
        ttl=lease_s,
    ).single()
    return int(found["held"]) if found else 0


def _still_writer(tx: ManagedTransaction, dataset: str, token: str, lease_s: float) -> None:
    """Renew the lease; WorkforceBusy if another writer took it (ours had run out)."""
    if not _take(tx, dataset, token, holder=token, lease_s=lease_s):
        raise WorkforceBusy(
            f"The import into dataset {dataset!r} lost its writer lease to another writer; "
            "nothing of it was switched in. Retry."
        )


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True
