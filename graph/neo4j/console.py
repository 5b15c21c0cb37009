"""The analyst console: ad-hoc, read-only Cypher against Neo4j, bounded in time and rows.

Read-only is enforced twice: the gate (graph/neo4j/console_gate.py) checks the text
and Neo4j's EXPLAIN of it, then the query runs in a READ transaction, in which Neo4j
refuses any write by itself.
The time limit is the transaction's server-side timeout; the row cap stops pulling
after `limit` rows and the byte cap after `max_bytes` of JSON rows (records stream in
small batches, so neither the driver nor Neo4j produces much past either). Neo4j's
transaction memory limit (app/neo4j_launcher.py, docker-compose.yml) bounds what one
query may build inside the server.

The library (cypher/library/*.cypher, catalogued by graph/neo4j/library.py) runs
through the same gate, so analysts get the same answers from the HTTP API and the CLI.

People: a query the gate finds could read personal data (console_gate.personal_reach)
runs only when the caller passes `personal`, the audit of a caller allowed to read
people (a `steward` key, docs/workforce.md); it is called before the query runs.
Otherwise the query is refused.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import Any

from neo4j import (
    READ_ACCESS,
    Driver,
    NotificationMinimumSeverity,
    Query,
    Result,
)
from neo4j.exceptions import AuthError, Neo4jError, TransientError
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
from graph.neo4j.connection import UNAVAILABLE, unavailable
from graph.neo4j.library import DATASET_PARAM, library_params, library_query
from graph.neo4j.values import to_json

DEFAULT_TIMEOUT_S = 5.0
MAX_TIMEOUT_S = 30.0
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000
DEFAULT_MAX_BYTES = 4 << 20
# Records pulled per round trip: small, so the byte cap also bounds the driver's buffer.
FETCH_ROWS = 50
MAX_QUERY_CHARS = 20_000
# Tags every console transaction, so SHOW TRANSACTIONS and the query log tell them apart.
METADATA = {"app": "careergraph-console"}


class ConsoleResult(BaseModel):
    """A query's answer as plain JSON: nodes, relationships and paths included."""

    model_config = ConfigDict(frozen=True)

    columns: list[str] = Field(examples=[["code", "title"]])
    rows: list[list[Any]] = Field(examples=[[["3.2", "Programmer"]]])
    truncated: bool = Field(
        description="true when the query had more rows than `limit`, or more bytes of rows "
        "than the service's cap (CAREERGRAPH_CONSOLE_MAX_BYTES)"
    )
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
    max_bytes: int = DEFAULT_MAX_BYTES,
    personal: Callable[[str], None] | None = None,
    reviewed: bool = False,
) -> ConsoleResult:
    """Check `text`, then run it read-only with at most `timeout_s`, `limit` rows and
    `max_bytes` of rows (as JSON).

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
            fetch_size=min(limit + 1, FETCH_ROWS),
            # analysts' deprecated syntax is theirs to see, not the service log's
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        ) as session:
            explain = Query("EXPLAIN\n" + text, metadata=METADATA, timeout=timeout_s)
            plan = session.run(explain, params).consume()
            console_gate.check_plan(plan, database=database)
            reach = (
                console_gate.personal_text(text)
                if reviewed
                else console_gate.personal_reach(text, plan)
            )
            _check_personal(reach, personal)
            with session.begin_transaction(metadata=METADATA, timeout=timeout_s) as tx:
                stamp = tx.run(load_query("store/dataset"), dataset=params[DATASET_PARAM]).single()
                result = tx.run(text, params)
                columns = list(result.keys())
                rows, truncated = _capped_rows(result, limit, max_bytes)
    except Neo4jError as error:
        raise _translated(error, timeout_s) from error
    except UNAVAILABLE as error:  # named without the server's address: clients read it
        raise unavailable(error) from error
    return ConsoleResult(
        columns=columns,
        rows=rows,
        truncated=truncated,
        row_count=len(rows),
        dataset_version=str(stamp["version"]) if stamp else None,
        elapsed_ms=round((time.monotonic() - started) * 1000, 1),
    )


def _check_personal(reach: str | None, personal: Callable[[str], None] | None) -> None:
    if reach is None:
        return
    if personal is None:
        raise QueryRefused(
            f"The query could read personal data: {reach}. People's data needs a key with "
            "the 'steward' scope (docs/workforce.md, Privacy)."
        )
    personal(reach)


def _capped_rows(result: Result, limit: int, max_bytes: int) -> tuple[list[list[Any]], bool]:
    """The first rows as JSON values, within `limit` rows and `max_bytes`; and whether
    there were more (the row past a cap is never kept)."""
    rows: list[list[Any]] = []
    size = 0
    for record in result:
        if len(rows) == limit:
            return rows, True
        row = [to_json(value) for value in record.values()]
        size += len(json.dumps(row, ensure_ascii=False))
        if size > max_bytes:
            return rows, True
        rows.append(row)
    return rows, False


def _translated(error: Neo4jError, timeout_s: float) -> CareerGraphError:
    """The domain error for what Neo4j said; its message is kept, its stack trace is not."""
    code = error.code or ""
    message = error.message or str(error)
    if isinstance(error, AuthError):
        return unavailable(error)
    if "TransactionTimedOut" in code:
        return QueryTimeout(
            f"The query ran past its {timeout_s:g} s limit and Neo4j stopped it; "
            f"narrow it, add LIMIT, or raise timeout_s (at most {MAX_TIMEOUT_S:g} s)."
        )
    if code.endswith(("Statement.AccessMode", "Security.Forbidden")):
        return QueryRefused(f"Neo4j refused it in the read-only transaction: {message}")
    if code.endswith("Statement.UnsupportedAdministrationCommand"):
        return QueryRefused(f"Administration commands are not for the console: {message}")
    if "OutOfMemoryError" in code:  # the transaction's memory pool, or the heap itself
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
    max_bytes: int = DEFAULT_MAX_BYTES,
    personal: Callable[[str], None] | None = None,
    min_group_size: int | None = None,
) -> ConsoleResult:
    """Run library query `name` through the same gate and limits as any other query
    (`min_group_size`: the configured one, the least a query may be given)."""
    query = library_query(name)
    chosen = library_params(
        query, params or {}, default_dataset=default_dataset, min_group_size=min_group_size
    )
    return run_query(
        driver,
        query.query,
        chosen,
        database=database,
        dataset=chosen[DATASET_PARAM],
        timeout_s=timeout_s,
        limit=limit,
        max_bytes=max_bytes,
        personal=personal,
        reviewed=True,
    )
