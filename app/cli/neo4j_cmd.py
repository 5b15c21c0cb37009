"""`careergraph neo4j start|stop|status`: the local Neo4j launcher."""

from __future__ import annotations

import typer
from rich.console import Console

from app import neo4j_launcher
from app.settings import get_settings

cli = typer.Typer(no_args_is_help=True)
err = Console(stderr=True)


@cli.command()
def start(
    port: int = typer.Option(neo4j_launcher.DEFAULT_PORT, help="Bolt port on 127.0.0.1."),
    timeout: float = typer.Option(180.0, help="Seconds to wait for Bolt to answer."),
    heap: str = typer.Option(
        neo4j_launcher.HEAP,
        help="JVM heap, e.g. 512m or 2g; one transaction may use 3/8 of it (large imports).",
    ),
) -> None:
    """Start a fresh local Neo4j in the background; the last line printed is its Bolt URI.

    The login is NEO4J_USER / NEO4J_PASSWORD, or neo4j with a random password. Either is
    recorded in the state file (owner-only), where every careergraph command finds it.
    """
    settings = get_settings()
    try:
        info = neo4j_launcher.start(
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            port=port,
            timeout=timeout,
            log=err.print,
            heap=heap,
        )
    except neo4j_launcher.LauncherError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    state = neo4j_launcher.default_state_dir() / "state.json"
    err.print(
        f"Neo4j running (pid {info.pid}, user {info.user}, password in {state}); "
        "`careergraph neo4j stop` ends it"
    )
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
