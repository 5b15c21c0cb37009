"""CSV cells a spreadsheet will not run: the one helper every CSV writer uses.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by
Excel, LibreOffice and Google Sheets as a formula (`=HYPERLINK(...)`, `@SUM(...)`,
`+cmd|...`): an exported unit or title could then run on the analyst's machine. The
OWASP rule: such a text cell goes out with a `'` in front, which spreadsheets show as
text and do not evaluate. Numbers are written as numbers (a negative number is no
formula). Readers of our own files take the quote off again (`restored`), so an export
imports back to the same values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutral(value: object) -> object:
    """`value`, with a quote in front when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return QUOTE + value
    return value


def restored(text: str) -> str:
    """A cell as `neutral` had it before (the quote it added, taken off)."""
    if text.startswith(QUOTE) and text[1:2] and text[1:2] in FORMULA_START:
        return text[1:]
    return text


def neutral_row(row: Iterable[object]) -> list[object]:
    return [neutral(value) for value in row]


def csv_text(header: Sequence[str], rows: Iterable[Iterable[object]]) -> str:
    """A header and rows as CSV text (`\\n` line ends), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(neutral_row(header))
    writer.writerows(neutral_row(row) for row in rows)
    return buffer.getvalue()
