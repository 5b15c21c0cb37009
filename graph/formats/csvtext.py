"""Reading CSV text the way people save it from a spreadsheet, with exact locations.

UTF-8 (a byte-order mark is allowed: Excel writes one), comma-delimited, a header row.
Every failure is a `DatasetError` whose message starts `file:line:column:`, the place a
person opens the file at: the first byte that is not UTF-8, a header that is one cell
because the file is delimited by ';' or tabs, a row with too many cells.

Every check is linear in the text's size, and a file is bounded in columns and cells
(`TooLarge`, an HTTP 413) before anything is built from it: the largest real catalogue
(ESCO as a matrix) has 152 columns and 456,000 cells.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from graph.csvsafe import restored
from graph.errors import DatasetError, TooLarge

BOM = "\ufeff"
# Delimiters spreadsheets use instead of commas (by locale, or "Text (tab delimited)").
OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
# progress(lines_done, lines_total, file): called every PROGRESS_EVERY records and at the end.
Progress = Callable[[int, int, str], None]
PROGRESS_EVERY = 500
# Bounds on one CSV file: a record's cells, and all cells of the file.
MAX_COLUMNS = 2_000
MAX_CELLS = 4_000_000


def located(file: str, line: int, column: int, message: str) -> DatasetError:
    return DatasetError(f"{file}:{line}:{column}: {message}")


def decode(file: str, data: bytes) -> str:
    """UTF-8 text without its byte-order mark; anything else is an error at its first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8", errors="replace")) + 1
        raise located(
            file,
            line,
            column,
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); "
            "save it as 'CSV UTF-8 (comma delimited)'",
        ) from None
    return text.removeprefix(BOM)


def records(
    file: str, text: str, *, progress: Progress | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank record with the line it starts on (a quoted cell may span lines)."""
    if not text.strip():
        raise located(file, 1, 1, "empty file: expected a header row")
    total = text.count("\n") + (not text.endswith("\n"))
    reader = csv.reader(_lines(text), strict=True)
    ended = 0  # the line the previous record ended on
    count = cells_read = 0
    try:
        for cells in reader:
            start, ended = ended + 1, reader.line_num
            if not cells or all(not c.strip() for c in cells):
                continue
            cells_read += len(cells)
            _check_bounds(file, start, len(cells), cells_read)
            yield start, [restored(c) for c in cells]  # our exports' formula guard
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(ended, total, file)
    except csv.Error as error:
        raise located(file, reader.line_num, 1, f"unreadable CSV: {error}") from None
    if progress is not None:
        progress(total, total, file)


def _check_bounds(file: str, line: int, width: int, cells_read: int) -> None:
    if width > MAX_COLUMNS:
        raise TooLarge(f"{file}:{line}:1: {width:,} cells in one row; at most {MAX_COLUMNS:,}")
    if cells_read > MAX_CELLS:
        raise TooLarge(f"{file}:{line}:1: more than {MAX_CELLS:,} cells in the file")


def _lines(text: str) -> Iterator[str]:
    """Lines ending at '\n' only (str.splitlines would also break at form feeds and the like)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def check_header(file: str, header: list[str], *, expected: int) -> list[str]:
    """The header's cells, stripped; a lone cell holding another delimiter is named as such."""
    names = [h.strip() for h in header]
    if len(names) == 1 and expected > 1:
        for delimiter, name in OTHER_DELIMITERS.items():
            if delimiter in names[0]:
                raise located(
                    file,
                    1,
                    1,
                    f"the header is one cell: the file is delimited by {name}, not commas; "
                    "save it as 'CSV UTF-8 (comma delimited)'",
                )
    seen: set[str] = set()  # a set, not names.index(): linear in the header's width
    for column, name in enumerate(names, start=1):
        if name in seen:
            raise located(file, 1, column, f"duplicate column {name!r}")
        seen.add(name)
    return names


def check_width(file: str, line: int, cells: list[str], width: int) -> None:
    if len(cells) != width:
        raise located(
            file,
            line,
            min(len(cells), width) + 1,
            f"{len(cells)} cells where the header has {width}",
        )


@dataclass(frozen=True)
class Row:
    """One record of a table: its cells by column name, and where each cell is."""

    file: str
    line: int
    values: dict[str, str]
    columns: dict[str, int]  # column name -> 1-based column number

    def __getitem__(self, column: str) -> str:
        """The cell, '' when the (optional) column is absent."""
        return self.values.get(column, "")

    def where(self, column: str) -> str:
        """'roles.csv:12:3 (title)': the cell, as error messages name it."""
        return f"{self.file}:{self.line}:{self.columns.get(column, 1)} ({column})"

    def error(self, column: str, message: str) -> DatasetError:
        return DatasetError(f"{self.where(column)}: {message}")


def read_table(
    file: str,
    text: str,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    free: bool = False,
    progress: Progress | None = None,
) -> tuple[list[str], list[Row]]:
    """The header and rows of a table with these columns (any order; `free`: others too)."""
    found = records(file, text, progress=progress)
    _, header = next(found)
    names = check_header(file, header, expected=len(required))
    for column, name in enumerate(names, start=1):
        if not free and name not in (*required, *optional):
            known = ", ".join((*required, *optional))
            raise located(file, 1, column, f"unknown column {name!r} (columns: {known})")
    missing = [name for name in required if name not in names]
    if missing:
        raise located(
            file, 1, 1, f"missing column {missing[0]!r} (the header has: {', '.join(names)})"
        )
    columns = {name: at for at, name in enumerate(names, start=1)}
    rows = []
    for line, cells in found:
        check_width(file, line, cells, len(names))
        rows.append(Row(file, line, dict(zip(names, cells, strict=True)), columns))
    return names, rows
