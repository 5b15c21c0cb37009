"""Read and write a dataset as a directory of JSON files: the dataset's own fields in
dataset.json, then five files of records (families, areas, competences, roles, links).

Writing is byte-stable (sorted records, fixed formatting) so regenerating the
data from the source shows no diff. Reading validates every record and every
cross-reference and reports the first problem on one line: file, line and column,
record, field.

Data that reads is read in one pass per file (pydantic's JSON validator: about half the
time of decoding then validating record by record, on O*NET and ESCO); only when that
pass refuses something are the files read again record by record, for the located
message. Both passes accept the same records and build the same models.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from graph.errors import DatasetError
from graph.models import (
    DATASET_ID_PATTERN,
    Area,
    Competence,
    Dataset,
    DocumentedLink,
    Family,
    Role,
    natural_key,
)
from graph.validation import problems

ModelT = TypeVar("ModelT", bound=BaseModel)

# file name -> (dataset field, model, how a record is named in messages)
FILES: dict[str, tuple[str, type[BaseModel], Callable[[dict[str, Any]], str]]] = {
    "families.json": ("families", Family, lambda r: f"family {r.get('code')}"),
    "areas.json": ("areas", Area, lambda r: f"area {r.get('code')}"),
    "competences.json": ("competences", Competence, lambda r: f"competence {r.get('code')}"),
    "roles.json": ("roles", Role, lambda r: f"role {r.get('code')}"),
    "links.json": (
        "links",
        DocumentedLink,
        lambda r: f"link ({r.get('source')} -> {r.get('target')})",
    ),
}
# Each file's records in one pass (read_dataset's fast path).
_WHOLE_FILES: dict[str, TypeAdapter[tuple[BaseModel, ...]]] = {
    name: TypeAdapter(tuple[model, ...])  # type: ignore[valid-type]
    for name, (_, model, _) in FILES.items()
}
# The dataset's own fields (id, name, provenance, scale): one object.
META_FILE = "dataset.json"
META_FIELDS = ("id", "name", "source", "licence", "attribution", "scale")
# Python's JSON decoder recurses per nesting level: past its limit a record is refused.
TOO_DEEP = "invalid JSON: nested too deeply (no dataset record nests more than a few levels)"

_DATASET_ID = re.compile(DATASET_ID_PATTERN)

SORT_KEYS: dict[str, Callable[[Any], Any]] = {
    "families": lambda f: natural_key(f.code),
    "areas": lambda a: natural_key(a.code),
    "competences": lambda c: natural_key(c.code),
    "roles": lambda r: natural_key(r.code),
    "links": lambda k: (natural_key(k.source), natural_key(k.target), k.evidence.line or 0),
}


def is_dataset_id(text: str) -> bool:
    """A whole string checked: `re.match` with `$` would let 'x\\n' through (a trailing newline)."""
    return _DATASET_ID.fullmatch(text) is not None


def check_id(dataset_id: str) -> None:
    """Raise `DatasetError` unless `dataset_id` is a dataset id, wherever it comes from."""
    if not is_dataset_id(dataset_id):
        raise DatasetError(
            f"dataset id {dataset_id!r}: use 1 to 40 lower-case letters, digits and dashes "
            "(e.g. onet-30-2)"
        )


def canonical(dataset: Dataset) -> Dataset:
    """The dataset with every list in file order, so its version equals the read-back one."""
    update = {a: tuple(sorted(getattr(dataset, a), key=key)) for a, key in SORT_KEYS.items()}
    return dataset.model_copy(update=update)


def dataset_files(dataset: Dataset) -> dict[str, str]:
    """dataset.json and the five record files as text, by name; equal datasets, equal text."""
    ordered = canonical(dataset)
    meta = ordered.model_dump(mode="json", include=set(META_FIELDS))
    texts = {META_FILE: _json_text(meta)}
    for name, (attribute, _, _) in FILES.items():
        texts[name] = _json_text([r.model_dump(mode="json") for r in getattr(ordered, attribute)])
    return texts


def write_dataset(dataset: Dataset, directory: Path) -> list[Path]:
    """Write dataset.json and the five record files; equal datasets give identical bytes."""
    return write_files(dataset_files(dataset), directory)


def write_files(files: dict[str, str], directory: Path) -> list[Path]:
    """Write text files by name into `directory` (made if missing), as UTF-8."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
        written.append(directory / name)
    return written


def _json_text(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def read_dataset(directory: Path) -> Dataset:
    """Load and validate the dataset; raise `DatasetError` naming file, line and field."""
    meta = _read_meta(directory)
    whole = _read_whole(directory, meta)
    if whole is not None:
        return whole
    read = {name: _read_file(name, _load(directory, name)) for name in FILES}
    parts = {FILES[name][0]: [model for _, model in rows] for name, rows in read.items()}
    dataset = _validate(
        META_FILE, Dataset, lambda r: f"dataset {r.get('id')}", 1, {**meta, **parts}
    )
    found = [
        p.located(read[p.file][p.index][0]) if p.index is not None else str(p)
        for p in problems(dataset)
    ]
    if found:
        more = f" (and {len(found) - 1} more {_plural(len(found) - 1)})" if len(found) > 1 else ""
        raise DatasetError(f"{found[0]}{more}", tuple(found))
    return dataset


def _read_whole(directory: Path, meta: dict[str, Any]) -> Dataset | None:
    """The dataset when every file reads and validates in one pass and it has no problem;
    None otherwise (the caller reads again, file by file and record by record, to say
    what and where)."""
    try:
        parts = {
            attribute: _WHOLE_FILES[name].validate_json(_load(directory, name))
            for name, (attribute, _, _) in FILES.items()
        }
        dataset = Dataset.model_validate({**meta, **parts})
    except (DatasetError, ValidationError, ValueError, RecursionError):
        return None
    return None if problems(dataset) else dataset


def _plural(count: int) -> str:
    return "problem" if count == 1 else "problems"


def _load(directory: Path, name: str) -> str:
    try:
        return (directory / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{name}: file not found in {directory}") from None
    except UnicodeDecodeError as error:
        raise DatasetError(f"{name}: not UTF-8 text (byte {error.start})") from None


def _read_meta(directory: Path) -> dict[str, Any]:
    text = _load(directory, META_FILE)
    try:
        meta = json.loads(text)
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"{META_FILE}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise DatasetError(f"{META_FILE}:1:1: {TOO_DEEP}") from None
    if not isinstance(meta, dict):
        raise DatasetError(f"{META_FILE}:1:1: expected a JSON object, found {type(meta).__name__}")
    unknown = sorted(set(meta) - set(META_FIELDS))
    if unknown:
        raise DatasetError(f"{META_FILE}:1:1: unknown field {unknown[0]!r}")
    return meta


def _read_file(name: str, text: str) -> list[tuple[str, BaseModel]]:
    """One file's records, each validated by its model, with where it starts (file:line:col)."""
    _, model, describe = FILES[name]
    found = []
    for index, (line, column, record) in enumerate(_records(name, text)):
        where = f"{name}:{line}:{column}"
        found.append((where, _validate(where, model, describe, index, record)))
    return found


def _records(name: str, text: str) -> list[tuple[int, int, object]]:
    """The elements of a top-level JSON list, each with the line and column it starts at."""
    decoder = json.JSONDecoder()
    found: list[tuple[int, int, object]] = []
    at = _skip_space(text, 0)
    # Lines are counted from the previous record on: counting from the start each time
    # made a large file quadratic (minutes for ESCO's 3,000 roles).
    line, counted = 1, 0
    try:
        if text[at : at + 1] != "[":
            raise json.JSONDecodeError("expected a JSON list of records", text, at)
        at = _skip_space(text, at + 1)
        while text[at : at + 1] != "]":
            line += text.count("\n", counted, at)  # counted on from the last record: linear
            counted = at
            column = at - text.rfind("\n", 0, at)
            try:
                record, end = decoder.raw_decode(text, at)
            except RecursionError:
                raise DatasetError(f"{name}:{line}:{column}: {TOO_DEEP}") from None
            found.append((line, column, record))
            at = _skip_space(text, end)
            if text[at : at + 1] == ",":
                at = _skip_space(text, at + 1)
            elif text[at : at + 1] != "]":
                raise json.JSONDecodeError("expected ',' or ']'", text, at)
        if text[_skip_space(text, at + 1) :]:
            raise json.JSONDecodeError("extra data after the list", text, _skip_space(text, at + 1))
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"{name}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from None
    return found


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _validate(
    where: str,
    model: type[ModelT],
    describe: Callable[[dict[str, Any]], str],
    index: int,
    record: object,
) -> ModelT:
    """One record through its model; the first error becomes a one-line message."""
    if not isinstance(record, dict):
        raise DatasetError(f"{where}: record {index}: expected an object")
    try:
        return model.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        field = _field_path(first["loc"]) or "(record)"
        message = first["msg"].removeprefix("Value error, ")
        raise DatasetError(f"{where}: {describe(record)}: {field}: {message}") from None


def _field_path(location: tuple[int | str, ...]) -> str:
    """('requirements', 4, 'competence') -> 'requirements[4].competence'."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path
