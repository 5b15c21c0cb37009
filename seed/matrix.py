"""Annex 1, the roles x competences matrix: read only to cross-check the data sheets.

The converted matrix is partial and its cells are shifted against the column
headers, so positions mean nothing; what survives is each row's sequence of
level values, which is compared with the sheet's levels in competence order.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from graph.models import Role, natural_key
from seed.anomalies import AnomalyLog
from seed.text import Line, cells

ROW = re.compile(r"^([1-7])[.,](\d{1,2})\t([^\t]+)\t(.*)$")
HEADER = "e-Competence Framework"


@dataclass(frozen=True)
class MatrixRow:
    role: str
    line: int
    values: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    role: str
    line: int
    matrix: tuple[str, ...]
    sheet: tuple[str, ...]


def rows(lines: list[Line], log: AnomalyLog) -> list[MatrixRow]:
    """The role rows of the matrix, role codes normalised ('4,10' -> '4.10')."""
    found: list[MatrixRow] = []
    for number, raw in lines:
        match = ROW.match(raw)
        if not match:
            continue
        family, index, _title, rest = match.groups()
        if f"{family}.{index}" not in raw:
            log.add(number, "matrix role code", raw[:12], f"read as {family}.{index}")
        found.append(MatrixRow(f"{family}.{index}", number, tuple(cells(rest))))
    return found


def header_titles(lines: list[Line]) -> list[str]:
    """The competence titles of the header row (garbled: two titles may share a cell)."""
    for (_, raw), (_, following) in itertools.pairwise(lines):
        if raw.startswith(HEADER):
            return cells(following)
    return []


def check_header(lines: list[Line], log: AnomalyLog) -> None:
    """Record header codes printed with a stray dot and titles merged into one cell."""
    for (number, raw), (_, following) in itertools.pairwise(lines):
        if not raw.startswith(HEADER):
            continue
        codes = cells(raw)[1:]
        for code in codes:
            if code.endswith("."):
                log.add(number, "matrix header", code, f"read as {code.rstrip('.')}")
        titles = cells(following)
        if len(titles) != len(codes):
            log.add(
                number + 1,
                "matrix header",
                f"{len(titles)} titles for {len(codes)} codes",
                "titles not used by position; the matrix is compared by value sequence only",
            )


def sheet_values(role: Role) -> tuple[str, ...]:
    """A role's levels as the matrix prints them, in competence order ('2-3' for a range)."""
    ordered = sorted(role.requirements, key=lambda r: natural_key(r.competence))
    return tuple(
        str(r.level) if r.level == r.level_max else f"{r.level}-{r.level_max}" for r in ordered
    )


def describe(disagreement: Disagreement) -> str:
    """The values one side has and the other lacks (positions are meaningless here)."""
    matrix_values, sheet_values_ = Counter(disagreement.matrix), Counter(disagreement.sheet)
    parts = [
        f"{label}: {' '.join(sorted((a - b).elements()))}"
        for label, a, b in (
            ("only in the matrix", matrix_values, sheet_values_),
            ("only in the sheet", sheet_values_, matrix_values),
        )
        if a - b
    ]
    return "; ".join(parts) or "same values, different order"


def cross_check(matrix: list[MatrixRow], roles: dict[str, Role]) -> list[Disagreement]:
    """Rows whose level sequence differs from the sheet's."""
    return [
        Disagreement(row.role, row.line, row.values, sheet_values(roles[row.role]))
        for row in matrix
        if row.role in roles and row.values != sheet_values(roles[row.role])
    ]
