"""Documented career links: moves between named roles that the source states in words."""

from __future__ import annotations

from graph.models import DocumentedLink, Role
from seed.anomalies import AnomalyLog

Line = tuple[int, str]


def attach_mentions(roles: list[Role], lines: list[Line], log: AnomalyLog) -> list[Role]:
    return roles


def documented_links(roles: list[Role], lines: list[Line], log: AnomalyLog) -> list[DocumentedLink]:
    return []
