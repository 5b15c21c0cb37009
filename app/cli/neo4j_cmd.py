"""`careergraph neo4j start|stop|status`: the local Neo4j launcher."""

from __future__ import annotations

import typer

cli = typer.Typer(no_args_is_help=True)
