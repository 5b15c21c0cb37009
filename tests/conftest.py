"""Shared pytest wiring: fixture plugins live in their own modules."""

from __future__ import annotations

from collections import Counter

import pytest

pytest_plugins = ["tests.fixtures.neo4j", "tests.fixtures.stores"]

_neo4j_outcomes: Counter[str] = Counter()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Count what became of every test that needs a real Neo4j."""
    outcome = yield
    report = outcome.get_result()
    if item.get_closest_marker("neo4j") and (report.when == "call" or report.outcome != "passed"):
        _neo4j_outcomes[report.outcome] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in the log how many Neo4j tests ran, so a skipped Neo4j suite cannot hide."""
    if _neo4j_outcomes:
        figures = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_neo4j_outcomes.items()))
        terminalreporter.write_line(f"Neo4j tests (real server): {figures}")
