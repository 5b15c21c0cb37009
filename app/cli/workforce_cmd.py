"""`careergraph workforce ...`: people analytics from a terminal (docs/workforce.md).

Runs on the store every other command finds (`workforce_settings`: NEO4J_URI, else the
local Neo4j that `careergraph up` or `careergraph neo4j start` runs, else the embedded
workforce files; CAREERGRAPH_STORE forces one) with the service's settings: minimum group
size, ready-soon threshold. A write says which store it went to. Whoever runs it holds
the store itself (its files or Neo4j credentials), so the CLI is the data steward's and
importer's door (docs/workforce.md, "Privacy"): person commands are audited under
`cli:<user>` with the person pseudonymised, reports (heatmap, single points) are published
as the API publishes them, and imports are checked for padding like the API's. Tables for
people; `--json` prints the document the API returns. Any error is one line per problem
on stderr and exit 1.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app import neo4j_launcher
from app.cli.career_cmd import DatasetOption, JsonOption, emit
from app.settings import Settings, get_settings
from app.stores import open_store
from app.workforce import check_padding, open_workforce, requirements
from graph.csvsafe import csv_text
from graph.errors import CareerGraphError, InvalidWorkforce
from graph.snapshot import Snapshot
from graph.workforce import audit, disclosure
from graph.workforce.bench import bench_board, bench_strength
from graph.workforce.best_raise import best_single_raise
from graph.workforce.csvfile import write_csv
from graph.workforce.generate import generate
from graph.workforce.heatmap import HEATMAP_COLUMNS, heatmap, heatmap_rows
from graph.workforce.imports import format_of, read_people_file
from graph.workforce.index import WorkforceIndex
from graph.workforce.jsonfile import write_json
from graph.workforce.readiness import readiness
from graph.workforce.results import (
    BenchBoard,
    BenchCounts,
    BenchStrength,
    BestRaise,
    Heatmap,
    WhatIf,
)
from graph.workforce.spof import single_points_of_failure
from graph.workforce.stale import stale_people
from graph.workforce.store import EMPTY, WorkforceStore
from graph.workforce.whatif import WhatIfRaise, what_if

cli = typer.Typer(no_args_is_help=True)
out = Console()

ThresholdOption = Annotated[
    float | None,
    typer.Option(min=0.01, max=1.0, help="Ready-soon threshold (default: CAREERGRAPH_READY_SOON)."),
]


@dataclass
class Session:
    settings: Settings
    snapshot: Snapshot
    people: WorkforceStore
    where: str  # the store, as a person reads it: "Neo4j at bolt://...", "the files in ..."

    def index(self) -> WorkforceIndex:
        dataset = self.snapshot.id
        return WorkforceIndex.of_rows(
            self.snapshot, self.people.rows(dataset), self.people.version(dataset)
        )

    def threshold(self, given: float | None) -> float:
        return self.settings.careergraph_ready_soon if given is None else given

    def audit(self, action: str, person: str | None = None) -> None:
        dataset = self.snapshot.id
        target = (
            None
            if person is None
            else f"person {audit.pseudonym(self.settings.workforce_dir, dataset, person)}"
        )
        audit.record(f"cli:{getpass.getuser()}", action, dataset, target)


def workforce_settings() -> Settings:
    """The settings with the store the other commands find: NEO4J_URI, else the local
    Neo4j `careergraph up` or `careergraph neo4j start` runs (as `cypher run` finds it), else
    the embedded files. CAREERGRAPH_STORE=embedded|neo4j still decides when set."""
    settings = get_settings()
    if settings.careergraph_store == "auto" and settings.neo4j_target() is not None:
        return settings.model_copy(update={"careergraph_store": "neo4j"})
    return settings


def describe_store(settings: Settings) -> str:
    if settings.store_kind == "neo4j":
        target = settings.neo4j_target()
        local = " (the local server)" if not settings.neo4j_uri and neo4j_launcher.status() else ""
        return f"Neo4j at {target.uri if target else '?'}{local}"
    return f"the embedded store ({settings.workforce_dir})"


@contextmanager
def session(dataset: str | None) -> Iterator[Session]:
    """The found store's snapshot of `dataset` and its workforce store; errors exit 1."""
    try:
        settings = workforce_settings()
        store = open_store(settings)
        try:
            snapshot = Snapshot.build(store.load(dataset or settings.careergraph_default_dataset))
            people = open_workforce(settings, store)
            try:
                yield Session(settings, snapshot, people, describe_store(settings))
            finally:
                settled(people)
        finally:
            store.close()
    except InvalidWorkforce as error:
        for problem in error.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(1) from error
    except CareerGraphError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from error


def settled(people: WorkforceStore) -> None:
    """Wait for the removal of replaced people the command's write started, saying so when
    it takes a moment (the new workforce is served already)."""
    if not people.settle(timeout_s=1.0):
        typer.echo("removing the people the write replaced (already out of every answer) ...")
        people.settle()


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


@cli.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="A .csv or .json file (docs/workforce.md).")],
    replace: Annotated[
        bool, typer.Option(help="The file is everyone: people not in it are removed.")
    ] = False,
    dataset: DatasetOption = None,
) -> None:
    """Import people; any bad row is reported (file:line:column) and nothing is written."""
    mode = "replace" if replace else "merge"
    with session(dataset) as s:
        people = read_people_file(path, s.snapshot.dataset)
        if replace:  # these are everyone: what is stored now does not count
            version = s.people.replace(people)
            stored, stale = len(people.people), list(stale_people(people, s.snapshot.dataset))
        else:
            check_padding(
                s.people.load(s.snapshot.id),
                people,
                replace=False,
                requires=requirements(s.snapshot.roles),
                min_group_size=s.settings.careergraph_min_group_size,
            )
            s.people.merge(people)
            after = s.index()
            version, stored, stale = after.workforce_version, after.size, list(after.stale)
        s.audit(f"import ({mode}, {len(people.people)} people)")
        typer.echo(
            f"imported {len(people.people)} people ({mode}) into {s.snapshot.id} in {s.where}: "
            f"{stored} stored, workforce version {version}"
        )
        if stale:
            typer.echo(
                f"warning: {len(stale)} people hold a role or competences "
                "this dataset no longer has",
                err=True,
            )


@cli.command("generate")
def generate_command(
    people: Annotated[int, typer.Option("--people", min=1, max=1_000_000, help="How many.")],
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same people.")],
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write a .csv or .json file instead of storing.")
    ] = None,
    replace: Annotated[
        bool, typer.Option(help="Replace the stored workforce (refused otherwise if one exists).")
    ] = False,
    dataset: DatasetOption = None,
) -> None:
    """A synthetic workforce around each role's entry levels (docs/workforce.md)."""
    with session(dataset) as s:
        made = generate(s.snapshot.dataset, people=people, seed=seed)
        if out_file is not None:
            writer = write_csv if format_of(out_file) == "csv" else write_json
            out_file.write_text(writer(list(made.people)), encoding="utf-8")
            typer.echo(f"wrote {people} people to {out_file}")
            return
        if s.people.version(s.snapshot.id) != EMPTY and not replace:
            typer.echo(
                f"error: dataset {s.snapshot.id} has a workforce already; "
                "pass --replace to overwrite it, or --out FILE",
                err=True,
            )
            raise typer.Exit(1)
        version = s.people.replace(made)
        typer.echo(
            f"generated {people} people (seed {seed}) into {s.snapshot.id} in {s.where}: "
            f"workforce version {version}"
        )


@cli.command("bench")
def bench_command(
    role: Annotated[str | None, typer.Argument(help="One role: its candidates too.")] = None,
    threshold: ThresholdOption = None,
    limit: Annotated[int, typer.Option(min=0, help="Candidates to list.")] = 20,
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bench strength: holders, ready now and ready soon, per role (or one role in full)."""
    with session(dataset) as s:
        index, soon = s.index(), s.threshold(threshold)
        if role is None:
            board = bench_board(index, soon)
            emit(board, as_json, lambda: render_board(board))
            return
        bench = bench_strength(index, role, threshold=soon, limit=limit)
        best = best_single_raise(index, role, threshold=soon)
    if as_json:
        typer.echo(
            f'{{"bench": {bench.model_dump_json(by_alias=True)}, '
            f'"best_raise": {best.model_dump_json(by_alias=True)}}}'
        )
        return
    render_bench(bench, best)


def benches(counts: BenchCounts) -> int:
    """Ready now and soon (exact in the CLI: it is the steward's door)."""
    return (counts.ready_now or 0) + (counts.ready_soon or 0)


def render_board(board: BenchBoard) -> None:
    out.print(f"{board.people} people; ready soon from {board.threshold:.0%}")
    table = Table("role", "title", "holders", "ready now", "ready soon")
    for r in sorted(board.roles, key=lambda r: (benches(r), r.holders or 0)):
        table.add_row(
            r.role.code, r.role.title, str(r.holders), str(r.ready_now), str(r.ready_soon)
        )
    out.print(table)
    out.print("Thinnest benches first (ready now + ready soon, then holders).")


def render_bench(bench: BenchStrength, best: BestRaise) -> None:
    out.print(
        f"[bold]{bench.role.code} {bench.role.title}[/]: {bench.holders} holders, "
        f"{bench.ready_now} ready now, {bench.ready_soon} ready soon "
        f"(from {bench.threshold:.0%}); {bench.candidates_total} candidates"
    )
    table = Table("person", "unit", "holds", "readiness", "level steps")
    for c in bench.candidates:
        held = c.role.code if c.role else ""
        table.add_row(c.person, c.unit or "", held, percent(c.readiness), str(c.level_steps))
    out.print(table)
    if best.best is None:
        out.print(f"Best single raise: none ({best.reason}).")
    else:
        b = best.best
        out.print(
            f"Best single raise: {b.competence.code} {b.competence.title} to {b.label} for every "
            f"candidate makes {b.ready_now_added} more ready now ({b.level_steps} level steps)."
        )


@cli.command("heatmap")
def heatmap_command(
    as_csv: Annotated[bool, typer.Option("--csv", help="Print the API's CSV.")] = False,
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """Units x competences: who holds what their role requires; small cells withheld."""
    with session(dataset) as s:
        k = s.settings.careergraph_min_group_size
        answer = disclosure.heatmap(heatmap(s.index(), min_group_size=k), k)
        titles = {code: c.title for code, c in s.snapshot.competences.items()}
    if as_csv:
        sys.stdout.write(csv_text(HEATMAP_COLUMNS, heatmap_rows(answer, titles)))
        return
    emit(answer, as_json, lambda: render_heatmap(answer))


def render_heatmap(answer: Heatmap) -> None:
    table = Table("unit", "competence", "people", "holding", "share", "note")
    for c in answer.cells:
        numbers = (
            [str(c.people), str(c.holding), percent(c.share)] if not c.suppressed else [""] * 3
        )
        table.add_row(c.unit, c.competence, *numbers, f"withheld: {c.reason}" if c.reason else "")
    out.print(table)
    out.print(
        f"{answer.suppressed} of {len(answer.cells)} cells withheld (fewer than "
        f"{answer.min_group_size} people); {answer.left_out} people without a unit or a role."
    )


@cli.command("spof")
def spof_command(dataset: DatasetOption = None, as_json: JsonOption = False) -> None:
    """Single points of failure: what a unit's roles need that at most one person holds."""
    with session(dataset) as s:
        k = s.settings.careergraph_min_group_size
        answer = disclosure.single_points(single_points_of_failure(s.index(), min_group_size=k), k)

    def render() -> None:
        table = Table("unit", "competence", "level", "holders", "needed by")
        for p in answer.points:
            table.add_row(
                p.unit,
                f"{p.competence.code} {p.competence.title}",
                p.label,
                str(p.holders),
                str(p.needed_by),
            )
        out.print(table)
        for unit in answer.suppressed_units:
            out.print(f"{unit.unit}: withheld, {unit.reason}")

    emit(answer, as_json, render)


def parse_raise(text: str) -> WhatIfRaise:
    """COMPETENCE=LEVEL@TARGET, TARGET being role:CODE, unit:NAME or people:ID+ID+..."""
    left, at, target = text.partition("@")
    competence, equals, level = left.partition("=")
    kind, colon, value = target.partition(":")
    if not (at and equals and colon and level.strip().isdigit()) or kind not in (
        "role",
        "unit",
        "people",
    ):
        raise typer.BadParameter(
            f"{text!r}: expected COMPETENCE=LEVEL@role:CODE, @unit:NAME or @people:ID+ID"
        )
    chosen: dict[str, object] = {
        "people": value.split("+") if kind == "people" else None,
        "role": value if kind == "role" else None,
        "unit": value if kind == "unit" else None,
    }
    return WhatIfRaise.model_validate(
        {"competence": competence.strip(), "level": int(level), **chosen}
    )


@cli.command("whatif")
def whatif_command(
    raises: Annotated[
        list[str],
        typer.Option(
            "--raise",
            metavar="COMPETENCE=LEVEL@TARGET",
            help="e.g. B2=3@role:3.2, E2=3@unit:Payments, B1=4@people:P001+P002 (repeatable)",
        ),
    ],
    threshold: ThresholdOption = None,
    every_role: Annotated[bool, typer.Option("--all", help="Every role, changed or not.")] = False,
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bench strength of every role before and after the raises."""
    given = [parse_raise(text) for text in raises]
    with session(dataset) as s:
        answer = what_if(s.index(), given, threshold=s.threshold(threshold))
    emit(answer, as_json, lambda: render_whatif(answer, every_role))


def render_whatif(answer: WhatIf, every_role: bool) -> None:
    for r in answer.raises:
        out.print(
            f"{r.competence.code} to {r.label} for {r.target}: {r.people} people, "
            f"{r.raised} of them below it"
        )
    table = Table("role", "title", "holders", "ready now", "ready soon")
    for c in answer.roles:
        if every_role or c.before != c.after:
            table.add_row(
                c.role.code,
                c.role.title,
                str(c.holders),
                f"{c.before.ready_now} → {c.after.ready_now}",
                f"{c.before.ready_soon} → {c.after.ready_soon}",
            )
    out.print(table)
    out.print(
        f"In all: {answer.ready_now_added:+} ready now, {answer.ready_soon_added:+} ready soon."
    )


@cli.command("readiness")
def readiness_command(
    person: Annotated[str, typer.Argument(help="A person id.")],
    role: Annotated[str | None, typer.Option(help="One role (default: every role).")] = None,
    threshold: ThresholdOption = None,
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """How ready one person is for one role or every role."""
    with session(dataset) as s:
        answer = readiness(s.index(), person, threshold=s.threshold(threshold), role=role)
        s.audit("readiness", person)

    def render() -> None:
        table = Table("role", "title", "readiness", "level steps", "status")
        for r in answer.roles:
            held = " (holds it)" if r.holds else ""
            table.add_row(
                r.role.code,
                r.role.title + held,
                percent(r.readiness),
                str(r.level_steps),
                r.status.replace("_", " "),
            )
        out.print(table)

    emit(answer, as_json, render)


@cli.command("export")
def export_command(
    person: Annotated[str, typer.Argument(help="A person id.")], dataset: DatasetOption = None
) -> None:
    """Everything stored about one person, as JSON."""
    with session(dataset) as s:
        found = s.people.person(s.snapshot.id, person)
        s.audit("export of a person", person)
    if found is None:
        typer.echo(f"error: no person {person!r} in the workforce of {s.snapshot.id}", err=True)
        raise typer.Exit(1)
    typer.echo(found.model_dump_json(indent=2))


@cli.command("erase")
def erase_command(
    person: Annotated[str, typer.Argument(help="A person id.")], dataset: DatasetOption = None
) -> None:
    """Erase everything stored about one person."""
    with session(dataset) as s:
        erased = s.people.erase(s.snapshot.id, person)
        s.audit("erasure of a person", person)
    if not erased:
        typer.echo(
            f"error: no person {person!r} in the workforce of {s.snapshot.id} in {s.where}",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(f"erased {person} from {s.snapshot.id} in {s.where}")
