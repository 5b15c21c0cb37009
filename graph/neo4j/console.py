"""The analyst console: ad-hoc, read-only Cypher against Neo4j, bounded in time and rows.

Read-only is enforced twice: the gate (graph/neo4j/console_gate.py) checks the text
and Neo4j's EXPLAIN of it, then the query runs in a READ transaction, in which Neo4j
refuses any write by itself.
The time limit is the transaction's server-side timeout; the row cap pulls
`limit + 1` records and discards the rest (Neo4j stops producing them).

The library (cypher/library/*.cypher, catalogued by graph/neo4j/library.py) runs
through the same gate, so analysts get the same answers from the HTTP API and the CLI.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from itertools import islice
from typing import Any

from neo4j import READ_ACCESS, Driver, NotificationMinimumSeverity, Query
from neo4j.exceptions import (
    AuthError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from pydantic import BaseModel, ConfigDict, Field

from graph.cypher import load_query
from graph.errors import (
    CareerGraphError,
    QueryFailed,
    QueryRefused,
    QueryTimeout,
    StoreUnavailable,
)
from graph.neo4j import console_gate
from graph.neo4j.library import DATASET_PARAM, library_params, library_query
from graph.neo4j.values import to_json

DEFAULT_TIMEOUT_S = 5.0
MAX_TIMEOUT_S = 30.0
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000
MAX_QUERY_CHARS = 20_000
# Tags every console transaction, so SHOW TRANSACTIONS and the query log tell them apart.
METADATA = {"app": "careergraph-console"}


class ConsoleResult(BaseModel):
    """A query's answer as plain JSON: nodes, relationships and paths included."""

    model_config = ConfigDict(frozen=True)

    columns: list[str] = Field(examples=[["code", "title"]])
    rows: list[list[Any]] = Field(examples=[[["3.2", "Programmer"]]])
    truncated: bool = Field(description="true when the query had more rows than `limit`")
    row_count: int = Field(description="rows returned (at most `limit`)")
    dataset_version: str | None = Field(description="the stamped dataset the query read")
    elapsed_ms: float


def run_query(
    driver: Driver,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str,
    dataset: str,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> ConsoleResult:
    """Check `text`, then run it read-only with at most `timeout_s` and `limit` rows.

    Parameters travel as Neo4j parameters, never in the text: they are data. `$dataset`
    is `dataset` unless the caller gives it; the answer carries that dataset's version.
    """
    if not 0 < timeout_s <= MAX_TIMEOUT_S or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"timeout_s must be in (0, {MAX_TIMEOUT_S}], limit in [1, {MAX_LIMIT}]")
    console_gate.check_text(text)
    params = {DATASET_PARAM: dataset, **(params or {})}
    started = time.monotonic()
    try:
        with driver.session(
            database=database,
            default_access_mode=READ_ACCESS,
            fetch_size=limit + 1,
            # analysts' deprecated syntax is theirs to see, not the service log's
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        ) as session:
            explain = Query("EXPLAIN\n" + text, metadata=METADATA, timeout=timeout_s)
            console_gate.check_plan(session.run(explain, params).consume(), database=database)
            with session.begin_transaction(metadata=METADATA, timeout=timeout_s) as tx:
                stamp = tx.run(load_query("store/dataset"), dataset=params[DATASET_PARAM]).single()
                result = tx.run(text, params)
                columns = list(result.keys())
                records = list(islice(result, limit + 1))
    except Neo4jError as error:
        raise _translated(error, timeout_s) from error
    except (ServiceUnavailable, SessionExpired) as error:
        raise StoreUnavailable(f"Neo4j did not answer: {error}") from error
    rows = [[to_json(value) for value in record.values()] for record in records[:limit]]
    return ConsoleResult(
        columns=columns,
        rows=rows,
        truncated=len(records) > limit,
        row_count=len(rows),
        dataset_version=str(stamp["version"]) if stamp else None,
        elapsed_ms=round((time.monotonic() - started) * 1000, 1),
    )


def _translated(error: Neo4jError, timeout_s: float) -> CareerGraphError:
    """The domain error for what Neo4j said; its message is kept, its stack trace is not."""
    code = error.code or ""
    message = error.message or str(error)
    if isinstance(error, AuthError):
        return StoreUnavailable(f"Neo4j refused the console's credentials: {message}")
    if "TransactionTimedOut" in code:
        return QueryTimeout(
            f"The query ran past its {timeout_s:g} s limit and Neo4j stopped it; "
            f"narrow it, add LIMIT, or raise timeout_s (at most {MAX_TIMEOUT_S:g} s)."
        )
    if code.endswith(("Statement.AccessMode", "Security.Forbidden")):
        return QueryRefused(f"Neo4j refused it in the read-only transaction: {message}")
    if code.endswith("Statement.UnsupportedAdministrationCommand"):
        return QueryRefused(f"Administration commands are not for the console: {message}")
    if "MemoryPoolOutOfMemoryError" in code:
        return QueryFailed(f"The query needs more memory than Neo4j allows: {message}")
    if isinstance(error, TransientError):
        return StoreUnavailable(f"Neo4j could not run the query now; retry: {message}")
    return QueryFailed(f"Neo4j rejected the query ({code}): {message}")


def run_library(
    driver: Driver,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str,
    default_dataset: str,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> ConsoleResult:
    """Run library query `name` through the same gate and limits as any other query."""
    query = library_query(name)
    chosen = library_params(query, params or {}, default_dataset=default_dataset)
    return run_query(
        driver,
        query.query,
        chosen,
        database=database,
        dataset=chosen[DATASET_PARAM],
        timeout_s=timeout_s,
        limit=limit,
    )
