"""`careergraph seed load`, run as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.neo4j.store import Neo4jStore
from graph.release import Release
from tests.neo4j.conftest import Cli

pytestmark = pytest.mark.neo4j


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
