"""`careergraph seed load`, run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import Driver

from app.neo4j_launcher import credentials
from graph.models import Dataset
from graph.neo4j_store import Neo4jStore

pytestmark = pytest.mark.neo4j


def careergraph(uri: str, database: str, *args: str) -> subprocess.CompletedProcess[str]:
    user, password = credentials()
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "NEO4J_DATABASE": database,
    }
    command = [sys.executable, "-c", "from app.cli.main import main; main()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def test_seed_load_validates_and_loads_the_seed(
    clean_neo4j: Driver, neo4j_uri: str, neo4j_database: str, seed_dataset: Dataset
) -> None:
    done = careergraph(neo4j_uri, neo4j_database, "seed", "load")
    assert done.returncode == 0, done.stderr
    assert f"version {seed_dataset.version}" in done.stdout
    assert Neo4jStore(clean_neo4j, database=neo4j_database).dataset_version() == (
        seed_dataset.version
    )


def test_seed_load_reports_bad_data_without_writing(
    clean_neo4j: Driver, neo4j_uri: str, neo4j_database: str, tmp_path: Path
) -> None:
    done = careergraph(neo4j_uri, neo4j_database, "seed", "load", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.startswith("error: families.json: file not found")
    assert Neo4jStore(clean_neo4j, database=neo4j_database).dataset_version() is None
