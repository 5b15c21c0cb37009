"""The one table `make bench` prints: one row per figure, with its target when it has one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

COLUMNS = ("section", "what", "measured", "target", "met")


@dataclass(frozen=True)
class Row:
    section: str
    what: str
    measured: str
    target: str = ""
    met: bool | None = None  # None: no target

    def cells(self) -> tuple[str, ...]:
        verdict = "" if self.met is None else ("yes" if self.met else "**no**")
        return (self.section, self.what, self.measured, self.target, verdict)


def markdown(rows: Iterable[Row]) -> str:
    """A GitHub table, columns padded so it reads in a terminal too."""
    cells = [COLUMNS, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.0f} s"


def ratio(value: float) -> str:
    return f"{value:.2f}x"
