"""Reading people from CSV or JSON text, checked whole against one dataset.

Either every row is good and the workforce is returned, or InvalidWorkforce lists the
bad ones (file:line:column) and nothing may be written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from graph.errors import InvalidWorkforce
from graph.models import Dataset
from graph.workforce.checks import Catalogue
from graph.workforce.csvfile import read_csv
from graph.workforce.jsonfile import read_json
from graph.workforce.models import Workforce
from graph.workforce.store import bulk

Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")


def read_people(text: str, dataset: Dataset, *, format: Format, name: str) -> Workforce:
    """The people `text` describes, for `dataset`; `name` is how problems name the file."""
    reader = read_csv if format == "csv" else read_json
    with bulk():
        return reader(text, Catalogue.of(dataset), dataset=dataset.id, name=name)


def format_of(path: Path) -> Format:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InvalidWorkforce(f"{path.name}: expected a .csv or .json file")
    return "csv" if suffix == "csv" else "json"


def read_people_file(path: Path, dataset: Dataset) -> Workforce:
    """The people of a .csv or .json file (UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidWorkforce(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    return read_people(text, dataset, format=format_of(path), name=path.name)
