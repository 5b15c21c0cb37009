"""Load a validated release into Neo4j: schema first, then ONE write transaction (a big
first write is staged in several, then adopted in one: below).

Every node written carries the dataset's id and every statement is scoped to it, so
loading, replacing or removing one dataset never touches another.

Everything is written with batched `UNWIND $rows ... MERGE` on the unique keys,
the `(:Dataset)` node is stamped, then whatever an older dataset left is pruned,
all in the same transaction: a load that fails anywhere leaves the previous
dataset intact, and loading the same data twice changes nothing.

A big release of a dataset not stored yet (over ONE_TRANSACTION_ROWS rows) would not
fit one transaction's memory (3,000 roles take about 1 GiB in one; the launcher's 3 GiB
heap gives a transaction 1.1 GiB, and 30,000 roles would need ten times that), so it is
STAGED: written in transactions of STAGED_TRANSACTION_ROWS rows under a staging id no
reader asks for (no `(:Dataset)` node carries it), then adopted in one last transaction
that takes the dataset's lock, gives every staged node the dataset's id (a property per
node: the relationships, most of the volume, follow their nodes untouched) and stamps it.
A reader sees no dataset, then the whole release; a staged write that fails removes
its staging. The adoption is the limit: at 30,000 roles (729,000 nodes renamed) it was
refused TooLarge with the 3 GiB heap, 24 minutes after the seed began (docs/benchmarks.md,
"30,000 roles"). A stored dataset is still replaced in one transaction: its nodes carry
the people of its workforce (HOLDS, HAS), which a replacement keeps by merging in place.
The career links written are the release's (graph/release.py): the link policy
stays in graph.algorithms.links, and the stamp's version covers data and policy.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError

from graph.algorithms.direction import STEP_DOWN
from graph.algorithms.similarity import (
    DESCRIPTION_WEIGHT,
    FAMILY_WEIGHT,
    TITLE_WEIGHT,
    Relatedness,
)
from graph.cypher import load_query, statements
from graph.datafiles import canonical
from graph.errors import DatasetError, DatasetExists, TooLarge
from graph.models import CareerLink, Competence, Dataset, Role
from graph.release import Release
from graph.validation import problems

BATCH_SIZE = 500
# Above this many rows, a first write is staged (see the module docstring); 3,000 roles
# are about 270,000 rows.
ONE_TRANSACTION_ROWS = 100_000
STAGED_TRANSACTION_ROWS = 20_000
# What a staging id adds to the dataset's: never a valid dataset id (models.DATASET_ID_PATTERN).
STAGING_MARK = "~staging~"
# What the Cypher twin of next moves needs beside the roles' word vectors: the model's
# weights and the step-down share (graph.algorithms.similarity and .direction).
RELATEDNESS_SETTINGS = {
    "relatedness_title_weight": TITLE_WEIGHT,
    "relatedness_description_weight": DESCRIPTION_WEIGHT,
    "relatedness_family_weight": FAMILY_WEIGHT,
    "step_down": STEP_DOWN,
}
T = TypeVar("T")
Row = dict[str, Any]
# progress(rows_done, rows_total, step): called after every batch, inside the transaction.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class SeedStep:
    """One seed query (cypher/seed/<query>.cypher) and the rows it writes."""

    query: str
    rows: list[Row]


def load_release_into_neo4j(
    driver: Driver,
    release: Release,
    *,
    database: str,
    progress: Progress | None = None,
) -> str:
    """Validate, apply the schema, and replace the stored release; return its version.

    The dataset is put in canonical order first, so what Neo4jStore reads back has
    the same version as the stamp.
    """
    release = Release(canonical(release.dataset), release.links, release.link_policy)
    write_release(driver, release, database=database, progress=progress)
    return release.version


def write_release(
    driver: Driver,
    release: Release,
    *,
    database: str,
    replace: bool = True,
    progress: Progress | None = None,
) -> bool:
    """Write the release in one transaction (a big first write staged: the module's
    docstring), holding the dataset's lock; True when it
    replaced a stored release. Without `replace`, a stored one raises DatasetExists (checked
    under the lock: of two first imports at once, the second sees the first)."""
    dataset, links = release.dataset, release.links
    validate(dataset, links)
    apply_schema(driver, database=database)
    steps = plan(release)
    counter = _Counter(sum(len(step.rows) for step in steps), progress)
    if counter.total > ONE_TRANSACTION_ROWS and not _stored(driver, dataset.id, database):
        staged = _write_staged(driver, dataset.id, steps, counter, database=database)
        if staged:
            return False
        if not replace:
            raise _exists(dataset.id)
        # Stored meanwhile: replaced in one transaction below (which counts from 0 again).

    def write(tx: ManagedTransaction) -> bool:
        counter.done = 0  # a retried transaction starts over
        locked = tx.run(load_query("seed/lock_dataset"), dataset=dataset.id).single(strict=True)
        if locked["stored"] and not replace:
            raise _exists(dataset.id)
        for step in steps:
            _write_step(tx, step, dataset.id, counter)
        tx.run(load_query("seed/prune_nodes"), **_node_keys(dataset)).consume()
        tx.run(
            load_query("seed/prune_relationships"),
            dataset=dataset.id,
            **_relationship_keys(dataset, links),
        ).consume()
        return bool(locked["stored"])

    with driver.session(database=database) as session:
        return session.execute_write(_memory_bounded(write))


def _exists(dataset: str) -> DatasetExists:
    return DatasetExists(
        f"A dataset {dataset!r} is stored already: replace it, or import it under another id."
    )


@dataclass
class _Counter:
    """Rows written so far of `total`, told to `progress` after every batch."""

    total: int
    progress: Progress | None
    done: int = 0

    def add(self, rows: int, step: str) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(self.done, self.total, step)


def _write_step(tx: ManagedTransaction, step: SeedStep, dataset: str, counter: _Counter) -> None:
    """Every row of `step`, in batches, into `dataset` (a dataset's id or a staging id)."""
    for batch in _batches(step.rows):
        query = load_query(f"seed/{step.query}")
        written = tx.run(query, rows=batch, dataset=dataset).single(strict=True)
        if written["written"] != len(batch):
            raise DatasetError(
                f"seed/{step.query}: wrote {written['written']} of {len(batch)} rows "
                "(a referenced node is missing)"
            )
        counter.add(len(batch), step.query)


def _stored(driver: Driver, dataset: str, database: str) -> bool:
    found = driver.execute_query(
        "MATCH (d:Dataset {id: $dataset}) RETURN d.version IS NOT NULL AS stored",
        dataset=dataset,
        database_=database,
    ).records
    return bool(found and found[0]["stored"])


def _write_staged(
    driver: Driver, dataset: str, steps: list[SeedStep], counter: _Counter, *, database: str
) -> bool:
    """Write a release of `dataset` in several transactions under a staging id, then adopt
    it and stamp it in one (see the module docstring); False, with the staging removed,
    when another writer stored the dataset meanwhile."""
    staging = f"{dataset}{STAGING_MARK}{uuid.uuid4().hex}"
    *data, stamp = steps  # the (:Dataset) stamp goes last, with the adoption

    def adopt(tx: ManagedTransaction) -> bool:
        locked = tx.run(load_query("seed/lock_dataset"), dataset=dataset).single(strict=True)
        if locked["stored"]:
            return False
        tx.run(load_query("seed/adopt_staging"), staging=staging, dataset=dataset).consume()
        _write_step(tx, stamp, dataset, counter)
        return True

    try:
        with driver.session(database=database) as session:
            for part in _staged_parts(data):
                session.execute_write(_memory_bounded(_part_writer(part, staging, counter)))
            adopted = session.execute_write(_memory_bounded(adopt))
    except BaseException:
        _remove_staging(driver, staging, database=database)
        raise
    if not adopted:
        _remove_staging(driver, staging, database=database)
    return adopted


def _part_writer(
    part: list[SeedStep], staging: str, counter: _Counter
) -> Callable[[ManagedTransaction], None]:
    """One staged transaction's work: the steps of `part`, into the staging."""
    before = counter.done

    def write(tx: ManagedTransaction) -> None:
        counter.done = before  # a retried transaction starts over
        for step in part:
            _write_step(tx, step, staging, counter)

    return write


def _staged_parts(steps: list[SeedStep]) -> Iterator[list[SeedStep]]:
    """The steps cut into parts of at most STAGED_TRANSACTION_ROWS rows, in order."""
    part: list[SeedStep] = []
    size = 0
    for step in steps:
        for start in range(0, len(step.rows), STAGED_TRANSACTION_ROWS):
            rows = step.rows[start : start + STAGED_TRANSACTION_ROWS]
            if size + len(rows) > STAGED_TRANSACTION_ROWS and part:
                yield part
                part, size = [], 0
            part.append(SeedStep(step.query, rows))
            size += len(rows)
    if part:
        yield part


def _remove_staging(driver: Driver, staging: str, *, database: str) -> None:
    """Delete a staging in transactions of its own (`CALL ... IN TRANSACTIONS`: never one
    transaction, whatever its size)."""
    with driver.session(database=database) as session:
        session.run(load_query("seed/remove_staging"), staging=staging).consume()


def _memory_bounded(
    work: Callable[[ManagedTransaction], T],
) -> Callable[[ManagedTransaction], T]:
    """`work`, with the server refusing it for memory made TooLarge: the driver would retry
    that transient error for 30 s, and the next try needs the same memory."""

    def bounded(tx: ManagedTransaction) -> T:
        try:
            return work(tx)
        except Neo4jError as error:
            if "Memory" not in (error.code or ""):
                raise
            raise TooLarge(
                "the dataset is too large for the Neo4j server's transaction memory "
                f"({error.code}): raise the server's heap or its "
                "db.memory.transaction.max, or import fewer roles"
            ) from None

    return bounded


def remove_dataset_from_neo4j(driver: Driver, dataset: str, *, database: str) -> bool:
    """Delete one dataset and everything in it, in one transaction; False if absent."""

    def remove(tx: ManagedTransaction) -> int:
        deleted: int = tx.run(load_query("seed/remove_dataset"), dataset=dataset).single(
            strict=True
        )["deleted"]
        return deleted

    with driver.session(database=database) as session:
        return session.execute_write(remove) > 0


def apply_schema(driver: Driver, *, database: str) -> None:
    """Create the constraints and indexes of cypher/schema.cypher (idempotent).

    Schema changes cannot share a transaction with data writes, so this runs first.
    """
    for statement in statements("schema"):
        driver.execute_query(statement, database_=database)


def validate(dataset: Dataset, links: Sequence[CareerLink]) -> None:
    """Reject the load before anything is written: cross-references and the links' roles."""
    found = [str(p) for p in problems(dataset)]
    roles = {r.code for r in dataset.roles}
    found += [
        f"career link {k.source} -> {k.target}: unknown role"
        for k in links
        if k.source not in roles or k.target not in roles
    ]
    keys = Counter((k.source, k.target, k.kind) for k in links)
    found += [
        f"career link {a} -> {b} ({kind}) given twice" for (a, b, kind), n in keys.items() if n > 1
    ]
    stated = {(k.source, k.target) for k in dataset.links}
    documented = {(a, b) for (a, b, kind) in keys if kind == "documented"}
    found += [
        f"documented link {a} -> {b} has no career link" for a, b in sorted(stated - documented)
    ]
    found += [
        f"career link {a} -> {b} is documented by nothing" for a, b in sorted(documented - stated)
    ]
    if found:
        more = f" (and {len(found) - 1} more problems)" if len(found) > 1 else ""
        raise DatasetError(f"{found[0]}{more}", tuple(found))


def plan(release: Release) -> list[SeedStep]:
    """The rows of every seed query, in dependency order (nodes before what links them)."""
    dataset, links = release.dataset, release.links
    competences = dataset.competences  # canonical: in natural order, so index = rank
    scale = dataset.scale
    related = Relatedness.of(dataset.roles)
    return [
        SeedStep(
            "families",
            [{"props": {**f.model_dump(), "rank": i}} for i, f in enumerate(dataset.families)],
        ),
        SeedStep(
            "areas",
            [{"props": {**a.model_dump(), "rank": i}} for i, a in enumerate(dataset.areas)],
        ),
        SeedStep(
            "competences",
            [
                {
                    "props": {
                        "code": c.code,
                        "title": c.title,
                        "description": c.description,
                        "rank": i,
                    },
                    "area": c.area,
                }
                for i, c in enumerate(competences)
            ],
        ),
        SeedStep(
            "levels",
            [
                {
                    "props": {
                        "key": level_key(c.code, d.level),
                        "competence": c.code,
                        "level": d.level,
                        "label": scale.label(d.level),
                        "eqf": scale.mapping("EQF", d.level),
                        "descriptor": d.descriptor,
                    }
                }
                for c in competences
                for d in c.levels
            ],
        ),
        SeedStep("knowledge", _item_rows(competences, "knowledge")),
        SeedStep("skills", _item_rows(competences, "skills")),
        SeedStep(
            "roles",
            [
                {
                    "props": {
                        **role_properties(r),
                        **asdict(related.word_vectors(r.code)),
                        "rank": i,
                    },
                    "family": r.family,
                }
                for i, r in enumerate(dataset.roles)
            ],
        ),
        SeedStep(
            "requires",
            [
                {
                    "role": r.code,
                    "competence": q.competence,
                    "props": {
                        "level": q.level,
                        "level_max": q.level_max,
                        "levels": list(q.levels),
                        "combine": q.combine,
                        "position": i,
                    },
                }
                for r in dataset.roles
                for i, q in enumerate(r.requirements)
            ],
        ),
        SeedStep("career_links", [_link_row(dataset, k) for k in links]),
        SeedStep(
            "dataset",
            [
                {
                    "props": {
                        "name": dataset.name,
                        "version": release.version,
                        "content_version": dataset.version,
                        "link_policy": release.link_policy,
                        "source": dataset.source,
                        "licence": dataset.licence,
                        "attribution": dataset.attribution,
                        "scale_labels": list(scale.labels),
                        "scale_json": scale.model_dump_json(),
                        **RELATEDNESS_SETTINGS,
                    }
                }
            ],
        ),
    ]


def _item_rows(competences: Sequence[Competence], items: str) -> list[Row]:
    """The knowledge or skill items of every competence, each with its position."""
    return [
        {"competence": c.code, "position": i, "props": item.model_dump()}
        for c in competences
        for i, item in enumerate(getattr(c, items))
    ]


def level_key(competence: str, level: int) -> str:
    """The ProficiencyLevel key, e.g. 'A1@4'."""
    return f"{competence}@{level}"


def role_properties(role: Role) -> Row:
    """A role's node properties: the schema's fields, plus what a lossless read-back needs.

    Activities are nested (name + tasks), which a property cannot hold, so they
    travel as JSON in `activities_json`.
    """
    career = role.career.model_dump() if role.career else {}
    return {
        "code": role.code,
        "title": role.title,
        "alt_titles": list(role.alt_titles),
        "mission": role.mission,
        "activities_json": json.dumps([a.model_dump() for a in role.activities]),
        "activities_intro": list(role.activities_intro),
        "deliverables": list(role.deliverables),
        "kpis": list(role.kpis),
        "profile": career.get("profile"),
        "experience": career.get("experience"),
        "career_note": career.get("note"),
        "min_experience_years": career.get("min_experience_years"),
        "trends": role.trends,
        "career_mentions": list(role.career_mentions),
        "source_lines": list(role.source_lines) if role.source_lines else None,
        "job_zone": role.job_zone,
    }


def _link_row(dataset: Dataset, link: CareerLink) -> Row:
    """A career link; a documented one also keeps each quote, line and note it rests on."""
    props: Row = link.model_dump(exclude={"source", "target"})
    if link.kind == "documented":
        stated = [d for d in dataset.links if (d.source, d.target) == (link.source, link.target)]
        props |= {
            "quotes": [d.evidence.quote for d in stated],
            "lines": [d.evidence.line or 0 for d in stated],  # lists hold no nulls
            "notes": [d.note for d in stated],
            "conditions": [d.condition for d in stated],
        }
    return {"source": link.source, "target": link.target, "props": props}


def _node_keys(dataset: Dataset) -> Row:
    competences = dataset.competences
    return {
        "families": [f.code for f in dataset.families],
        "areas": [a.code for a in dataset.areas],
        "competences": [c.code for c in competences],
        "levels": [level_key(c.code, d.level) for c in competences for d in c.levels],
        "knowledge": [k.key for c in competences for k in c.knowledge],
        "skills": [s.key for c in competences for s in c.skills],
        "roles": [r.code for r in dataset.roles],
        "dataset": dataset.id,
    }


def _relationship_keys(dataset: Dataset, links: Sequence[CareerLink]) -> Row:
    return {
        "requires": [[r.code, q.competence] for r in dataset.roles for q in r.requirements],
        "career_links": [[k.source, k.target, k.kind] for k in links],
    }


def _batches(rows: list[Row]) -> Iterator[list[Row]]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]
