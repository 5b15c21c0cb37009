"""Reference data that is not ours, shipped as its publishers wrote it.

onet-29-3/: seven tables of the O*NET 29.3 Database (May 2025 release), tab-separated
with O*NET's own header row, gzipped. Converted from the Excel edition, cell for cell
(blank cells as empty fields). Licence: CC BY 4.0; attribution: "O*NET 29.3 Database by
the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used
under the CC BY 4.0 licence". Layout: https://www.onetcenter.org/dictionary/29.3/text/
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from pathlib import Path

ONET_DIR = Path(__file__).resolve().parent / "onet-29-3"
ONET_ATTRIBUTION = (
    "O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training "
    "Administration (USDOL/ETA), used under the CC BY 4.0 licence"
)


def onet_rows(table: str) -> Iterator[dict[str, str]]:
    """The rows of one O*NET table (e.g. "Related Occupations"), keyed by its header."""
    with gzip.open(ONET_DIR / f"{table}.txt.gz", "rt", encoding="utf-8", newline="") as text:
        yield from csv.DictReader(text, delimiter="\t")
