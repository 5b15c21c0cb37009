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
from graph.algorithms.links import release
from graph.datafiles import read_dataset
from graph.embedded import EmbeddedStore
from seed import DATA_DIR

SEED = read_dataset(DATA_DIR)

# Run in one fresh interpreter: each command, then the heavy modules loaded so far. "copy"
# is a library dataset, opened from its stored links; the seed's links are inferred.
PROBE = """
import json, sys
from app.cli.main import main
HEAVY = ("neo4j", "fastapi", "uvicorn", "pandas", "numpy", "networkx", "graph.workforce")
seen = {}
for args in (
    ["--help"],
    ["gap", "3.2", "3.4", "--dataset", "copy"],
    ["paths", "1.3", "7.2", "--dataset", "copy"],
    ["gap", "3.2", "3.4"],
    ["role", "programmer"],
):
    sys.argv = ["careergraph", *args]
    try:
        main()
    except SystemExit:
        pass
    seen[" ".join(args[:1] + args[3:])] = sorted(m for m in HEAVY if m in sys.modules)
print(json.dumps(seen), file=sys.stderr)
"""


def test_each_command_loads_only_what_it_needs(tmp_path: Path) -> None:
    EmbeddedStore([], library=tmp_path).save(release(SEED.model_copy(update={"id": "copy"})))
    run = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "CAREERGRAPH_STORE": "embedded",
            "CAREERGRAPH_DATASETS_DIR": str(tmp_path),
            "PATH": "",
        },
        check=True,
    )
    seen = json.loads(run.stderr.strip().splitlines()[-1])
    assert seen["--help"] == []  # the list of commands imports none of them
    # A gap read from a library needs no array maths; paths need numpy (the reach) and
    # walk the links without networkx.
    assert seen["gap --dataset copy"] == []
    assert seen["paths --dataset copy"] == ["numpy"]
    assert seen["gap"] == ["numpy"]  # the seed's links inferred: the graph's, not the service's
    # The API's shapes (app.schemas, with the workforce's models), without FastAPI.
    assert seen["role"] == ["graph.workforce", "numpy"]


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
