"""`careergraph neo4j start|stop|status`: the local Neo4j launcher."""

from __future__ import annotations

import csv
import json
import re
import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from app import neo4j_launcher

cli = typer.Typer(no_args_is_help=True)
err = Console(stderr=True)


@cli.command()
def start(
    port: int = typer.Option(neo4j_launcher.DEFAULT_PORT, help="Bolt port on 127.0.0.1."),
    timeout: float = typer.Option(180.0, help="Seconds to wait for Bolt to answer."),
) -> None:
    """Start a fresh local Neo4j in the background; the last line printed is its Bolt URI.

    Credentials come from NEO4J_USER / NEO4J_PASSWORD (defaults: neo4j / careergraph-local).
    """
    try:
        info = neo4j_launcher.start(port=port, timeout=timeout, log=err.print)
    except neo4j_launcher.LauncherError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    err.print(f"Neo4j running (pid {info.pid}, user {info.user}); `careergraph neo4j stop` ends it")
    typer.echo(info.uri)


@cli.command()
def stop() -> None:
    """Stop the local Neo4j (SIGTERM, then SIGKILL if it does not end in time)."""
    typer.echo("stopped" if neo4j_launcher.stop() else "not running")


@cli.command()
def status() -> None:
    """Say whether the local Neo4j runs, and where; exit code 1 when it does not."""
    info = neo4j_launcher.status()
    if info is None:
        typer.echo("not running")
        raise typer.Exit(1)
    typer.echo(f"running (pid {info.pid}, state {neo4j_launcher.default_state_dir()}) {info.uri}")


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """`name=value` pairs. Integers, null, true/false and JSON lists or maps are parsed;
    anything else is text, so `source=3.2` stays the role code "3.2", not a number."""
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or not name:
            raise typer.BadParameter(f"{pair!r} is not name=value", param_hint="--param")
        params[name] = _value(text)
    return params


def _value(text: str) -> Any:
    if re.fullmatch(r"-?\d+|null|true|false|\[.*\]|\{.*\}", text.strip(), re.DOTALL):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    return text


@cli.command()
def query(
    name: str = typer.Argument(help="A file of cypher/library, e.g. gap or next_moves."),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value (repeatable)."),
    output: str = typer.Option("table", "--format", help="table, csv or json."),
    timeout: float = typer.Option(30.0, help="Transaction timeout in seconds."),
) -> None:
    """Run a library query, read-only, against NEO4J_URI or the local server."""
    from neo4j import GraphDatabase, Query, RoutingControl
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    from app.settings import get_settings
    from graph.cypher import load_query

    where = neo4j_launcher.target(get_settings())
    if where is None:
        err.print("[red]set NEO4J_URI, or run `careergraph neo4j start` first[/red]")
        raise typer.Exit(1)
    try:
        text = load_query(f"library/{name}")
        with GraphDatabase.driver(where.uri, auth=where.auth) as driver:
            records, _, keys = driver.execute_query(
                Query(text, timeout=timeout),
                parse_params(param),
                routing_=RoutingControl.READ,
                database_=where.database,
            )
    except FileNotFoundError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    except (Neo4jError, ServiceUnavailable) as error:
        err.print(f"[red]Neo4j at {where.uri}: {error}[/red]")
        raise typer.Exit(1) from None
    rows = [r.data() for r in records]
    if output == "json":
        typer.echo(json.dumps(rows, indent=2, default=str, ensure_ascii=False))
    elif output == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=keys)
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    else:
        table = Table(*keys)
        for row in rows:
            table.add_row(*(_cell(row[k]) for k in keys))
        Console().print(table)


def _cell(value: Any) -> str:
    """Lists and maps as JSON, the rest as text: one flat cell for a table or CSV."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
