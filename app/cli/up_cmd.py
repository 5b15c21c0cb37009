"""`careergraph up`: the whole Neo4j-backed product in one command.

Finds Neo4j the usual way (NEO4J_URI, else the local server), starting a local
one when there is none; seeds it when the stored release is not the one the data
and link policy make (an empty store after a restart included); then serves the
API and UI from the Neo4j store, saying where, and which API key the HR screens and
the analyst console take (or how to set one). A local server it started stops with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from app import neo4j_launcher
from app.cli.seed_cmd import load_release, read_release
from app.settings import Settings, get_settings

if TYPE_CHECKING:
    from graph.store import GraphStore


def up(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="TCP port of the API and UI."),
    data: Path = typer.Option(None, help="Data directory to serve (default: seed/data)."),
    neo4j_port: int = typer.Option(
        neo4j_launcher.DEFAULT_PORT, help="Bolt port for a local Neo4j started here."
    ),
) -> None:
    """Start (or reuse) Neo4j, seed it if needed, and serve the API and UI from it."""
    settings = get_settings()
    linked = read_release(data)
    started_here = settings.neo4j_target() is None
    if started_here:
        _start_local(settings, neo4j_port)
    target = settings.neo4j_target()
    assert target is not None, "a running local server is always a target"
    try:
        from graph.neo4j.store import Neo4jStore

        store = Neo4jStore.connect(target)
        try:
            if store.versions().get(linked.dataset.id) == linked.version:
                typer.echo(f"Neo4j already holds release {linked.version}")
            else:
                typer.echo(f"seeding Neo4j with release {linked.version}")
                load_release(target, linked)
            _serve(settings, store, host, port, target.uri, started_here)
        finally:
            store.close()
    finally:
        if started_here:
            neo4j_launcher.stop()
            typer.echo("stopped the local Neo4j")


def _start_local(settings: Settings, port: int) -> None:
    typer.echo("no NEO4J_URI and no local server: starting a local Neo4j")
    try:
        neo4j_launcher.start(
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            port=port,
            log=typer.echo,
        )
    except neo4j_launcher.LauncherError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


def _serve(
    settings: Settings, store: GraphStore, host: str, port: int, bolt: str, started_here: bool
) -> None:
    from app.http_server import serve
    from app.main import create_app

    login = (
        f"user and password in {neo4j_launcher.default_state_dir() / 'state.json'}"
        if started_here or not settings.neo4j_uri
        else "NEO4J_USER / NEO4J_PASSWORD"
    )
    stop = "Ctrl+C stops the service" + (" and the local Neo4j" if started_here else "")
    for line in (
        f"careergraph on Neo4j: http://{host}:{port}/ (UI), http://{host}:{port}/docs (API)",
        f"Neo4j: {bolt} ({login})",
        *key_hints(settings),
        stop,
    ):
        typer.echo(line)
    app = create_app(settings.model_copy(update={"careergraph_store": "neo4j"}), store=store)
    serve(app, host=host, port=port, header_max_bytes=settings.careergraph_header_max_bytes)


# Where each key is typed in, by scope, and a name for a key made for it (app/security.py;
# docs/workforce.md, "Privacy").
KEY_USES = (
    ("workforce", "hr", "the HR screens (/hr)"),
    ("steward", "dpo", "people's records and candidates (/hr, as data steward)"),
    ("console", "analyst", "the analyst console (POST /api/v1/cypher)"),
)


def key_hints(settings: Settings) -> list[str]:
    """Which configured key (its name, never its secret) each door takes; for the doors no
    key opens, the setting that opens them, with fresh secrets to paste."""
    import secrets

    from app.security import configured_keys

    keys = configured_keys(settings)
    lines, entries, closed = [], [], []
    for scope, name, door in KEY_USES:
        names = ", ".join(key.name for key in keys if scope in key.scopes)
        if names:
            lines.append(f"{door}: type the secret of key {names} (CAREERGRAPH_API_KEYS)")
        else:
            closed.append(door)
            entries.append(f"{name}:{scope}:{secrets.token_urlsafe(12)}")
    if closed:
        setting = ",".join(entries)
        if keys:
            setting = f"$CAREERGRAPH_API_KEYS,{setting}"
        lines += [
            f"closed (no API key has their scope): {'; '.join(closed)}. To open them, "
            "stop (Ctrl+C) and start again with",
            f"  CAREERGRAPH_API_KEYS={setting} careergraph up",
            "  then type a secret (after the last colon) where the screen asks for a key",
        ]
    return lines
