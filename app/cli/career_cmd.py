"""`careergraph gap|paths|next|unlocks|role`: career questions from the terminal.

Tables for people; `--json` prints the same document the HTTP API returns for the
same question. A role is named by its code or its title (app/cli/find.py); a role that
cannot be told prints one line with the roles it could be, or the nearest, and exits 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, cast, get_args

import typer
from pydantic import BaseModel
from rich.console import Console

from app.cli.find import role_code, role_codes
from app.cli.show import count, figure, named, table, text
from app.codes import split_codes
from app.settings import Settings, get_settings
from app.stores import open_store
from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.algorithms.path_defaults import DEFAULT_RULE
from graph.errors import CareerGraphError
from graph.results import Basis, GapReport, NextMoves, PathsAnswer, Raise, UnlocksAnswer
from graph.snapshot import Snapshot

if TYPE_CHECKING:
    from graph.store import GraphStore

console = Console()

JsonOption = Annotated[bool, typer.Option("--json", help="Print the API's JSON document.")]
STATUS_MARK = {"met": "✓ met", "raise": "↑ raise", "missing": "✗ missing"}


DatasetOption = Annotated[
    str | None, typer.Option("--dataset", help="Dataset id (default: the default dataset).")
]
Label = Callable[[int], str]


def role_argument(example: str) -> str:
    return f"Role code or title, e.g. {example}"


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
    return label(n) if n else "none"


def render_gap(report: GapReport, label: Label) -> None:
    source = report.from_.role
    who = f"{source.code} {source.title}" if source else "your profile"
    s = report.summary
    console.print(
        f"[bold]{who} → {report.to.code} {report.to.title}[/] ({report.basis} levels): "
        f"{count(s.level_steps, 'level step')} to go, {s.coverage:.0%} covered "
        f"({s.missing} missing, {s.raise_} to raise, {s.met} met)"
    )
    rows = table(
        text("competence"), figure("have"), figure("need"), figure("delta"), figure("status")
    )
    for item in report.items:
        c = item.competence
        rows.add_row(
            named(c.code, c.title),
            level(label, item.have),
            level(label, item.need),
            str(item.delta),
            STATUS_MARK[item.status],
        )
    console.print(rows)
    if report.transferable:
        held = ", ".join(named(t.competence.code, t.competence.title) for t in report.transferable)
        console.print(f"Transferable, not required there: {held}")


def render_moves(answer: NextMoves) -> None:
    if not answer.moves:
        console.print("No role fits these options (see --direction and --documented).")
        return
    rows = table(
        text("role"),
        figure("related"),
        figure("coverage"),
        figure("level steps"),
        text("direction"),
    )
    for move in answer.moves:
        rows.add_row(
            named(move.role.code, move.role.title) + (" (documented)" if move.documented else ""),
            f"{move.relatedness:.0%}",
            f"{move.coverage:.0%}",
            str(move.level_steps),
            move.direction,
        )
    console.print(rows)
    for move in answer.moves:
        console.print(f"{named(move.role.code, move.role.title)}: {move.why}")


def render_paths(answer: PathsAnswer, snapshot: Snapshot) -> None:
    label = snapshot.level_label
    why = "given" if answer.max_steps_source == "given" else f"default: {DEFAULT_RULE}"
    console.print(
        f"{answer.from_.code} {answer.from_.title} → {answer.to.code} {answer.to.title}: "
        f"the shortest takes {count(answer.fewest_moves, 'move')}; paths of at most "
        f"{count(answer.max_steps, 'move')} ({why}), every step within reach of all held "
        "before it"
    )
    direct = answer.direct.text
    # A better direct move leads ("Go direct: ..."); otherwise it is the alternative.
    console.print(f"{direct[0].upper()}{direct[1:]}." if answer.direct.better else f"Or {direct}.")
    for rank, path in enumerate(answer.paths, start=1):
        roles = " → ".join(named(code, snapshot.roles[code].title) for code in path.roles)
        console.print(f"[bold]{rank}. {roles}[/]: {count(path.cost, 'level step')}")
        for step in path.steps:
            gains = ", ".join(
                f"{named(g.competence.code, g.competence.title)} "
                f"{level(label, g.before)} → {level(label, g.after)}"
                for g in step.gains
            )
            console.print(
                f"   {step.from_} → {step.to} ({step.kind}, {count(step.cost, 'level step')}, "
                f"{step.coverage:.0%} covered): {gains or 'nothing new'}"
            )
            if step.condition:
                console.print(f"     condition: {step.condition}")


def gap_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help=role_argument("3.2 or programmer"))],
    target: Annotated[
        str, typer.Argument(metavar="TO", help=role_argument('3.4 or "applications architect"'))
    ],
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
        holder = role_holder(snapshot, role_code(snapshot, source))
        report = gap(snapshot, holder, role_code(snapshot, target), basis=chosen)
    emit(report, as_json, lambda: render_gap(report, snapshot.level_label))


def next_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help=role_argument("3.2 or programmer"))],
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
    # The algorithms that rank every role are imported by their commands: numpy and scipy
    # (and networkx for paths) are not loaded by the commands that do not use them.
    from graph.algorithms.moves import DirectionFilter, DocumentedMode, next_moves

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
            role_holder(snapshot, role_code(snapshot, source)),
            limit=limit,
            direction=cast(DirectionFilter, direction),
            documented=cast(DocumentedMode, documented),
        )
    emit(answer, as_json, lambda: render_moves(answer))


def paths_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help=role_argument("1.3"))],
    target: Annotated[str, typer.Argument(metavar="TO", help=role_argument("7.2"))],
    k: Annotated[int, typer.Option(min=1, max=10, help="How many paths")] = 3,
    max_steps: Annotated[
        int | None,
        typer.Option(min=1, max=10, help=f"Moves per path at most; if not given: {DEFAULT_RULE}"),
    ] = None,
    only_documented: Annotated[bool, typer.Option(help="Only moves the source states")] = False,
    avoid: Annotated[
        str, typer.Option(help="Roles to avoid: codes or titles, comma-separated")
    ] = "",
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """The k best multi-step paths from FROM to TO."""
    from graph.algorithms.paths import k_best_paths

    with snapshot_or_exit(dataset) as snapshot:
        answer = k_best_paths(
            snapshot,
            role_code(snapshot, source),
            role_code(snapshot, target),
            k=k,
            max_steps=max_steps,
            only_documented=only_documented,
            avoid=role_codes(snapshot, split_codes(avoid)),
        )
    emit(answer, as_json, lambda: render_paths(answer, snapshot))


def _raise_text(raised: Raise, label: Label) -> str:
    c = raised.competence
    return f"{named(c.code, c.title)}: {level(label, raised.before)} → {label(raised.after)}"


def render_unlocks(answer: UnlocksAnswer, label: Label) -> None:
    source = answer.from_.role
    who = f"{source.code} {source.title}" if source else "your profile"
    raises = (
        f"{count(answer.total, 'single raise')} bring{'s' if answer.total == 1 else ''}"
        if answer.total
        else "no single raise brings"
    )
    console.print(
        f"[bold]{who}[/]: {count(answer.within_reach, 'role')} within reach (coverage at least "
        f"{answer.threshold:.0%}); {raises} one of its best next moves within reach"
        + (", the best first" if answer.raises else "")
    )
    if answer.raises:
        rows = table(text("raise"), figure("level steps"), text("brings within reach"))
        for raised in answer.raises:  # each unlocks a role (graph.algorithms.unlocks)
            roles = ", ".join(named(u.role.code, u.role.title) for u in raised.unlocks)
            rows.add_row(_raise_text(raised, label), str(raised.level_steps), roles)
        console.print(rows)
    if answer.toward is not None:
        toward = answer.toward
        console.print(
            f"Towards {toward.role.code} {toward.role.title} "
            f"({count(toward.level_steps, 'level step')} to go, {toward.coverage:.0%} covered), "
            "most closed per level step first:"
        )
        for raised in toward.raises[:5]:
            console.print(
                f"  {_raise_text(raised, label)}: closes {raised.closes} of "
                f"{count(raised.level_steps, 'level step')} raised, "
                f"then {raised.coverage_after:.0%} covered"
            )


def unlocks_command(
    source: Annotated[str, typer.Argument(metavar="FROM", help=role_argument("3.2 or programmer"))],
    to: Annotated[
        str | None,
        typer.Option("--to", help="A target (code or title): the raises that close its gap"),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 10,
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """The single raises (competence -> level) that bring the most roles within reach."""
    from graph.algorithms.unlocks import unlocks

    with snapshot_or_exit(dataset) as snapshot:
        holder = role_holder(snapshot, role_code(snapshot, source))
        target = None if to is None else role_code(snapshot, to)
        answer = unlocks(snapshot, holder, target=target, limit=limit)
    emit(answer, as_json, lambda: render_unlocks(answer, snapshot.level_label))


def role_command(
    code: Annotated[str, typer.Argument(metavar="ROLE", help=role_argument("3.2 or programmer"))],
    dataset: DatasetOption = None,
    as_json: JsonOption = False,
) -> None:
    """A role's data sheet: mission, competences with levels, career path."""
    # Here, not at the top: the sheet's API shapes (app.schemas) load FastAPI, which the
    # other career commands do not need (issue 24, the CLI's start-up).
    from app.views import role_sheet

    with snapshot_or_exit(dataset) as snapshot:
        sheet = role_sheet(snapshot, snapshot.role(role_code(snapshot, code)))

    def render() -> None:
        console.print(f"[bold]{sheet.code} {sheet.title}[/] ({sheet.family.name})")
        if sheet.alt_titles:
            console.print(f"Also: {', '.join(sheet.alt_titles)}")
        if sheet.mission:
            console.print(sheet.mission)
        if sheet.competences:
            rows = table(text("competence"), figure("levels"))
            for c in sheet.competences:
                levels = (" or " if c.combine == "or" else ", ").join(
                    map(snapshot.level_label, c.levels)
                )
                rows.add_row(named(c.code, c.title), levels)
            console.print(rows)
        career = sheet.career
        for heading, said in (
            ("Profile", career.profile if career else ""),
            ("Experience", career.experience if career else ""),
            ("Note", career.note if career else ""),
        ):
            if said:
                console.print(f"{heading}: {said}")
        if sheet.links_out:
            moves = ", ".join(named(link.role.code, link.role.title) for link in sheet.links_out)
            console.print(f"Moves on to: {moves}")

    emit(sheet, as_json, render)
