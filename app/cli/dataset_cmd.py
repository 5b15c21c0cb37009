"""`careergraph dataset list|import|export|remove`: datasets in the configured store.

Embedded store: the datasets are the seed (CAREERGRAPH_DATA_DIR) plus the library
directory (CAREERGRAPH_DATASETS_DIR, default $XDG_STATE_HOME/careergraph/datasets), which
a running service follows (it sees a change at its next check, CAREERGRAPH_RELOAD_CHECK_S).
Neo4j: the server of Settings.neo4j_target(), where an
import or removal is one transaction and a running service picks it up at its next check.
Every import is read and validated whole (bounded like the API's upload, by
CAREERGRAPH_IMPORT_MAX_BYTES once unzipped) before anything is written, then written all
or nothing under the dataset's write lock; an error is one line naming file, line and
column, and exit code 1. A dataset of the library that cannot be read is listed as left
out, and every command still works on the others.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Protocol

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from app.cli.show import count
from app.settings import Settings, get_settings
from app.workforce import drop_workforce
from graph.algorithms.links import DEFAULT_POLICY, release
from graph.datafiles import check_id, read_dataset, write_files
from graph.dataset_library import Library
from graph.embedded import EmbeddedStore, read_library
from graph.errors import (
    CareerGraphError,
    DatasetError,
    DatasetExists,
    DatasetNotFound,
    DefaultDatasetKept,
)
from graph.formats.bundles import Bundle
from graph.formats.importing import (
    EXPORT_FORMATS,
    FORMATS,
    ExportFormat,
    Format,
    Imported,
    export_files,
    import_bundle,
    read_path,
)
from graph.formats.matrix import MatrixOptions
from graph.formats.presets import PRESETS, matrix_options, packaged_file
from graph.models import Dataset
from graph.release import Release
from graph.search import nearest

cli = typer.Typer(no_args_is_help=True)
console = Console(stderr=True)  # progress and tables on stderr, so stdout stays quiet
out = Console()


class Shelf(Protocol):
    """The datasets of the configured store, as the CLI handles them."""

    where: str

    def ids(self) -> set[str]: ...

    def read(self, dataset: str) -> Dataset:
        """One dataset, or DatasetNotFound."""
        ...

    def datasets(self) -> tuple[dict[str, tuple[Dataset, str]], dict[str, str]]:
        """Each dataset with its release version, by id; and each stored one that cannot be
        read (left out), with its problem."""
        ...

    def save(self, linked: Release, *, replace: bool) -> bool:
        """Write the dataset under its lock; True when it replaced one (DatasetExists
        without `replace`)."""
        ...

    def remove(self, dataset: str) -> bool: ...


class EmbeddedShelf:
    """The seed directory and the library beside it (graph.embedded's layout)."""

    def __init__(self, settings: Settings) -> None:
        from seed import DATA_DIR

        self.seed = settings.careergraph_data_dir or DATA_DIR
        self.library = Library(settings.datasets_library())
        self.where = f"the embedded store's library {self.library.root}"

    def _read(self) -> tuple[list[Dataset], dict[str, str]]:
        """The seed, then the library's readable datasets (which win over the seed's id)."""
        kept, left_out = read_library(self.library)
        return [read_dataset(self.seed), *kept], left_out

    def ids(self) -> set[str]:
        return {read_dataset(self.seed).id, *self.library.entries()[0]}

    def read(self, dataset: str) -> Dataset:
        """The library's `dataset`, else the seed when it is that one: read alone (exporting
        one dataset reads no other)."""
        check_id(dataset)
        directory = self.library.served(dataset)
        found = read_dataset(directory if directory is not None else self.seed)
        if found.id != dataset:
            raise not_found(dataset, self.ids())
        return found

    def datasets(self) -> tuple[dict[str, tuple[Dataset, str]], dict[str, str]]:
        # A release's version hashes the data and the link policy, not the links:
        # it is known without inferring them (graph/release.py).
        kept, left_out = self._read()
        return {d.id: (d, Release(d, (), DEFAULT_POLICY.fingerprint).version) for d in kept}, (
            left_out
        )

    def save(self, linked: Release, *, replace: bool) -> bool:
        return EmbeddedStore([], library=self.library.root).save(linked, replace=replace)

    def remove(self, dataset: str) -> bool:
        return self.library.remove(dataset)


class Neo4jShelf:
    def __init__(self, settings: Settings) -> None:
        from graph.neo4j.store import Neo4jStore

        target = settings.neo4j_target()
        if target is None:
            raise DatasetError("set NEO4J_URI, or run `careergraph neo4j start` first")
        self.target = target
        self.where = f"Neo4j at {target.uri} ({target.database})"
        self.store = Neo4jStore.connect(target)

    def ids(self) -> set[str]:
        return set(self.store.versions())

    def read(self, dataset: str) -> Dataset:
        if dataset not in self.ids():
            raise not_found(dataset, self.ids())
        return self.store.load(dataset).dataset

    def datasets(self) -> tuple[dict[str, tuple[Dataset, str]], dict[str, str]]:
        found, left_out = {}, {}
        for id_, version in sorted(self.store.versions().items()):
            try:
                found[id_] = (self.store.load(id_).dataset, version)
            except (DatasetError, ValueError) as error:  # a stored dataset that fails its model
                left_out[id_] = str(error)
        return found, left_out

    def save(self, linked: Release, *, replace: bool) -> bool:
        columns = (TextColumn("writing {task.description:<14}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("", total=None)

            def progress(done: int, total: int, step: str) -> None:
                bar.update(task, completed=done, total=total, description=step)

            return self.store.save(linked, replace=replace, progress=progress)

    def remove(self, dataset: str) -> bool:
        return self.store.remove(dataset)

    def close(self) -> None:
        self.store.close()


def not_found(dataset: str, ids: set[str]) -> DatasetNotFound:
    return DatasetNotFound(dataset, nearest(dataset, {i: [i] for i in ids}, {i: i for i in ids}))


@contextmanager
def shelf_or_exit() -> Iterator[Shelf]:
    """The configured store's shelf; any domain error becomes one line and exit code 1."""
    settings = get_settings()
    try:
        if settings.store_kind == "embedded":
            yield EmbeddedShelf(settings)
            return
        shelf = Neo4jShelf(settings)
        try:
            yield shelf
        finally:
            shelf.close()
    except CareerGraphError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from None


@cli.command("list")
def list_command() -> None:
    """The datasets in the configured store: id, version, size, name."""
    with shelf_or_exit() as shelf:
        found, left_out = shelf.datasets()
    default = get_settings().careergraph_default_dataset
    table = Table("id", "version", "roles", "competences", "name")
    for column in table.columns[:2]:
        column.no_wrap = True
    for id_, (dataset, version) in sorted(found.items()):
        mark = " (default)" if id_ == default else ""
        table.add_row(
            id_ + mark,
            version,
            str(len(dataset.roles)),
            str(len(dataset.competences)),
            dataset.name,
        )
    out.print(table)
    for id_, problem in sorted(left_out.items()):
        typer.echo(f"left out: {id_!r}: {problem}", err=True)


FormatOption = Annotated[
    str, typer.Option("--format", help=f"auto, {', '.join(FORMATS)} (auto: by the file names)")
]


@cli.command("import")
def import_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A directory, a zip of one, or a matrix CSV (.csv or .csv.gz); "
            "with --preset, default: the preset's file in the skillinfer package."
        ),
    ] = None,
    format: FormatOption = "auto",
    dataset_id: Annotated[str | None, typer.Option("--id", help="Dataset id to use.")] = None,
    name: Annotated[str | None, typer.Option(help="Dataset name to use.")] = None,
    replace_existing: Annotated[
        bool, typer.Option("--replace", help="Replace a dataset with the same id.")
    ] = False,
    preset_name: Annotated[
        str | None, typer.Option("--preset", help=f"Matrix defaults: {', '.join(PRESETS)}.")
    ] = None,
    levels: Annotated[int | None, typer.Option(min=1, help="Matrix: levels (default 5).")] = None,
    floor: Annotated[
        float | None, typer.Option(help="Matrix: ratings below are not required (default 0.5).")
    ] = None,
    top: Annotated[
        float | None, typer.Option(help="Matrix: top level's upper end (default: highest rating).")
    ] = None,
    thresholds: Annotated[
        str | None, typer.Option(help="Matrix: explicit level thresholds, e.g. 0.5,0.7,0.9.")
    ] = None,
    labels: Annotated[
        str | None, typer.Option(help="Matrix: level labels, e.g. basic,advanced,expert.")
    ] = None,
    area_separator: Annotated[
        str | None, typer.Option(help="Matrix: areas from a label prefix, e.g. ':'.")
    ] = None,
    families: Annotated[
        Path | None, typer.Option(help="Matrix: CSV of role,family (default: one family).")
    ] = None,
    licence: Annotated[str | None, typer.Option(help="Matrix: the data's licence.")] = None,
    attribution: Annotated[
        str | None, typer.Option(help="Matrix: text to show wherever the data appears.")
    ] = None,
) -> None:
    """Read, validate and add (or with --replace, replace) a dataset in the store."""
    try:
        bundle = _bundle(path, preset_name, families)
        options = matrix_options(
            preset_name,
            dataset_id,
            levels=levels,
            floor=floor,
            top=top,
            thresholds=thresholds,
            labels=labels,
            area_separator=area_separator,
            licence=licence,
            attribution=attribution,
        )
        chosen = "matrix" if preset_name and format == "auto" else _format(format, FORMATS)
        imported = _read(bundle, chosen, options, dataset_id, name, families)
    except CareerGraphError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from None
    dataset = imported.dataset
    with shelf_or_exit() as shelf:
        if dataset.id in shelf.ids() and not replace_existing:
            raise _exists(shelf, dataset.id)
        with console.status(f"inferring career links of {len(dataset.roles):,} roles"):
            linked = release(dataset)
        try:
            shelf.save(linked, replace=replace_existing)  # checked again, under the lock
        except DatasetExists:
            raise _exists(shelf, dataset.id) from None
    for line in summary(imported, linked):
        out.print(line)
    out.print(f"imported {dataset.id} version {linked.version} into {shelf.where}")
    out.print(_when_served())


def _exists(shelf: Shelf, dataset: str) -> DatasetError:
    return DatasetError(
        f"{shelf.where} already holds a dataset {dataset!r}: "
        "add --replace to replace it, or --id to import it beside"
    )


def _bundle(path: Path | None, preset_name: str | None, families: Path | None) -> Bundle:
    if path is None:
        if preset_name is None:
            raise DatasetError("give the PATH to import (or --preset onet|esco)")
        path = packaged_file(preset_name)
    limit = get_settings().careergraph_import_max_bytes  # as the API's upload
    bundle = read_path(path, max_bytes=limit)
    if families is None:
        return bundle
    extra = read_path(families, max_bytes=limit)
    return Bundle(bundle.origin, {**bundle.files, **extra.files})


def _format(given: str, allowed: tuple[str, ...]) -> Format:
    if given != "auto" and given not in allowed:
        raise DatasetError(f"--format {given!r}: use one of auto, {', '.join(allowed)}")
    return given  # type: ignore[return-value]


def _read(
    bundle: Bundle,
    format: Format | str,
    options: MatrixOptions,
    dataset_id: str | None,
    name: str | None,
    families: Path | None,
) -> Imported:
    columns = (TextColumn("reading {task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, file: str) -> None:
            bar.update(task, completed=done, total=total, description=f"{file} (lines)")

        return import_bundle(
            bundle,
            format,  # type: ignore[arg-type]
            options=options,
            dataset_id=dataset_id,
            name=name,
            families_file=families.name if families else "families.csv",
            progress=progress,
        )


def summary(imported: Imported, linked: Release) -> list[str]:
    """What was imported: counts, the quantisation's choices, the career links per role."""
    d = imported.dataset
    requirements = sum(len(r.requirements) for r in d.roles)
    lines = [
        f"{d.name}: {count(len(d.families), 'family', 'families')}, "
        f"{count(len(d.roles), 'role')}, {count(len(d.areas), 'area')}, "
        f"{count(len(d.competences), 'competence')}, {count(requirements, 'requirement')}, "
        f"{count(len(d.links), 'documented link')}"
    ]
    if imported.quantisation is not None:
        lines += [f"quantisation: {line}" for line in imported.quantisation.lines()]
    outs = Counter(link.source for link in linked.links)
    per_role = [outs.get(r.code, 0) for r in d.roles] or [0]
    lines.append(
        f"career links: {len(linked.links):,}, per role min {min(per_role)}, "
        f"median {statistics.median(per_role):g}, max {max(per_role)}"
    )
    return lines


@cli.command("export")
def export_command(
    dataset_id: Annotated[str, typer.Argument(metavar="ID", help="The dataset to export.")],
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Where to write its files.")],
    format: Annotated[
        str, typer.Option("--format", help=f"{' or '.join(EXPORT_FORMATS)}")
    ] = "json",
) -> None:
    """Write a dataset's files: the JSON directory format or the CSV format."""
    with shelf_or_exit() as shelf:
        if format not in EXPORT_FORMATS:
            raise DatasetError(f"--format {format!r}: use {' or '.join(EXPORT_FORMATS)}")
        chosen: ExportFormat = "csv" if format == "csv" else "json"
        written = write_files(export_files(shelf.read(dataset_id), chosen), directory)
    out.print(f"wrote {count(len(written), 'file')} of {dataset_id} ({format}) to {directory}")


@cli.command("remove")
def remove_command(
    dataset_id: Annotated[str, typer.Argument(metavar="ID", help="The dataset to remove.")],
) -> None:
    """Delete a dataset from the store by its id (never the default one)."""
    with shelf_or_exit() as shelf:
        check_id(dataset_id)  # an id, never a path: `remove /any/folder` deletes nothing
        if dataset_id == get_settings().careergraph_default_dataset:
            raise DefaultDatasetKept(
                f"{dataset_id!r} is the default dataset; it cannot be removed."
            )
        if not shelf.remove(dataset_id):
            raise not_found(dataset_id, shelf.ids())
        drop_workforce(get_settings(), getattr(shelf, "store", None), dataset_id)  # its people
    out.print(f"removed {dataset_id} from {shelf.where}")
    out.print(_when_served())


def _when_served() -> str:
    """When a running service follows the change: at its next check of the store."""
    every = get_settings().careergraph_reload_check_s
    return (
        f"a running service on this store sees it within {every:g} s "
        "(its CAREERGRAPH_RELOAD_CHECK_S); /ready lists what it serves"
    )
