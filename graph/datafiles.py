"""Read and write the dataset as five JSON files, one list of records each.

Writing is byte-stable (sorted records, fixed formatting) so regenerating the
data from the source shows no diff. Reading validates every record and every
cross-reference and reports the first problem on one line: file, record, field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from graph.errors import DatasetError
from graph.models import (
    Area,
    Competence,
    Dataset,
    DocumentedLink,
    Family,
    Role,
    competence_sort_key,
    role_sort_key,
)
from graph.validation import problems

# file name -> (dataset field, model, how a record is named in messages)
FILES: dict[str, tuple[str, type[BaseModel], Callable[[dict[str, Any]], str]]] = {
    "families.json": ("families", Family, lambda r: f"family {r.get('number')}"),
    "areas.json": ("areas", Area, lambda r: f"area {r.get('code')}"),
    "competences.json": ("competences", Competence, lambda r: f"competence {r.get('code')}"),
    "roles.json": ("roles", Role, lambda r: f"role {r.get('code')}"),
    "links.json": (
        "links",
        DocumentedLink,
        lambda r: f"link ({r.get('source')} -> {r.get('target')})",
    ),
}

SORT_KEYS: dict[str, Callable[[Any], Any]] = {
    "families": lambda f: f.number,
    "areas": lambda a: a.code,
    "competences": lambda c: competence_sort_key(c.code),
    "roles": lambda r: role_sort_key(r.code),
    "links": lambda k: (role_sort_key(k.source), role_sort_key(k.target), k.evidence.line),
}


def canonical(dataset: Dataset) -> Dataset:
    """The dataset with every list in file order, so its version equals the read-back one."""
    update = {a: tuple(sorted(getattr(dataset, a), key=key)) for a, key in SORT_KEYS.items()}
    return dataset.model_copy(update=update)


def write_dataset(dataset: Dataset, directory: Path) -> list[Path]:
    """Write the five files; equal datasets give byte-identical files."""
    directory.mkdir(parents=True, exist_ok=True)
    ordered = canonical(dataset)
    written = []
    for name, (attribute, _, _) in FILES.items():
        records = getattr(ordered, attribute)
        text = json.dumps(
            [r.model_dump(mode="json") for r in records], indent=2, ensure_ascii=False
        )
        path = directory / name
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written


def read_dataset(directory: Path) -> Dataset:
    """Load and validate the dataset; raise `DatasetError` naming file, record and field."""
    parts = {attribute: _read_file(directory, name) for name, (attribute, _, _) in FILES.items()}
    dataset = Dataset(**parts)
    found = problems(dataset)
    if found:
        more = f" (and {len(found) - 1} more {_plural(len(found) - 1)})" if len(found) > 1 else ""
        raise DatasetError(f"{found[0]}{more}", tuple(str(p) for p in found))
    return dataset


def _plural(count: int) -> str:
    return "problem" if count == 1 else "problems"


def _read_file(directory: Path, name: str) -> list[BaseModel]:
    """One file's records, each validated by its model."""
    _, model, describe = FILES[name]
    path = directory / name
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{name}: file not found in {directory}") from None
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"{name}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(records, list):
        raise DatasetError(
            f"{name}: expected a JSON list of records, found {type(records).__name__}"
        )
    return [_validate(name, model, describe, index, record) for index, record in enumerate(records)]


def _validate(
    name: str,
    model: type[BaseModel],
    describe: Callable[[dict[str, Any]], str],
    index: int,
    record: object,
) -> BaseModel:
    """One record through its model; the first error becomes a one-line message."""
    if not isinstance(record, dict):
        raise DatasetError(f"{name}: record {index}: expected an object")
    try:
        return model.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        field = _field_path(first["loc"]) or "(record)"
        message = first["msg"].removeprefix("Value error, ")
        raise DatasetError(f"{name}: {describe(record)}: {field}: {message}") from None


def _field_path(location: tuple[int | str, ...]) -> str:
    """('requirements', 4, 'competence') -> 'requirements[4].competence'."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path
