"""Answers as tables: one definition per table, for every export and the parity test.

A gap row is what app/routers/gap.py writes to CSV and what cypher/library/gap.cypher
returns; tests/neo4j/test_parity.py compares the two through these definitions.
"""

from __future__ import annotations

from graph.results import GapReport, GapStatus

GAP_COLUMNS = ("competence", "title", "area", "have", "need", "delta", "status")
GapRow = tuple[str, str, str, int, int, int, GapStatus]


def gap_rows(report: GapReport) -> list[GapRow]:
    """One row per competence the target requires, in the report's order (GAP_COLUMNS)."""
    return [
        (
            item.competence.code,
            item.competence.title,
            item.competence.area,
            item.have,
            item.need,
            item.delta,
            item.status,
        )
        for item in report.items
    ]
