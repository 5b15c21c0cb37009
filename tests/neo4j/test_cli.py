"""`careergraph seed load`, run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver

from graph.neo4j.store import Neo4jStore
from graph.release import Release

pytestmark = pytest.mark.neo4j

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def careergraph(neo4j_uri: str, neo4j_auth: tuple[str, str], neo4j_database: str) -> Cli:
    """Run the console script in a child process, configured by NEO4J_* like a user's shell."""
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_uri,
        "NEO4J_USER": neo4j_auth[0],
        "NEO4J_PASSWORD": neo4j_auth[1],
        "NEO4J_DATABASE": neo4j_database,
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", "from app.cli.main import main; main()", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)

    return run


def test_seed_load_validates_and_loads_the_seed(
    clean_neo4j: Driver, careergraph: Cli, neo4j_database: str, seed_release: Release
) -> None:
    done = careergraph("seed", "load")
    assert done.returncode == 0, done.stderr
    assert f"version {seed_release.version}" in done.stdout
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    assert store.versions().get("cigref-2011") == seed_release.version


def test_seed_load_reports_bad_data_without_writing(
    clean_neo4j: Driver, careergraph: Cli, neo4j_database: str, tmp_path: Path
) -> None:
    done = careergraph("seed", "load", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.startswith("error: dataset.json: file not found")
    assert Neo4jStore(clean_neo4j, database=neo4j_database).versions().get("cigref-2011") is None
