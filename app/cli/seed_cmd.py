"""`careergraph seed ...`: build, check and load the dataset.

Each command is a thin wrapper over `seed`; a `DatasetError` becomes its
one-line message on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from graph.errors import DatasetError

if TYPE_CHECKING:
    from graph.neo4j.connection import Neo4jTarget
    from graph.release import Release

cli = typer.Typer(no_args_is_help=True)


def fail(error: DatasetError) -> typer.Exit:
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
    except DatasetError as error:
        raise fail(error) from None
    typer.echo(summary)


@cli.command()
def check(
    path: Path = typer.Argument(None, help="Data directory to validate (default: seed/data)."),
) -> None:
    """Validate a data directory: every record and every cross-reference."""
    from graph.datafiles import read_dataset
    from seed import DATA_DIR
    from seed.summary import summary

    try:
        dataset = read_dataset(path or DATA_DIR)
    except DatasetError as error:
        raise fail(error) from None
    typer.echo(f"ok: {summary(dataset)}")


@cli.command()
def load(
    path: Path = typer.Argument(None, help="Data directory to load (default: seed/data)."),
) -> None:
    """Validate the data, then replace the dataset in Neo4j in one transaction.

    Connects with NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or to the
    server `careergraph neo4j start` runs. Loading the same data twice changes nothing.
    """
    from app.settings import get_settings

    where = get_settings().neo4j_target()
    if where is None:
        typer.echo("error: set NEO4J_URI, or run `careergraph neo4j start` first", err=True)
        raise typer.Exit(code=1)
    linked = read_release(path)
    warn_stale(where, linked)
    version = load_release(where, linked)
    name = linked.dataset.name
    typer.echo(f"loaded {name} version {version} into {where.uri} ({where.database})")


def read_release(path: Path | None) -> Release:
    """The data directory (default: the seed) with its links; bad data exits with its lines."""
    from graph.algorithms.links import release
    from graph.datafiles import read_dataset
    from seed import DATA_DIR

    try:
        return release(read_dataset(path or DATA_DIR))
    except DatasetError as error:
        raise fail(error) from None


def warn_stale(where: Neo4jTarget, linked: Release) -> None:
    """Say who holds a role or competences the new dataset drops (docs/workforce.md)."""
    from graph.neo4j.connection import UNAVAILABLE, open_driver
    from graph.neo4j.workforce import Neo4jWorkforce
    from graph.workforce.stale import describe, stale_after_replace

    try:
        with open_driver(where) as driver:
            people = Neo4jWorkforce(driver, database=where.database, timeout_s=where.timeout_s)
            stale = stale_after_replace(people, linked.dataset)
    except UNAVAILABLE:
        return  # load_release reports the store's failure
    if stale:
        typer.echo(f"warning: {describe(stale)}; their links to it are dropped", err=True)


def load_release(where: Neo4jTarget, linked: Release) -> str:
    """Replace the release stored at `where`, with a progress bar; failures exit in one line."""
    from neo4j.exceptions import Neo4jError
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from graph.neo4j.connection import UNAVAILABLE, open_driver, unavailable
    from graph.neo4j.seeding import load_release_into_neo4j

    columns = (TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn())
    try:
        with open_driver(where) as driver, Progress(*columns, transient=True) as bar:
            task = bar.add_task("validating", total=None)

            def progress(done: int, total: int, step: str) -> None:
                bar.update(task, completed=done, total=total, description=step)

            return load_release_into_neo4j(
                driver, linked, database=where.database, progress=progress
            )
    except DatasetError as error:
        raise fail(error) from None
    except UNAVAILABLE as error:
        typer.echo(f"error: {where.uri}: {unavailable(error).detail}", err=True)
        raise typer.Exit(code=1) from None
    except Neo4jError as error:
        typer.echo(f"error: Neo4j at {where.uri}: {error}", err=True)
        raise typer.Exit(code=1) from None
