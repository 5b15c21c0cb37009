"""The analyst console: ad-hoc, read-only Cypher against Neo4j, bounded in time and rows.

Read-only is enforced twice. First the query is checked: its text (comments and
string literals blanked) must be one statement calling no procedure or function
from DENIED_NAMESPACES, then Neo4j's own EXPLAIN of it must plan a read ("r"),
on the configured database, without LOAD CSV or commands outside ALLOWED_COMMANDS.
Then it runs in a READ transaction, in which Neo4j refuses any write by itself.
The time limit is the transaction's server-side timeout; the row cap pulls
`limit + 1` records and discards the rest (Neo4j stops producing them).

The library (cypher/library/*.cypher, catalogued by graph/neo4j/library.py) runs
through the same gate, so analysts get the same answers from the HTTP API and the CLI.
"""

from __future__ import annotations

import base64
import math
import re
import time
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from neo4j import READ_ACCESS, Driver, NotificationMinimumSeverity, Query, ResultSummary
from neo4j.exceptions import (
    AuthError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time
from pydantic import BaseModel, ConfigDict, Field

from graph.cypher import load_query
from graph.errors import (
    CareerGraphError,
    QueryFailed,
    QueryRefused,
    QueryTimeout,
    StoreUnavailable,
)
from graph.neo4j.library import library_params, library_query

DEFAULT_TIMEOUT_S = 5.0
MAX_TIMEOUT_S = 30.0
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000
MAX_QUERY_CHARS = 20_000
# Tags every console transaction, so SHOW TRANSACTIONS and the query log tell them apart.
METADATA = {"app": "careergraph-console"}

# Procedures and functions EXPLAIN cannot judge: declared READ (or run as data) yet they
# reach files or the network, run Cypher text the plan does not show, or act on the server.
# Any other db.* procedure is allowed: they read the graph and its schema.
DENIED_NAMESPACES: dict[str, str] = {
    "apoc.load": "reads files and URLs",
    "apoc.import": "reads files and URLs",
    "apoc.export": "writes files",
    "apoc.cypher": "runs Cypher text that the read-only check cannot see",
    "apoc.when": "runs Cypher text that the read-only check cannot see",
    "apoc.case": "runs Cypher text that the read-only check cannot see",
    "apoc.do": "runs Cypher text that the read-only check cannot see",
    "apoc.graph.fromCypher": "runs Cypher text that the read-only check cannot see",
    "apoc.periodic": "runs Cypher text in background jobs",
    "apoc.lock": "locks nodes against writers",
    "apoc.warmup": "loads the whole store into memory",
    "apoc.trigger": "installs triggers",
    "apoc.custom": "declares procedures",
    "apoc.systemdb": "runs commands on the system database",
    "apoc.bolt": "connects to other servers",
    "apoc.es": "connects to external services",
    "apoc.mongo": "connects to external services",
    "apoc.mongodb": "connects to external services",
    "apoc.couchbase": "connects to external services",
    "apoc.redis": "connects to external services",
    "apoc.dv": "reads external data sources",
    "apoc.model": "reads external databases",
    "apoc.spatial": "calls geocoding services",
    "apoc.gephi": "sends data over the network",
    "apoc.log": "writes the server log",
    "apoc.metrics": "reads server files",
    "apoc.config": "reads the server configuration",
    "apoc.static": "reads the server configuration",
    "dbms": "administers the server",
    "db.stats": "collects and reveals other users' queries",
    "db.resampleIndex": "changes the server's planning state",
    "db.resampleOutdatedIndexes": "changes the server's planning state",
    "db.prepareForReplanning": "changes the server's planning state",
    "gds": "builds in-memory graphs and writes files",
}
# SHOW/TERMINATE commands plan as reads; only these inspect the schema and nothing else.
ALLOWED_COMMANDS = frozenset({"ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"})
QUERY_TYPES = {
    "w": "writes to the database",
    "rw": "reads and writes the database",
    "s": "is a schema or administration command",
}

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_DOTTED_CALL = re.compile(
    rf"(?P<call>\bCALL\s+)?(?P<name>{_NAME}(?:\s*\.\s*{_NAME})+)(?P<paren>\s*\()?", re.IGNORECASE
)


class ConsoleResult(BaseModel):
    """A query's answer as plain JSON: nodes, relationships and paths included."""

    model_config = ConfigDict(frozen=True)

    columns: list[str] = Field(examples=[["code", "title"]])
    rows: list[list[Any]] = Field(examples=[[["3.2", "Programmer"]]])
    truncated: bool = Field(description="true when the query had more rows than `limit`")
    row_count: int = Field(description="rows returned (at most `limit`)")
    dataset_version: str | None = Field(description="the stamped dataset the query read")
    elapsed_ms: float


# --- the read-only gate -------------------------------------------------------------------


def code_only(text: str) -> str:
    """The query with comments blanked, strings emptied and `quoted` names unquoted.

    A scan of the result sees code only: no comment or string literal can hide a
    statement separator or a procedure name from it, or fake one.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair == "//":
            end = text.find("\n", i)
            i, piece = (len(text) if end < 0 else end), " "
        elif pair == "/*":
            end = text.find("*/", i + 2)
            i, piece = (len(text) if end < 0 else end + 2), " "
        elif text[i] in "'\"":
            i, piece = _literal_end(text, i), "''"
        elif text[i] == "`":
            end = _literal_end(text, i)
            name = text[i + 1 : end - 1].replace("``", "`")
            i, piece = end, re.sub(r"[^\w.]", "_", name)
        else:
            i, piece = i + 1, text[i]
        out.append(piece)
    return "".join(out)


def _literal_end(text: str, start: int) -> int:
    """The index just past the string literal or `quoted name` opening at `start`."""
    quote = text[start]
    escape = "\\" if quote != "`" else "`"  # strings: backslash escapes; names: `` is a `
    i = start + 1
    while i < len(text):
        if text[i] == escape and (quote != "`" or text[i + 1 : i + 2] == "`"):
            i += 2
        elif text[i] == quote:
            return i + 1
        else:
            i += 1
    return len(text)


def called_names(code: str) -> Iterator[str]:
    """Dotted names the code calls: `CALL a.b` (parentheses optional) or `a.b(...)`."""
    for match in _DOTTED_CALL.finditer(code):
        if match["call"] or match["paren"]:
            yield re.sub(r"\s+", "", match["name"])


def denied_reason(name: str) -> str | None:
    """Why procedure or function `name` is refused, or None if it may run."""
    lowered = name.lower()
    for namespace, reason in DENIED_NAMESPACES.items():
        if lowered == namespace.lower() or lowered.startswith(namespace.lower() + "."):
            return f"{name} {reason}; the console refuses {namespace}.*"
    return None


def check_text(text: str) -> None:
    """Refuse several statements and denied procedures before asking Neo4j anything."""
    code = code_only(text)
    if sum(1 for part in code.split(";") if part.strip()) > 1:
        raise QueryRefused("One statement per query: remove the ';' between statements.")
    for name in called_names(code):
        if reason := denied_reason(name):
            raise QueryRefused(reason)


def check_plan(summary: ResultSummary, *, database: str) -> None:
    """Refuse what Neo4j's EXPLAIN says is not a plain read of `database`."""
    kind = summary.query_type or "?"
    if kind != "r":
        what = QUERY_TYPES.get(kind, "is not a read")
        raise QueryRefused(f"The query {what} (query type {kind!r}); the console only reads.")
    for operator in _operators(summary.plan or {}):
        name, _, target = str(operator.get("operatorType", "")).partition("@")
        if target and target != database:
            raise QueryRefused(
                f"The query uses database {target!r}; the console reads {database!r} only."
            )
        if name == "LoadCSV":
            raise QueryRefused("LOAD CSV reads files and URLs; the console reads the graph only.")
        if name.startswith(("Show", "Terminate")) and name not in ALLOWED_COMMANDS:
            raise QueryRefused(
                f"The {name} command is not available in the console; "
                "SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are."
            )
        if name == "ProcedureCall":
            details = str(operator.get("args", {}).get("Details", ""))
            if reason := denied_reason(details.split("(", 1)[0].strip()):
                raise QueryRefused(reason)


def _operators(plan: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield plan
    for child in plan.get("children", ()):
        yield from _operators(child)


# --- running ------------------------------------------------------------------------------


def run_query(
    driver: Driver,
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> ConsoleResult:
    """Check `text`, then run it read-only with at most `timeout_s` and `limit` rows.

    Parameters travel as Neo4j parameters, never in the text: they are data.
    """
    if not 0 < timeout_s <= MAX_TIMEOUT_S or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"timeout_s must be in (0, {MAX_TIMEOUT_S}], limit in [1, {MAX_LIMIT}]")
    check_text(text)
    params = dict(params or {})
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
            check_plan(session.run(explain, params).consume(), database=database)
            with session.begin_transaction(metadata=METADATA, timeout=timeout_s) as tx:
                stamp = tx.run(load_query("store/dataset")).single()
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


# --- plain JSON ---------------------------------------------------------------------------


def to_json(value: Any) -> Any:
    """A Neo4j value as plain JSON (see docs/analyst-console.md for the shapes)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return value if math.isfinite(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, Node):
        return {
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": to_json(dict(value)),
        }
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": to_json(dict(value)),
        }
    if isinstance(value, Path):
        return {
            "nodes": [to_json(node) for node in value.nodes],
            "relationships": [to_json(rel) for rel in value.relationships],
        }
    if isinstance(value, Date | Time | DateTime | Duration):
        return value.iso_format()
    if isinstance(value, Point):  # before tuples: a Point is one
        coordinates = " ".join(repr(float(c)) for c in value)
        return f"SRID={value.srid};POINT{' Z' if len(value) == 3 else ''}({coordinates})"
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    return str(value)


# --- the library --------------------------------------------------------------------------


def run_library(
    driver: Driver,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> ConsoleResult:
    """Run library query `name` through the same gate and limits as any other query."""
    query = library_query(name)
    return run_query(
        driver,
        query.query,
        library_params(query, params or {}),
        database=database,
        timeout_s=timeout_s,
        limit=limit,
    )
