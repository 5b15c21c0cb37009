"""The local Neo4j's transaction memory follows its heap (app/neo4j_launcher.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import neo4j_launcher
from app.neo4j_launcher import LauncherError


@pytest.mark.parametrize(
    ("heap", "total", "each"),
    [("512m", "320m", "192m"), ("1G", "640m", "384m"), ("3g", "1920m", "1152m")],
)
def test_transactions_get_fixed_eighths_of_the_heap(
    tmp_path: Path, heap: str, total: str, each: str
) -> None:
    config = neo4j_launcher._config(tmp_path, 7687, heap)
    assert f"db.memory.transaction.total.max={total}" in config
    assert f"db.memory.transaction.max={each}" in config


@pytest.mark.parametrize("heap", ["", "512", "0m", "1.5g", "512k", "big"])
def test_a_heap_that_is_not_a_size_is_refused(tmp_path: Path, heap: str) -> None:
    with pytest.raises(LauncherError, match="expected a size such as 512m"):
        neo4j_launcher._config(tmp_path, 7687, heap)


def test_more_jvm_options_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(neo4j_launcher.EXTRA_JVM_OPTIONS, " -XX:TieredStopAtLevel=1  -Dx='a b' ")
    options = neo4j_launcher.jvm_options()
    assert options[: len(neo4j_launcher.JVM_OPTIONS)] == neo4j_launcher.JVM_OPTIONS
    assert options[len(neo4j_launcher.JVM_OPTIONS) :] == ("-XX:TieredStopAtLevel=1", "-Dx=a b")
    monkeypatch.delenv(neo4j_launcher.EXTRA_JVM_OPTIONS)
    assert neo4j_launcher.jvm_options() == neo4j_launcher.JVM_OPTIONS
