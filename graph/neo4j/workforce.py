"""Workforces in Neo4j: `(:Person {dataset, import, id, unit})-[:HOLDS]->(:Role)` and
`(:Person)-[:HAS {level, source, assessed_on}]->(:Competence)`, read through a
`(:Workforce {dataset, live, version, people})` stamp (docs/workforce.md, "Where people
are stored").

Every import writes its people under an id of its own (`import`); the stamp names the one
readers read (`live`), so a reader resolves the live import once per query and never
mixes two. An import is created in batches (`UNWIND`, a transaction per batch, so
100,000 people fit a small server's heap), then switched in by ONE transaction that
rewrites the stamp only: constant time and memory, whatever the size. The people of the
import it replaced (and anything an interrupted writer left) are removed afterwards, in
batches, in the background. A small merge is switched in place instead (the people it
replaces retired, the staged ones joining the live import, in one transaction); a large
one first copies the people it keeps into its own import. `write_people` writes and
switches inside a caller's own transaction instead (the parity test's, rolled back).

One writer per workforce, across processes: a `(:WorkforceWriter {dataset})` node holds
the writer's token under a lease that every batch renews (`writing`). A second writer
waits a few seconds, then gets WorkforceBusy (409). After its write, a writer keeps the
lease to remove what no stamp names (`removing`): a new writer takes the lease over at
once and removes the rest after its own write. A writer that died (its lease ran out, or
its process on this host is gone) is replaced the same way.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from operator import attrgetter
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction, Query, unit_of_work

from graph.cypher import load_query, statements
from graph.errors import CareerGraphError, InvalidWorkforce, WorkforceBusy
from graph.models import natural_key
from graph.neo4j.connection import UNAVAILABLE, unavailable
from graph.workforce.models import Assessment, Person, PersonRow, Workforce
from graph.workforce.store import EMPTY, bulk, sweep_each, take_turn

log = logging.getLogger("careergraph.workforce")
BATCH_SIZE = 1000  # people per transaction (each with its assessments), written or removed
# A merge of at most this many people is switched in place (one transaction touching
# them); a larger one copies the people it keeps, in batches, and switches the stamp.
IN_PLACE_MAX = 5000
# One writer per workforce: a second waits this long, then WorkforceBusy (409).
WAIT_S = 5.0
# A writer's lease, renewed by every batch: a writer silent this long is taken for dead.
LEASE_S = 60.0
# Reading a whole workforce of 100,000 people takes seconds, more than a catalogue read.
LOAD_TIMEOUT_S = 300.0
# People per record of the index's read (store/workforce_rows): few records, small ones.
ROWS_CHUNK = 1000
# A read that overlapped a write is read again (its import may have been removed under it).
LOAD_TRIES = 3
T = TypeVar("T")
Tx = Any  # a ManagedTransaction, or an explicit Transaction (the parity test's)
# progress(people_done, people_total): called after every batch, inside the transaction.
Progress = Callable[[int, int], None]


def batch_params(batch: Sequence[Person]) -> dict[str, Any]:
    """The parameters of seed/workforce_people.cypher: codes once, rows pointing into them,
    each person's assessments as parallel lists and dates as ISO text (the query makes
    them DATEs): 100,000 people encode and decode in a fraction of the time that a map
    and a driver Date per assessment took."""
    roles = sorted({p.role for p in batch if p.role})
    competences = sorted({a.competence for p in batch for a in p.assessments})
    role_at = {code: i for i, code in enumerate(roles)}
    competence_at = {code: i for i, code in enumerate(competences)}
    rows = [
        {
            "id": person.id,
            "unit": person.unit,
            "role": role_at[person.role] if person.role else None,
            "competences": [competence_at[a.competence] for a in person.assessments],
            "levels": [a.level for a in person.assessments],
            "sources": [a.source for a in person.assessments],
            "dates": [a.assessed_on.isoformat() for a in person.assessments],
        }
        for person in batch
    ]
    return {"roles": roles, "competences": competences, "rows": rows}


def write_people(tx: Tx, workforce: Workforce) -> str:
    """In one transaction: create `workforce`'s people as a new import and switch it in."""
    token = f"tx-{uuid.uuid4().hex}"
    for _, batch in _batches(workforce.people):
        create_people(tx, workforce.dataset, batch, import_id=token)
    return switch(tx, workforce.dataset, token, len(workforce.people))[0]


def create_people(tx: Tx, dataset: str, batch: Sequence[Person], *, import_id: str) -> None:
    """Create `batch` as people of import `import_id` of `dataset`, linked to its roles and
    competences; InvalidWorkforce when a reference is missing."""
    params = batch_params(batch)
    query = load_query("seed/workforce_people")
    written = tx.run(query, params, dataset=dataset, import_id=import_id).single()
    expected = (len(batch), sum(1 for p in batch if p.role), sum(len(p.assessments) for p in batch))
    found = (written["people"], written["held"], written["assessed"]) if written else (0, 0, 0)
    if found != expected:
        raise InvalidWorkforce(
            f"dataset {dataset!r}: wrote (people, roles, assessments) {found} of {expected}: "
            "a role or competence is missing from the stored dataset; nothing was written"
        )


def switch(tx: Tx, dataset: str, import_id: str, people: int) -> tuple[str, str | None]:
    """Make `import_id` (of `people` people) the live import; (new version, import replaced)."""
    found = tx.run(
        load_query("seed/workforce_switch"), dataset=dataset, people=people, import_id=import_id
    ).single(strict=True)
    return str(found["version"]), found["replaced"]


def stamp(tx: Tx, dataset: str) -> str | None:
    """A new version for a write in place; None when the dataset has no stamp."""
    found = tx.run(load_query("seed/workforce_stamp"), dataset=dataset).single()
    return str(found["version"]) if found else None


def read_people(tx: Tx, dataset: str, person: str | None = None) -> Workforce:
    """The live import's people (or only `person`), built without validating again what
    the import checked: 100,000 people must reach the service in seconds."""
    records = tx.run(load_query("store/workforce_people"), dataset=dataset, person=person)
    people = []
    with bulk():
        for r in records:
            assessments = (
                Assessment.model_construct(
                    competence=code, level=level, source=source, assessed_on=date.fromisoformat(on)
                )
                for code, level, source, on in zip(
                    r["competences"], r["levels"], r["sources"], r["dates"], strict=True
                )
            )
            in_order = tuple(sorted(assessments, key=lambda a: natural_key(a.competence)))
            people.append(
                Person.model_construct(
                    id=r["id"], unit=r["unit"], role=r["role"], assessments=in_order
                )
            )
        people.sort(key=lambda p: p.id)
        return Workforce.model_construct(dataset=dataset, people=tuple(people))


def read_rows(tx: Tx, dataset: str) -> list[PersonRow]:
    """The live import's people as the index reads them (store/workforce_rows), in id order."""
    chunks = tx.run(load_query("store/workforce_rows"), dataset=dataset, chunk=ROWS_CHUNK)
    with bulk():  # 300,000 lists decoded, all kept
        rows = [PersonRow(*person) for record in chunks for person in record["people"]]
    rows.sort(key=attrgetter("id"))
    return rows


def _batches(people: Sequence[T]) -> Iterator[tuple[int, Sequence[T]]]:
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
        self._removals: list[threading.Thread] = []

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
        """The live import's people."""
        return self._consistent(dataset, lambda tx: read_people(tx, dataset))

    def rows(self, dataset: str) -> list[PersonRow]:
        """The live import's people as the index reads them, in id order."""
        return self._consistent(dataset, lambda tx: read_rows(tx, dataset))

    def _consistent(self, dataset: str, read: Callable[[ManagedTransaction], T]) -> T:
        """`read` of the live import. A read that a write overlapped (the version changed
        under it) is read again: the import it read may have been removed meanwhile."""
        for _ in range(LOAD_TRIES):
            before = self.version(dataset)
            found = self._read(read, timeout_s=LOAD_TIMEOUT_S)
            if self.version(dataset) == before:
                return found
        raise WorkforceBusy(
            f"The workforce of dataset {dataset!r} changed during {LOAD_TRIES} reads; retry."
        )

    def person(self, dataset: str, person: str) -> Person | None:
        found = self._read(lambda tx: read_people(tx, dataset, person))
        return found.people[0] if found.people else None

    def replace(self, workforce: Workforce, progress: Progress | None = None) -> str:
        return self._staged(workforce, replace=True, progress=progress)

    def merge(self, workforce: Workforce) -> str:
        return self._staged(workforce, replace=False, progress=None)

    def settle(self, timeout_s: float | None = None) -> bool:
        """Wait for the removals this store's writes started (replaced people deleted), at
        most `timeout_s` each; False if one is still under way."""
        for thread in list(self._removals):
            thread.join(timeout_s)
        return not any(thread.is_alive() for thread in self._removals)

    def _staged(self, workforce: Workforce, *, replace: bool, progress: Progress | None) -> str:
        """Write the people as a new import in batches, then switch it in."""
        dataset, people = workforce.dataset, workforce.people
        self.apply_schema()
        with self.writing(dataset) as token:
            for done, batch in _batches(people):
                create = partial(create_people, dataset=dataset, batch=batch, import_id=token)
                self._as_writer(dataset, token, create)
                if progress is not None:
                    progress(done, len(people))
            if replace or self.version(dataset) == EMPTY:
                version = self._switch(dataset, token, len(people))
            elif len(people) <= IN_PLACE_MAX:
                ids = sorted(p.id for p in people)
                merge = partial(_merge_in_place, dataset=dataset, token=token, ids=ids)
                version = self._as_writer(dataset, token, merge)
            else:
                version = self._switch(
                    dataset, token, len(people) + self._keep(dataset, token, people)
                )
        return version

    def _switch(self, dataset: str, token: str, people: int) -> str:
        return self._as_writer(
            dataset, token, partial(switch, dataset=dataset, import_id=token, people=people)
        )[0]

    def _keep(self, dataset: str, token: str, people: Sequence[Person]) -> int:
        """Copy the live people that `people` do not replace into import `token`; how many."""
        incoming = {p.id for p in people}
        live = self._read(lambda tx: _live_ids(tx, dataset), timeout_s=LOAD_TIMEOUT_S)
        kept = [id_ for id_ in live if id_ not in incoming]
        for _, ids in _batches(kept):
            self._as_writer(
                dataset, token, partial(_keep, dataset=dataset, import_id=token, ids=ids)
            )
        return len(kept)

    @contextmanager
    def writing(self, dataset: str, *, wait_s: float | None = None) -> Iterator[str]:
        """Be `dataset`'s only writer (WorkforceBusy after `wait_s`), as token `token`.

        Afterwards (done or failed) the lease is kept, marked as only removing, while a
        background thread deletes every import no stamp names; a new writer takes it over.
        """
        token = f"{os.getpid()}-{uuid.uuid4().hex}"
        claim = partial(_claim, dataset=dataset, token=token, lease_s=self._lease_s)
        take_turn(lambda: self._write(claim), dataset, self._wait_s if wait_s is None else wait_s)
        try:
            self._adopt_legacy(dataset, token)
            yield token
        finally:
            self._remove_unserved_later(dataset, token)

    def sweep(self) -> list[str]:
        """Start removing what interrupted writers left (and adopt people stored before
        imports had ids); the datasets concerned, unless a live writer holds them."""
        return sweep_each(self.writing, self._untidy())

    def _untidy(self) -> list[str]:
        def untidy(tx: ManagedTransaction) -> list[str]:
            imports = tx.run(load_query("seed/workforce_imports"), dataset=None)
            legacy = tx.run(load_query("seed/workforce_legacy"), dataset=None)
            return [str(r["dataset"]) for r in imports if r["import"] != r["live"]] + [
                str(r["dataset"]) for r in legacy
            ]

        return self._read(untidy)

    def _remove_unserved_later(self, dataset: str, token: str) -> None:
        """Keep the lease, yielding it to any new writer, while a thread removes the imports
        no stamp names; release it at once when there are none."""
        try:
            unserved = self._as_writer(
                dataset, token, partial(_unserved, dataset=dataset), removing=True
            )
            if not unserved:
                self._release(dataset, token)
                return
        except CareerGraphError as error:  # lost, or the store is down: the next writer's turn
            log.warning(
                "dataset %s: replaced people left to the next writer: %s", dataset, error.detail
            )
            return
        thread = threading.Thread(
            target=self._remove,
            args=(dataset, token, unserved),
            name=f"workforce-removal-{dataset}",
            daemon=True,
        )
        self._removals = [t for t in self._removals if t.is_alive()] + [thread]
        thread.start()

    def _remove(self, dataset: str, token: str, imports: list[str]) -> None:
        """Delete the people of `imports`, a batch per transaction, while `token` holds the
        lease; then release it."""
        try:
            for unserved in imports:
                remove = partial(_remove_batch, dataset=dataset, import_id=unserved)
                while self._as_writer(dataset, token, remove, removing=True):
                    pass
            self._release(dataset, token)
        except WorkforceBusy:
            return  # a new writer took over: it removes the rest after its write
        except CareerGraphError as error:
            log.warning("dataset %s: replaced people not removed yet: %s", dataset, error.detail)

    def _release(self, dataset: str, token: str) -> None:
        self._write(partial(_take, dataset=dataset, token=None, holder=token, lease_s=0))

    def _adopt_legacy(self, dataset: str, token: str) -> None:
        """People stored before imports had ids become an import of their own, made live."""
        if not self._read(
            lambda tx: list(tx.run(load_query("seed/workforce_legacy"), dataset=dataset))
        ):
            return
        adopted = f"adopted-{uuid.uuid4().hex}"
        adopt = partial(_adopt_batch, dataset=dataset, import_id=adopted)
        people = 0
        while (done := self._as_writer(dataset, token, adopt)) > 0:
            people += done
        self._as_writer(
            dataset, token, partial(switch, dataset=dataset, import_id=adopted, people=people)
        )
        log.info("dataset %s: %d people stored before imports had ids adopted", dataset, people)

    def _as_writer(
        self,
        dataset: str,
        token: str,
        work: Callable[[ManagedTransaction], T],
        removing: bool = False,
    ) -> T:
        """`work` in one transaction that renews `token`'s lease (WorkforceBusy if lost)."""

        def renewed(tx: ManagedTransaction) -> T:
            _still_writer(tx, dataset, token, self._lease_s, removing=removing)
            return work(tx)

        return self._write(renewed)

    def erase(self, dataset: str, person: str) -> bool:
        """Delete every copy of `person`: in the live import, in one being staged or removed."""

        def erase(tx: ManagedTransaction) -> bool:
            found = tx.run(load_query("seed/workforce_remove_people"), dataset=dataset, id=person)
            if not found.single(strict=True)["deleted"]:
                return False
            stamp(tx, dataset)
            return True

        self.apply_schema()
        with self.writing(dataset) as token:
            erased = self._as_writer(dataset, token, erase)
        return erased

    def drop(self, dataset: str) -> bool:
        """Delete `dataset`'s whole workforce, every import; True if it had people. The
        stamp goes first (readers see no one at once), then the people, before returning."""
        self.apply_schema()
        with self.writing(dataset) as token:
            had = self._as_writer(dataset, token, partial(_unstamp, dataset=dataset))
        self.settle()
        return had > 0

    def apply_schema(self) -> None:
        """Constraints and indexes of the workforce (idempotent; not in a data transaction)."""
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


def _unserved(tx: ManagedTransaction, dataset: str) -> list[str]:
    """The imports of `dataset` its stamp does not name (replaced, or left by a writer)."""
    imports = tx.run(load_query("seed/workforce_imports"), dataset=dataset)
    return [str(r["import"]) for r in imports if r["import"] != r["live"]]


def _live_ids(tx: ManagedTransaction, dataset: str) -> list[str]:
    return [str(r["id"]) for r in tx.run(load_query("seed/workforce_live_ids"), dataset=dataset)]


def _merge_in_place(tx: ManagedTransaction, dataset: str, token: str, ids: list[str]) -> str:
    """The staged people of `token` join the live import; those they replace go to removal."""
    replaced = f"{token}-replaced"
    query = load_query("seed/workforce_merge")
    tx.run(query, dataset=dataset, ids=ids, replaced=replaced, import_id=token).consume()
    version = stamp(tx, dataset)
    assert version is not None, "a merge in place has a stamp to renew"
    return version


def _keep(tx: ManagedTransaction, dataset: str, import_id: str, ids: Sequence[str]) -> int:
    query = load_query("seed/workforce_keep")
    found = tx.run(query, dataset=dataset, ids=list(ids), import_id=import_id).single()
    return int(found["copied"]) if found else 0


def _remove_batch(tx: ManagedTransaction, dataset: str, import_id: str) -> int:
    found = tx.run(
        load_query("seed/workforce_remove_import"),
        dataset=dataset,
        batch=BATCH_SIZE,
        import_id=import_id,
    ).single()
    return int(found["deleted"]) if found else 0


def _adopt_batch(tx: ManagedTransaction, dataset: str, import_id: str) -> int:
    found = tx.run(
        load_query("seed/workforce_adopt"), dataset=dataset, batch=BATCH_SIZE, import_id=import_id
    ).single()
    return int(found["adopted"]) if found else 0


def _unstamp(tx: ManagedTransaction, dataset: str) -> int:
    return int(
        tx.run(load_query("seed/workforce_unstamp"), dataset=dataset).single(strict=True)["people"]
    )


def _claim(tx: ManagedTransaction, dataset: str, token: str, lease_s: float) -> bool:
    """Take the writer node of `dataset` for `token` if nobody alive holds it to write."""
    holder = tx.run(load_query("seed/workforce_claim"), dataset=dataset).single(strict=True)
    free = (
        holder["token"] is None
        or holder["expired"]
        or holder["removing"]
        or (holder["host"] == socket.gethostname() and not _alive(holder["pid"]))
    )
    if free:
        _take(tx, dataset, token, holder=None, lease_s=lease_s)
    return bool(free)


def _take(
    tx: ManagedTransaction,
    dataset: str,
    token: str | None,
    holder: str | None,
    lease_s: float,
    removing: bool = False,
) -> int:
    found = tx.run(
        load_query("seed/workforce_take"),
        dataset=dataset,
        token=token,
        holder=holder,
        host=socket.gethostname() if token else None,
        pid=os.getpid() if token else None,
        ttl=lease_s,
        removing=removing,
    ).single()
    return int(found["held"]) if found else 0


def _still_writer(
    tx: ManagedTransaction, dataset: str, token: str, lease_s: float, removing: bool = False
) -> None:
    """Renew the lease; WorkforceBusy if another writer took it (ours ran out, or we were
    only removing)."""
    if not _take(tx, dataset, token, holder=token, lease_s=lease_s, removing=removing):
        raise WorkforceBusy(
            f"The write to the workforce of dataset {dataset!r} lost its writer lease to "
            "another writer; nothing of it was switched in. Retry."
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
