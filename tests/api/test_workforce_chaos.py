"""The fast twin of `make chaos`'s workforce run (tools/chaos/workforce.py) on the embedded
store: `careergraph serve` killed -9 while a workforce import is being written, then
started again, serves the last acknowledged workforce whole and keeps no copy of the
killed import (tests/neo4j/test_workforce_store.py does the same on Neo4j, in-process)."""

from __future__ import annotations

from pathlib import Path

from tools.chaos.workforce import Store, run


def test_a_service_killed_mid_import_restarts_on_the_last_workforce(tmp_path: Path) -> None:
    outcome = run(Store(tmp_path / "workforce"), people=8_000, log=tmp_path / "service.log")
    assert outcome.served_a, outcome
    assert outcome.found_b == 0, outcome
    assert outcome.leftovers == 0, outcome
