"""Entry point of the `careergraph` console script.

A command's module is imported only when that command runs (or its own --help is asked
for): `careergraph gap` does not load the Neo4j driver, FastAPI or the workforce code,
and `careergraph --help` loads none of them (issue 24: a CLI answer in under 1.5 s).
`COMMANDS` lists each command with its one-line help for `careergraph --help`;
tests/unit/test_cli_startup.py checks that line against the command's own and that a
command imports only what it needs.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class Lazy:
    """A command in `module`: `attribute` is a function (one command) or a Typer (a group)."""

    module: str
    attribute: str
    help: str

    def load(self, name: str) -> Any:
        target = getattr(importlib.import_module(self.module), self.attribute)
        if isinstance(target, typer.Typer):
            group = typer.main.get_group(target)
            group.name, group.help = name, group.help or self.help
            return group
        single = typer.Typer(add_completion=False)
        single.command(name)(target)
        return typer.main.get_command(single)


COMMANDS = {
    "gap": Lazy(
        "app.cli.career_cmd",
        "gap_command",
        "What separates role FROM from role TO, competence by competence.",
    ),
    "next": Lazy(
        "app.cli.career_cmd",
        "next_command",
        "The roles worth moving to from FROM: most related first, no step-downs by default.",
    ),
    "paths": Lazy(
        "app.cli.career_cmd", "paths_command", "The k best multi-step paths from FROM to TO."
    ),
    "unlocks": Lazy(
        "app.cli.career_cmd",
        "unlocks_command",
        "The single raises (competence -> level) that bring the most roles within reach.",
    ),
    "role": Lazy(
        "app.cli.career_cmd",
        "role_command",
        "A role's data sheet: mission, competences with levels, career path.",
    ),
    "dataset": Lazy("app.cli.dataset_cmd", "cli", "List, import, export and remove datasets."),
    "workforce": Lazy("app.cli.workforce_cmd", "cli", "People analytics: bench, heatmap, what-if."),
    "eval": Lazy(
        "app.cli.eval_cmd",
        "eval_command",
        "Score every role's default next moves and the career links against a truth set.",
    ),
    "up": Lazy(
        "app.cli.up_cmd",
        "up",
        "Start (or reuse) Neo4j, seed it if needed, and serve the API and UI from it.",
    ),
    "serve": Lazy("app.cli.serve_cmd", "serve", "Run the API and web UI with uvicorn."),
    "seed": Lazy("app.cli.seed_cmd", "cli", "Build, check and load the dataset."),
    "neo4j": Lazy("app.cli.neo4j_cmd", "cli", "A local throwaway Neo4j without Docker."),
    "cypher": Lazy("app.cli.cypher_cmd", "cli", "Read-only Cypher: the library, ad-hoc queries."),
}


class Listed(TyperCommand):
    """A command's name and help line for `careergraph --help`, until the command runs."""


class LazyCommands(TyperGroup):
    """The commands of COMMANDS, each listed until it is run (or asked for its --help)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, lazy in COMMANDS.items():
            self.commands[name] = Listed(name, help=lazy.help)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else None
        if name in COMMANDS and isinstance(self.commands[name], Listed):
            self.commands[name] = COMMANDS[name].load(name)  # imported here, on first use
        return super().resolve_command(ctx, args)


cli = typer.Typer(
    cls=LazyCommands,
    name="careergraph",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@cli.callback()
def careergraph() -> None:
    """Career-path explorer for IT roles (CIGREF 2011 + e-CF 2.0)."""


def main() -> None:
    cli()
