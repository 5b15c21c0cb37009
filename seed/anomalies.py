"""Anomalies of the source document, recorded by the parser as it meets them.

The report is generated from these records, so it can never claim a fix the
parser did not make.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Anomaly:
    line: int
    kind: str
    text: str
    action: str


@dataclass
class AnomalyLog:
    """Collects anomalies; the parser passes one log through every stage."""

    items: list[Anomaly] = field(default_factory=list)

    def add(self, line: int, kind: str, text: str, action: str) -> None:
        self.items.append(Anomaly(line, kind, text.strip()[:160], action))

    def sorted(self) -> list[Anomaly]:
        return sorted(set(self.items))
