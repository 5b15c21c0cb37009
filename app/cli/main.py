"""Entry point of the `careergraph` console script."""

from __future__ import annotations

import typer

from app.cli import (
    career_cmd,
    cypher_cmd,
    dataset_cmd,
    eval_cmd,
    neo4j_cmd,
    seed_cmd,
    up_cmd,
    workforce_cmd,
)

cli = typer.Typer(
    name="careergraph",
    help="Career-path explorer for IT roles (CIGREF 2011 + e-CF 2.0).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
cli.add_typer(career_cmd.cli)
cli.add_typer(seed_cmd.cli, name="seed", help="Build, check and load the dataset.")
cli.add_typer(dataset_cmd.cli, name="dataset", help="List, import, export and remove datasets.")
cli.add_typer(neo4j_cmd.cli, name="neo4j", help="A local throwaway Neo4j without Docker.")
cli.add_typer(cypher_cmd.cli, name="cypher", help="Read-only Cypher: the library, ad-hoc queries.")
cli.add_typer(
    workforce_cmd.cli, name="workforce", help="People analytics: bench, heatmap, what-if."
)
cli.command()(up_cmd.up)
cli.command("eval")(eval_cmd.eval_command)


@cli.command()
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


def main() -> None:
    cli()
