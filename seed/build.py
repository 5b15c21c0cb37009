"""Regenerate everything derived from the source: the data files and the report."""

from __future__ import annotations

from pathlib import Path

from graph.datafiles import read_dataset, write_dataset
from graph.errors import DatasetError
from seed import DATA_DIR, cigref
from seed.parse import DEFAULT_SOURCE, parse
from seed.report import DEFAULT_REPORT, write_report
from seed.summary import summary


def build_all(
    source: Path | None = None, out: Path | None = None, report: Path | None = None
) -> str:
    """Parse, write data and report, read the data back (so it is valid), return a summary."""
    source = source or DEFAULT_SOURCE
    out = out or DATA_DIR
    report = report or DEFAULT_REPORT
    if not source.is_file():
        raise DatasetError(f"{source}: source document not found")
    parsed = parse(source)
    broken = [str(p) for p in cigref.problems(parsed.dataset)]
    if broken:
        raise DatasetError(
            f"the parsed data breaks the CIGREF conventions: {broken[0]}", tuple(broken)
        )
    write_dataset(parsed.dataset, out)
    write_report(parsed, report)
    return f"wrote {out} and {report}: {summary(read_dataset(out))}"
