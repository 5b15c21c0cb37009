"""`careergraph gap|paths|next|unlocks|role`: career questions from the terminal.

Tables for people; `--json` prints the same document the HTTP API returns for the
same question. A bad code prints one line with the nearest codes and exits 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, cast, get_args

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from app.codes import split_codes
from app.settings import Settings, get_settings
from app.stores import open_store
from app.views import role_sheet
from graph.algorithms.direction import DirectionFilter
from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.algorithms.moves import DocumentedMode, next_moves
from graph.algorithms.paths import DEFAULT_RULE, k_best_paths
from graph.algorithms.unlocks import unlocks
from graph.errors import CareerGraphError
from graph.results import Basis, GapReport, NextMoves, PathsAnswer, Raise, UnlocksAnswer
from graph.snapshot import Snapshot
from graph.store import GraphStore

cli = typer.Typer()
console = Console()

JsonOption = Annotated[bool, typer.Option("--json", help="Print the API's JSON document.")]
STATUS_MARK = {"met": "✓ met", "raise": "↑ raise", "missing": "✗ missing"}


DatasetOption = Annotated[
    str | None, typer.Option("--dataset", help="Dataset id (default: the default dataset).")
]
Label = Callable[[int], str]


@contextmanager
def store_and_snapshot(dataset: str | None) -> Iterator[tuple[Settings, GraphStore, Snapshot]]:
    """The settings, the configured store (closed afterwards) and its snapshot of `dataset`."""
    settings = get_settings()
    store = open_store(settings)
    try:
        yield (
            settings,
            store,
            Snapshot.build(store.load(dataset or settings.careergraph_default_dataset)),
        )
    finally:
        store.close()


@contextmanager
def snapshot_or_exit(dataset: str | None) -> Iterator[Snapshot]:
    """The configured store's snapshot of `dataset`; a domain error becomes one line, exit 1."""
    try:
        with store_and_snapshot(dataset) as (_, _, snapshot):
            yield snapshot
    except CareerGraphError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from error


def emit(answer: BaseModel, as_json: bool, render: Callable[[], None]) -> None:
    if as_json:
        typer.echo(answer.model_dump_json(indent=2, by_alias=True))
    else:
        render()


def level(label: Label, n: int) -> str:
    return label(n) if n else "-"


def render_gap(report: GapReport, label: Label) -> None:
    source = report.from_.role
    who = f"{source.code} {source.title}" if source else "your profile"
    s = report.summary
    console.print(
        f"[bold]{who} → {report.to.code} {report.to.title}[/] ({report.basis} levels): "
        f"{s.level_steps} level steps to go, {s.coverage:.0%} covered "
        f"({s.missing} missing, {s.raise_} to raise, {s.met} met)"
    )
    table = Table("competence", "title", "have", "need", "delta", "status")
    for item in report.items:
        c = item.competence
        table.add_row(
            c.code,
            c.title,
            level(label, item.have),
            level(label, item.need),
            str(item.delta),
            STATUS_MARK[item.status],
        )
    console.print(table)
    if report.transferable:
        held = ", ".join(f"{t.competence.code} {t.competence.title}" for t in report.transferable)
        console.print(f"Transferable, not required there: {held}")


def render_moves(answer: NextMoves) -> None:
    table = Table("role", "title", "related", "coverage", "level steps", "direction")
    for move in answer.moves:
        table.add_row(
            move.role.code,
            move.role.title + (" (documented)" if move.documented else ""),
            f"{move.relatedness:.0%}",
            f"{move.coverage:.0%}",
            str(move.level_steps),
            move.direction,
        )
    console.print(table)
    for move in answer.moves:
        console.print(f"{move.role.code}: {move.why}")


def render_paths(answer: PathsAnswer, label: Label) -> None:
    why = "given" if answer.max_steps_source == "given" else f"default: {DEFAULT_RULE}"
    console.print(
        f"{answer.from_.code} {answer.from_.title} → {answer.to.code} {answer.to.title}: "
        f"the shortest takes {answer.fewest_moves} moves; paths of at most "
        f"{answer.max_steps} moves ({why}), every step within reach of all held before it"
    )
    console.print(f"Or {answer.direct.text}.")
    for rank, path in enumerate(answer.paths, start=1):
        console.print(f"[bold]{rank}. {' → '.join(path.roles)}[/]  cost {path.cost} level steps")
        for step in path.steps:
            gains = ", ".join(
                f"{g.competence.code} {level(label, g.before)}→{level(label, g.after)}"
                for g in step.gains
            )
            console.print(
                f"   {step.from_} → {step.to} ({step.kind}, {step.cost}, "
                f"{step.coverage:.0%} covered): {gains or 'nothing new'}"
            )
            if step.condition:
                console.print(f"     condition: {step.condition}")


@cli.command("gap")
def gap_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help="Current role code, e.g. 3.2")],
    target: Annotated[str, typer.Argument(metavar="TO", help="Target role code, e.g. 3.4")],
    basis: Annotated[str, typer.Option(help="entry (low end) or mastery (high end)")] = "entry",
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """What separates role FROM from role TO, competence by competence."""
    if basis not in ("entry", "mastery"):
        typer.echo("error: --basis is entry or mastery", err=True)
        raise typer.Exit(2)
    chosen: Basis = "mastery" if basis == "mastery" else "entry"
    with snapshot_or_exit(dataset) as snapshot:
        report = gap(snapshot, role_holder(snapshot, source), target, basis=chosen)
    emit(report, as_json, lambda: render_gap(report, snapshot.level_label))


@cli.command("next")
def next_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help="Current role code")],
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
    direction: Annotated[
        str, typer.Option(help="up, lateral, down, any, or not-down (no step-downs)")
    ] = "not-down",
    documented: Annotated[
        str, typer.Option(help="include the moves the source states, exclude them, or only them")
    ] = "include",
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """The roles worth moving to from FROM: most related first, no step-downs by default."""
    if direction not in get_args(DirectionFilter) or documented not in get_args(DocumentedMode):
        typer.echo(
            "error: --direction is up, lateral, down, any or not-down; "
            "--documented is include, exclude or only",
            err=True,
        )
        raise typer.Exit(2)
    with snapshot_or_exit(dataset) as snapshot:
        answer = next_moves(
            snapshot,
            role_holder(snapshot, source),
            limit=limit,
            direction=cast(DirectionFilter, direction),
            documented=cast(DocumentedMode, documented),
        )
    emit(answer, as_json, lambda: render_moves(answer))


@cli.command("paths")
def paths_command(
    source: Annotated[str, typer.Argument(metavar="FROM")],
    target: Annotated[str, typer.Argument(metavar="TO")],
    k: Annotated[int, typer.Option(min=1, max=10, help="How many paths")] = 3,
    max_steps: Annotated[
        int | None,
        typer.Option(min=1, max=10, help=f"Moves per path at most; if not given: {DEFAULT_RULE}"),
    ] = None,
    only_documented: Annotated[bool, typer.Option(help="Only moves the source states")] = False,
    avoid: Annotated[str, typer.Option(help="Comma-separated roles to avoid")] = "",
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """The k best multi-step paths from FROM to TO."""
    avoided = split_codes(avoid)
    with snapshot_or_exit(dataset) as snapshot:
        answer = k_best_paths(
            snapshot,
            source,
            target,
            k=k,
            max_steps=max_steps,
            only_documented=only_documented,
            avoid=avoided,
        )
    emit(answer, as_json, lambda: render_paths(answer, snapshot.level_label))


def _raise_text(raised: Raise, label: Label) -> str:
    c = raised.competence
    held = label(raised.before) if raised.before else "none"
    return f"{c.code} {c.title}: {held} → {label(raised.after)}"


def render_unlocks(answer: UnlocksAnswer, label: Label) -> None:
    source = answer.from_.role
    who = f"{source.code} {source.title}" if source else "your profile"
    console.print(
        f"[bold]{who}[/]: {answer.within_reach} roles within reach (coverage at least "
        f"{answer.threshold:.0%}); {answer.total} single raises bring one of its best next "
        "moves within reach, the best first"
    )
    if answer.raises:
        table = Table("raise", "level steps", "brings within reach")
        for raised in answer.raises:
            roles = ", ".join(f"{u.role.code} {u.role.title}" for u in raised.unlocks)
            table.add_row(_raise_text(raised, label), str(raised.level_steps), roles or "-")
        console.print(table)
    if answer.toward is not None:
        toward = answer.toward
        console.print(
            f"Towards {toward.role.code} {toward.role.title} ({toward.level_steps} level steps "
            f"to go, {toward.coverage:.0%} covered), most closed per level step first:"
        )
        for raised in toward.raises[:5]:
            console.print(
                f"  {_raise_text(raised, label)}: closes {raised.closes} of "
                f"{raised.level_steps} level steps raised, then {raised.coverage_after:.0%} covered"
            )


@cli.command("unlocks")
def unlocks_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help="Current role code, e.g. 3.2")],
    to: Annotated[
        str | None, typer.Option("--to", help="A target: the raises that close its gap")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 10,
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """The single raises (competence -> level) that bring the most roles within reach."""
    with snapshot_or_exit(dataset) as snapshot:
        answer = unlocks(snapshot, role_holder(snapshot, source), target=to, limit=limit)
    emit(answer, as_json, lambda: render_unlocks(answer, snapshot.level_label))


@cli.command("role")
def role_command(
    code: Annotated[str, typer.Argument(help="Role code, e.g. 3.2")],
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """A role's data sheet: mission, competences with levels, career path."""
    with snapshot_or_exit(dataset) as snapshot:
        sheet = role_sheet(snapshot, snapshot.role(code))

    def render() -> None:
        console.print(f"[bold]{sheet.code} {sheet.title}[/] ({sheet.family.name})")
        if sheet.alt_titles:
            console.print(f"Also: {', '.join(sheet.alt_titles)}")
        console.print(sheet.mission)
        table = Table("competence", "title", "levels")
        for c in sheet.competences:
            levels = (" or " if c.combine == "or" else ", ").join(
                map(snapshot.level_label, c.levels)
            )
            table.add_row(c.code, c.title, levels)
        console.print(table)
        if sheet.career:
            console.print(f"Experience: {sheet.career.experience}")

    emit(sheet, as_json, render)
