"""The console's read-only gate: which Cypher the analyst console agrees to run.

Two checks before anything runs: the text (comments and string literals blanked,
read as Neo4j's lexer reads them) must be one statement calling no procedure or
function from DENIED_NAMESPACES; then Neo4j's own EXPLAIN of it must plan a read
("r") of the configured database, without LOAD CSV or commands outside
ALLOWED_COMMANDS, and calling no denied procedure or function in any operator (the
plan is Neo4j's own parse, so no comment or quoting trick hides a name from it).
The READ transaction the query then runs in (graph/neo4j/console.py) is the third
line of defence.

Personal data (docs/workforce.md, "Privacy"): Neo4j Community has no fine-grained
roles, so the gate decides who reads people. `personal_reach` says why a query could
read them: its text or plan names a personal label or relationship type
(PERSONAL_TOKENS), or its plan reaches nodes or relationships without saying what they
are (scans of all nodes or relationships, seeks by id, expansions over untyped
relationships, dynamic labels), which could be people. Such a query runs only for a
key with the `steward` scope, and is audited; for any other key it is refused. The
library's queries are reviewed code: their text alone decides (`personal_text`), so the
workforce queries need the steward scope and the others stay open (overview.cypher
leaves the personal labels out by name); the plan heuristics would refuse some of them
(shortest paths plan their typed hops as untyped ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from neo4j import ResultSummary

from graph.errors import QueryRefused

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

# Labels and relationship types that hold personal data, and their stamps.
PERSONAL_TOKENS = ("Person", "HAS", "HOLDS", "Workforce", "WorkforceWriter")
_PERSONAL = re.compile(rf"[:|&!]\s*(?:{'|'.join(PERSONAL_TOKENS)})\b")
# Operators that read nodes or relationships whatever they are: they could read people.
UNLABELLED = frozenset(
    {
        "AllNodesScan",
        "PartitionedAllNodesScan",
        "NodeByIdSeek",
        "NodeByElementIdSeek",
        "DirectedRelationshipByIdSeek",
        "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek",
        "UndirectedRelationshipByElementIdSeek",
        "DirectedAllRelationshipsScan",
        "UndirectedAllRelationshipsScan",
        "PartitionedDirectedAllRelationshipsScan",
        "PartitionedUndirectedAllRelationshipsScan",
    }
)
# A relationship pattern in a plan's details: `-[r:TYPE]->`, `<-[anon_0]-`, `-[r*1..3]-`.
_RELATIONSHIP = re.compile(r"-\[([^\]]*)\]-")
# A relationship of any type with no brackets at all, as degrees print: `getDegree((c)<--())`.
_BARE_RELATIONSHIP = re.compile(r"\)\s*(?:<--|-->|--)\s*\(")
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# Neo4j ends a `//` comment at \r or \n only: \u2028, \u2029, \u0085, \v and \f are
# whitespace or name characters to it, and the comment goes on past them.
_LINE_END = re.compile(r"[\r\n]")
_DOTTED_CALL = re.compile(
    rf"(?P<call>\bCALL\s+)?(?P<name>{_NAME}(?:\s*\.\s*{_NAME})+)(?P<paren>\s*\()?", re.IGNORECASE
)


def code_only(text: str) -> str:
    """The query with comments blanked, strings emptied and `quoted` names unquoted.

    A scan of the result sees code only: no comment or string literal can hide a
    statement separator or a procedure name from it, or fake one. Comments and
    literals end where Neo4j's lexer ends them.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair == "//":
            line_end = _LINE_END.search(text, i)
            i, piece = (len(text) if line_end is None else line_end.start()), " "
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
        details = code_only(str(operator.get("args", {}).get("Details", "")))
        called = list(called_names(details))  # the functions any operator evaluates
        if name == "ProcedureCall":  # its details start with the procedure's name
            called.append(details.split("(", 1)[0].strip())
        for reason in filter(None, map(denied_reason, called)):
            raise QueryRefused(reason)


def _operators(plan: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield plan
    for child in plan.get("children", ()):
        yield from _operators(child)


def personal_text(text: str) -> str | None:
    """Why the query's text reads personal data (it names a personal label or type, or
    calls APOC), or None. For the library's reviewed queries this is the whole check."""
    code = code_only(text)
    if found := _PERSONAL.search(code):
        return f"it names {found.group(0).lstrip(':|&! ')}, which holds personal data"
    if any(name.lower().startswith("apoc.") for name in called_names(code)):
        return "APOC procedures and functions can walk the graph to people"
    return None


def personal_reach(text: str, summary: ResultSummary) -> str | None:
    """Why the query could read personal data (its text, or Neo4j's plan of it), or None."""
    if reason := personal_text(text):
        return reason
    operators = [
        (
            str(operator.get("operatorType", "")).partition("@")[0],
            code_only(str(operator.get("args", {}).get("Details", ""))),
        )
        for operator in _operators(summary.plan or {})
    ]
    # A relationship variable typed by one operator (`(r)-[l:IN_FAMILY]->(f)`) may be
    # printed bare by another (a path built from it): it is typed.
    typed = {
        pattern.split(":", 1)[0].strip()
        for _, details in operators
        for pattern in _RELATIONSHIP.findall(details)
        if ":" in pattern
    }
    for name, details in operators:
        if name in UNLABELLED:
            return f"its plan reads nodes or relationships of any kind ({name}), people included"
        if found := _PERSONAL.search(details):
            return f"its plan reads {found.group(0).lstrip(':|&! ')}, which holds personal data"
        if "$(" in details:
            return "it chooses labels or types at run time, which could be personal ones"
        untyped = [
            p
            for p in _RELATIONSHIP.findall(details)
            if ":" not in p and p.split("*", 1)[0].strip() not in typed
        ]
        if untyped or _BARE_RELATIONSHIP.search(details):
            return (
                "it follows relationships of any type, which could lead to people "
                "(name the types, e.g. -[:REQUIRES]->)"
            )
    return None
