"""The CLI's start-up (issue 24): a command imports only what it needs.

Speed itself is measured by benchmarks (tools/bench/startup.py); here, which modules a
command loads, which is what the start-up time follows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer

from app.cli.main import COMMANDS, cli

# Run in one fresh interpreter: each command, then the heavy modules loaded so far.
PROBE = """
import json, sys
from app.cli.main import main
HEAVY = ("neo4j", "fastapi", "uvicorn", "pandas", "numpy", "networkx", "graph.workforce")
seen = {}
for args in (["--help"], ["gap", "3.2", "3.4"], ["role", "programmer"]):
    sys.argv = ["careergraph", *args]
    try:
        main()
    except SystemExit:
        pass
    seen[args[0]] = sorted(m for m in HEAVY if m in sys.modules)
print(json.dumps(seen), file=sys.stderr)
"""


def test_each_command_loads_only_what_it_needs() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"CAREERGRAPH_STORE": "embedded", "PATH": ""},
        check=True,
    )
    seen = json.loads(run.stderr.strip().splitlines()[-1])
    assert seen["--help"] == []  # the list of commands imports none of them
    assert seen["gap"] == ["networkx", "numpy"]  # the graph's, not the service's
    # The API's shapes (app.schemas, with the workforce's models), without FastAPI.
    assert seen["role"] == ["graph.workforce", "networkx", "numpy"]


def test_the_help_line_of_each_command_is_its_own() -> None:
    group = typer.main.get_command(cli)
    listed = {name: lazy.load(name) for name, lazy in COMMANDS.items()}
    assert set(group.commands) == set(COMMANDS)  # type: ignore[attr-defined]
    for name, command in listed.items():
        assert (command.help or "").splitlines()[0] == COMMANDS[name].help, name


def test_the_readme_lists_every_command() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    listed = [line.split() for line in readme.splitlines() if line.startswith("careergraph ")]
    for name, lazy in COMMANDS.items():
        lines = [words for words in listed if words[1] == name]
        assert lines, f"README: no `careergraph {name}` line"
        command = lazy.load(name)
        for sub in getattr(command, "commands", {}):
            assert any(sub in words for words in lines), f"README: `careergraph {name} {sub}`"
