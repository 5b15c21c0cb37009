"""Regenerate everything derived from the source: the data files and the report."""

from __future__ import annotations

from pathlib import Path

from seed.errors import SeedDataError
from seed.io import DEFAULT_DATA_DIR, read_dataset, write_dataset
from seed.parse import DEFAULT_SOURCE, parse
from seed.summary import summary


def build_all(source: Path | None = None, out: Path | None = None) -> str:
    """Parse, write, read back (so what was written is valid) and return a summary."""
    source = source or DEFAULT_SOURCE
    out = out or DEFAULT_DATA_DIR
    if not source.is_file():
        raise SeedDataError(f"{source}: source document not found")
    parsed = parse(source)
    write_dataset(parsed.dataset, out)
    return f"wrote {out}: {summary(read_dataset(out))}"
