"""`careergraph neo4j start|stop|status`: the local Neo4j launcher."""

from __future__ import annotations

import typer
from rich.console import Console

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
