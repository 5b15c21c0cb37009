"""`careergraph seed ...`: build, check and load the dataset."""

from __future__ import annotations

import typer

cli = typer.Typer(no_args_is_help=True)
