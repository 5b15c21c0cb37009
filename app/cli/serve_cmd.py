"""`careergraph serve`: the API and web UI with uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="TCP port."),
    reload: bool = typer.Option(False, help="Reload on code changes (development)."),
    workers: int = typer.Option(1, min=1, help="Processes serving the port (docs/deployment.md)."),
) -> None:
    """Run the API and web UI with uvicorn."""
    from app.http_server import serve as run_server
    from app.settings import get_settings

    limit = get_settings().careergraph_header_max_bytes
    run_server(
        "app.main:app",
        host=host,
        port=port,
        header_max_bytes=limit,
        reload=reload,
        workers=workers,
    )
