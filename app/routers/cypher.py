"""The analyst console over HTTP: read-only Cypher and the query library (Neo4j store only).

Thin by design: the gate, the limits and the serialisation live in graph/neo4j/console*.py,
the library's catalogue in graph/neo4j/library.py, both shared with `careergraph cypher`.

A query that could read people runs only for a key that also has the `steward` scope, and
is audited (graph/workforce/audit.py): the key's name, the dataset, why the gate judged it
personal, and the query's parameter names (never their values, which may be person ids).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from app.deps import ProviderDep, SettingsDep
from app.problems import Problem, ProblemError
from app.security import ApiKey, ConsoleKey
from app.snapshots import SnapshotProvider
from graph.neo4j import console
from graph.neo4j.console import ConsoleResult
from graph.neo4j.library import LibraryQuery, library, library_query
from graph.neo4j.store import Neo4jStore
from graph.workforce import audit

router = APIRouter(prefix="/api/v1/cypher", tags=["cypher"])

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in {
        400: "Neo4j rejected the query (syntax, types, parameters, memory)",
        401: "Missing or wrong X-API-Key",
        403: "Refused: not read-only, reaches files or network; or no API key configured",
        404: "Unknown library query (with suggestions)",
        429: "As many console queries as allowed are running; retry after Retry-After",
        501: "The service runs on the embedded store, which has no Cypher",
        503: "Neo4j unavailable",
        504: "The query ran past timeout_s",
    }.items()
}


class LibraryRequest(BaseModel):
    dataset: str | None = Field(
        default=None,
        max_length=40,
        description="the dataset `$dataset` names (default: the default dataset)",
    )
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"source": "3.2"}])
    timeout_s: float = Field(default=console.DEFAULT_TIMEOUT_S, gt=0, le=console.MAX_TIMEOUT_S)
    limit: int = Field(default=console.DEFAULT_LIMIT, ge=1, le=console.MAX_LIMIT)


class CypherRequest(LibraryRequest):
    query: str = Field(
        min_length=1,
        max_length=console.MAX_QUERY_CHARS,
        examples=["MATCH (r:Role {code: $source})-[:REQUIRES]->(c) RETURN c.code, c.title"],
    )


def console_slot(request: Request) -> Iterator[None]:
    """Hold one of the console's slots for the request, or refuse it at once (429).

    Queries beyond CAREERGRAPH_CONSOLE_CONCURRENCY do not queue: a queue would hold
    the service's worker threads, which every other endpoint needs too.
    """
    slots: threading.BoundedSemaphore = request.app.state.console_slots
    if not slots.acquire(blocking=False):
        raise ProblemError(
            429,
            "Console busy",
            "As many console queries as the service allows are running; retry shortly.",
            "console-busy",
        )
    try:
        yield
    finally:
        slots.release()


ConsoleSlot = Annotated[None, Depends(console_slot)]


def personal_access(
    key: ApiKey, dataset: str, what: str, params: dict[str, Any]
) -> Callable[[str], None] | None:
    """The audit a steward key's personal query goes through; None for any other key."""
    if "steward" not in key.scopes:
        return None

    def audited(reach: str) -> None:
        names = ", ".join(sorted(params)) or "none"
        audit.record(
            f"key {key.name}", f"console {what} reading people ({reach}; params {names})", dataset
        )

    return audited


def neo4j_store(provider: SnapshotProvider) -> Neo4jStore:
    """The service's Neo4j store; the embedded store has no Cypher to offer."""
    if not isinstance(provider.store, Neo4jStore):
        raise ProblemError(
            501,
            "Analyst console needs Neo4j",
            "The service runs on the embedded store, which has no Cypher. Point it at Neo4j: "
            "set NEO4J_URI (a local server: `careergraph neo4j start` prints one), "
            "load the data with `careergraph seed load`, and restart the service.",
            "console-needs-neo4j",
        )
    return provider.store


@router.post("", response_model=ConsoleResult, responses=ERRORS)
def run_cypher(
    body: CypherRequest,
    provider: ProviderDep,
    settings: SettingsDep,
    key: ConsoleKey,
    _slot: ConsoleSlot,
) -> ConsoleResult:
    """Run one read-only Cypher query with `$params`, a time limit, a row and a byte cap.
    People's data (Person, HAS, HOLDS...) only for a key with the `steward` scope too."""
    store = neo4j_store(provider)
    dataset = body.dataset or provider.default
    return console.run_query(
        store.driver,
        body.query,
        body.params,
        database=store.database,
        dataset=dataset,
        timeout_s=body.timeout_s,
        limit=body.limit,
        max_bytes=settings.careergraph_console_max_bytes,
        personal=personal_access(key, dataset, "query", body.params),
    )


@router.get("/library", response_model=list[LibraryQuery])
def list_library() -> list[LibraryQuery]:
    """The analysts' query library: what each query answers, its parameters and columns."""
    return list(library().values())


@router.post("/library/{name}", response_model=ConsoleResult, responses=ERRORS)
def run_library(
    name: str,
    provider: ProviderDep,
    settings: SettingsDep,
    key: ConsoleKey,
    _slot: ConsoleSlot,
    body: LibraryRequest | None = None,
) -> ConsoleResult:
    """Run library query `name`; a documented parameter left out is null; no body: defaults.
    The workforce queries need the `steward` scope too; their `min_group_size` is never
    below CAREERGRAPH_MIN_GROUP_SIZE."""
    body = body or LibraryRequest()
    library_query(name)  # an unknown name is a 404 even on the embedded store
    store = neo4j_store(provider)
    return console.run_library(
        store.driver,
        name,
        {**body.params, **({"dataset": body.dataset} if body.dataset else {})},
        database=store.database,
        default_dataset=provider.default,
        timeout_s=body.timeout_s,
        limit=body.limit,
        max_bytes=settings.careergraph_console_max_bytes,
        personal=personal_access(key, body.dataset or provider.default, name, body.params),
        min_group_size=settings.careergraph_min_group_size,
    )
