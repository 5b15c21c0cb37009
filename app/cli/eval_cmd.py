"""`careergraph eval`: the recommendations scored against a truth set (docs/recommendations.md)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from app.cli.career_cmd import DatasetOption, store_and_snapshot
from app.cli.show import count, figure, table, text
from graph.errors import CareerGraphError
from graph.evaluation.harness import Evaluation, evaluate
from graph.models import Dataset

console = Console()
# Beyond this many documented moves (O*NET: thousands), a summary instead of the list.
LISTED_PLACES = 50


def _dataset(dataset: str | None, preset: str | None) -> Dataset:
    if preset is not None:
        from graph.formats.importing import import_bundle, read_path
        from graph.formats.presets import packaged_file
        from graph.formats.presets import preset as preset_named

        options = preset_named(preset).options
        return import_bundle(read_path(packaged_file(preset)), "matrix", options=options).dataset
    with store_and_snapshot(dataset) as (_, _, snapshot):
        return snapshot.dataset


def render(result: Evaluation) -> None:
    console.print(
        f"{result.dataset}: {count(result.roles, 'role')}, {result.judged} judged against "
        f"{result.truth} (documented links left out)"
    )
    moves = table(
        text("next moves"),
        figure("P@10"),
        figure("R@20"),
        figure("nDCG@10"),
        figure("step-downs in top 3"),
    )
    for row in result.rankings:
        moves.add_row(
            row.name,
            f"{row.precision_10:.3f}",
            f"{row.recall_20:.3f}",
            f"{row.ndcg_10:.3f}",
            f"{row.step_downs_top3}/{row.top3}",
        )
    console.print(moves)
    links = table(
        text("career links"),
        figure("per role (median)"),
        figure("max"),
        figure("precision"),
        figure("recall"),
    )
    for link in result.links:
        links.add_row(
            link.name,
            f"{link.median_out:g}",
            str(link.max_out),
            f"{link.precision:.3f}",
            f"{link.recall:.3f}",
        )
    console.print(links)
    ranks = result.stated_ranks
    if len(ranks) > LISTED_PLACES:  # O*NET: its Related Occupations, already scored above
        top = [sum(1 for p in ranks.values() if p is not None and p <= k) for k in (5, 10)]
        console.print(
            f"documented moves, in the model's next moves (link left out): {top[0]} of "
            f"{len(ranks)} in the top 5, {top[1]} in the top 10"
        )
    elif ranks:
        places = ", ".join(f"{pair} {place or '-'}" for pair, place in ranks.items())
        console.print(
            f"documented moves, place in the model's next moves (link left out): {places}"
        )


def eval_command(
    dataset: DatasetOption = None,
    preset: Annotated[
        str | None, typer.Option(help="Score a preset (onet, esco) imported in memory instead.")
    ] = None,
) -> None:
    """Score every role's default next moves and the career links against a truth set."""
    try:
        loaded = _dataset(dataset, preset)
    except CareerGraphError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from error
    result = evaluate(loaded)
    if result is None:
        typer.echo(
            f"error: no truth set judges dataset {loaded.id!r} (there is one for the seed and "
            "O*NET; ESCO has none)",
            err=True,
        )
        raise typer.Exit(1)
    render(result)
