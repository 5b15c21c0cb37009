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

from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutral(value: object) -> object:
    """`value`, with a quote in front when it is text a spreadsheet would run (or text that
    already starts with quotes before such a character, so that `restored` is exact)."""
    if isinstance(value, str) and _guarded(value):
        return QUOTE + value
    return value


def restored(text: str) -> str:
    """A cell as `neutral` had it before (the quote it added, taken off)."""
    return text[1:] if text.startswith(QUOTE) and _guarded(text) else text


def _guarded(text: str) -> bool:
    return text.lstrip(QUOTE).startswith(FORMULA_START)


def csv_text(header: Sequence[str], rows: Iterable[Iterable[object]]) -> str:
    """A header and rows as CSV text (`\\n` line ends), every cell neutralised; None is
    an empty cell. Quoted only where needed, a lone `\\r` included (Python's csv writer
    leaves it bare, which breaks the row for every reader)."""
    lines = [",".join(_cell(neutral(value)) for value in row) + "\n" for row in (header, *rows)]
    return "".join(lines)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
