"""`careergraph cypher list|run`: the analyst console from a terminal.

Runs against NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE through the
same read-only gate and limits as `POST /api/v1/cypher` (graph/neo4j/console.py). Any
failure is one line on stderr and exit code 1 (2 for a malformed --param).

People's data follows the API's rule: a query that could read people is refused unless
`--personal-data` says the user acts as data steward; it then runs and is audited under
`cli:<user>` (docs/workforce.md, "Privacy"). The library's `$min_group_size` is never
below CAREERGRAPH_MIN_GROUP_SIZE.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from neo4j.exceptions import DriverError
from rich.console import Console
from rich.table import Table

from app.settings import get_settings
from graph.csvsafe import csv_text
from graph.errors import CareerGraphError
from graph.neo4j import console
from graph.neo4j.library import LibraryQuery, library, library_params, library_query
from graph.neo4j.store import Neo4jStore
from graph.workforce import audit

cli = typer.Typer(no_args_is_help=True)
out = Console()


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@cli.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON document.")] = False,
) -> None:
    """The library queries (cypher/library): name, parameters, what each answers."""
    queries = list(library().values())
    if as_json:
        typer.echo(json.dumps([q.model_dump() for q in queries], indent=2))
        return
    table = Table("name", "parameters", "answers")
    for query in queries:
        table.add_row(query.name, " ".join(f"${p}" for p in query.parameters), query.summary)
    out.print(table)


@cli.command("run")
def run_command(
    target: Annotated[
        str, typer.Argument(metavar="NAME|FILE", help="A library query name or a .cypher file.")
    ],
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="KEY=VALUE",
            help="A query parameter, repeatable. VALUE is tried as int, then float, then JSON, "
            "else kept as text; for a library parameter whose example is text (or null), "
            "it is always text. Force text with JSON quotes: -p 'code=\"3.2\"'.",
        ),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    timeout: Annotated[
        float, typer.Option(min=0.001, max=console.MAX_TIMEOUT_S, help="Seconds, server side.")
    ] = console.DEFAULT_TIMEOUT_S,
    limit: Annotated[
        int, typer.Option(min=1, max=console.MAX_LIMIT, help="Rows at most.")
    ] = console.DEFAULT_LIMIT,
    personal_data: Annotated[
        bool,
        typer.Option(
            "--personal-data",
            help="Act as data steward: let the query read people (audited).",
        ),
    ] = False,
) -> None:
    """Run a library query or a query file, read-only, and print its rows."""
    try:
        text, catalogued = _query_of(target)
        examples = catalogued.example if catalogued else {}
        params = dict(parse_param(raw, examples) for raw in param or [])
        settings = get_settings()
        default = settings.careergraph_default_dataset
        if catalogued:
            params = library_params(
                catalogued,
                params,
                default_dataset=default,
                min_group_size=settings.careergraph_min_group_size,
            )
        params.setdefault("dataset", default)
    except CareerGraphError as error:
        raise fail(error.detail) from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read {target}: {error}") from None
    except ValueError as error:
        raise fail(str(error), code=2) from None
    personal = _audited(target, params) if personal_data else None
    result = _run(
        text, params, timeout_s=timeout, limit=limit, personal=personal, reviewed=bool(catalogued)
    )
    if format is Format.json:
        typer.echo(result.model_dump_json(indent=2))
    elif format is Format.csv:
        rows = ([_cell(value) for value in row] for row in result.rows)
        sys.stdout.write(csv_text(result.columns, rows))
    else:
        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*(_cell(value) for value in row))
        out.print(table)
    if result.truncated and format is not Format.json:
        typer.echo(f"truncated: more than {limit} rows; raise --limit to see more", err=True)


def _query_of(target: str) -> tuple[str, LibraryQuery | None]:
    """(query text, the library query when `target` names one rather than a file)."""
    if target.endswith(".cypher") or Path(target).is_file():
        return Path(target).read_text(encoding="utf-8"), None
    query = library_query(target)
    return query.query, query


def parse_param(raw: str, examples: dict[str, Any]) -> tuple[str, Any]:
    """KEY=VALUE typed as documented in --param's help (`examples`: the library's)."""
    key, sep, text = raw.partition("=")
    if not sep or not key:
        raise ValueError(f"--param {raw!r}: expected KEY=VALUE")
    if key in examples and (examples[key] is None or isinstance(examples[key], str)):
        return key, text
    for convert in (int, float, json.loads):
        try:
            return key, convert(text)
        except ValueError:
            continue
    return key, text


def _audited(target: str, params: dict[str, Any]) -> Callable[[str], None]:
    def audited(reach: str) -> None:
        names = ", ".join(sorted(params)) or "none"
        what = f"console {Path(target).name} reading people ({reach}; params {names})"
        audit.record(f"cli:{getpass.getuser()}", what, str(params["dataset"]))

    return audited


def _run(
    text: str,
    params: dict[str, Any],
    *,
    timeout_s: float,
    limit: int,
    personal: Callable[[str], None] | None,
    reviewed: bool,
) -> console.ConsoleResult:
    """Run on the configured Neo4j, with a driver that lives only for this command."""
    target = get_settings().neo4j_target()
    if target is None:
        raise fail(
            "no Neo4j: set NEO4J_URI, or run `careergraph neo4j start` "
            "and load the data with `careergraph seed load`"
        )
    try:
        store = Neo4jStore.connect(target)
    except (DriverError, ValueError) as error:
        raise fail(f"cannot use {target.uri}: {error}") from None
    try:
        return console.run_query(
            store.driver,
            text,
            params,
            database=store.database,
            dataset=params["dataset"],
            timeout_s=timeout_s,
            limit=limit,
            personal=personal,
            reviewed=reviewed,
        )
    except CareerGraphError as error:
        raise fail(error.detail) from None
    finally:
        store.close()


def _cell(value: Any) -> str:
    """A cell for a table or CSV: text as is, null empty, anything else as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
