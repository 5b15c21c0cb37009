"""Shared pytest wiring: fixture plugins live in their own modules.

Under pytest-xdist (`make pytest PYTEST_WORKERS=3` runs `-n 3 --dist loadgroup`) each
worker is its own process with its own session fixtures: its own Neo4j from the launcher
or a container, its own live servers, its own temporary directories. What must not be
split or repeated goes to one worker as a group (tests/fixtures/groups.py, which also
schedules them); the run's summary still counts the Neo4j tests of every worker.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tests.fixtures.groups import NEEDS_NEO4J, flag_neo4j, longest_first, scheduler

pytest_plugins = ["tests.fixtures.neo4j", "tests.fixtures.stores"]

_neo4j_outcomes: Counter[str] = Counter()


def pytest_itemcollected(item: pytest.Item) -> None:
    flag_neo4j(item)


@pytest.hookimpl(tryfirst=True)  # after pytest ordered the items, before xdist sends them
def pytest_collection_finish(session: pytest.Session) -> None:
    longest_first(session.items)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, on its controller
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    return scheduler(config, log) if config.getvalue("dist") == "loadgroup" else None


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Count what became of every test that needs a real Neo4j (on the controller under
    xdist: the workers' reports carry the mark as a user property, set at collection)."""
    needs_neo4j = (NEEDS_NEO4J, True) in report.user_properties
    if needs_neo4j and (report.when == "call" or report.outcome != "passed"):
        _neo4j_outcomes[report.outcome] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in the log how many Neo4j tests ran, so a skipped Neo4j suite cannot hide."""
    if _neo4j_outcomes:
        figures = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_neo4j_outcomes.items()))
        terminalreporter.write_line(f"Neo4j tests (real server): {figures}")
