"""`careergraph seed ...`: build, check and load the dataset.

Each command is a thin wrapper over `seed`; a `SeedDataError` becomes its
one-line message on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import typer

from seed.errors import SeedDataError

cli = typer.Typer(no_args_is_help=True)


def fail(error: SeedDataError) -> typer.Exit:
    """Print every problem of `error` on its own line and give the exit to raise."""
    for problem in error.problems:
        typer.echo(f"error: {problem}", err=True)
    return typer.Exit(code=1)


@cli.command()
def build(
    source: Path = typer.Option(None, help="Source document (default: seed/source/...)."),
    out: Path = typer.Option(None, help="Data directory to write (default: seed/data)."),
    report: Path = typer.Option(None, help="Report file to write (default: seed/REPORT.md)."),
) -> None:
    """Regenerate the data files and seed/REPORT.md from the source document."""
    from seed.build import build_all

    try:
        summary = build_all(source=source, out=out, report=report)
    except SeedDataError as error:
        raise fail(error) from None
    typer.echo(summary)


@cli.command()
def check(
    path: Path = typer.Argument(None, help="Data directory to validate (default: seed/data)."),
) -> None:
    """Validate a data directory: every record and every cross-reference."""
    from seed.io import DEFAULT_DATA_DIR, read_dataset
    from seed.summary import summary

    try:
        dataset = read_dataset(path or DEFAULT_DATA_DIR)
    except SeedDataError as error:
        raise fail(error) from None
    typer.echo(f"ok: {summary(dataset)}")
