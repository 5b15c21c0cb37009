"""One way in and one way out for every format, shared by `careergraph dataset` and the API.

Import: a bundle of files (a directory, a zip, one file) in a format (json, csv,
matrix; `auto` looks at the file names) -> a validated dataset in canonical order,
plus what the quantisation chose for a matrix. Export: a dataset -> the files of the
JSON directory format or the CSV format, by name. Nothing here touches a store.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, get_args

from graph.datafiles import FILES as JSON_FILES
from graph.datafiles import META_FILE, canonical, check_id, dataset_files, read_dataset
from graph.errors import DatasetError, TooLarge
from graph.formats import catalogue_csv, matrix
from graph.formats.bundles import Bundle, from_zip, inflate, is_zip
from graph.formats.csvtext import Progress
from graph.formats.quantise import QuantisationReport
from graph.models import Dataset

Format = Literal["json", "csv", "matrix"]
ExportFormat = Literal["json", "csv"]
FORMATS: tuple[Format, ...] = get_args(Format)
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
# In a matrix import, the optional roles -> families file (the other file is the matrix).
FAMILIES_FILE = "families.csv"
# Most bytes one dataset may store (as compact JSON, what its version hashes): ESCO as a
# matrix stores 7 MB; a matrix of many columns stores far more than it uploads.
MAX_STORED_BYTES = 64 << 20


@dataclass(frozen=True)
class Imported:
    dataset: Dataset
    format: Format
    quantisation: QuantisationReport | None = None  # for a matrix: what the levels chose


def detect(bundle: Bundle) -> Format:
    """json when there is a dataset.json, csv when there is a dataset.csv, else matrix."""
    if META_FILE in bundle.files:
        return "json"
    if catalogue_csv.DATASET in bundle.files:
        return "csv"
    return "matrix"


def read_path(path: Path, *, max_bytes: int | None = None) -> Bundle:
    """The files of a directory (its top level), of a zip archive, or one file."""
    if path.is_dir():
        found = [p for p in sorted(path.iterdir()) if p.is_file()]
        total = sum(p.stat().st_size for p in found)
        if max_bytes is not None and total > max_bytes:
            raise TooLarge(f"{path}: {total:,} bytes of files; at most {max_bytes:,}")
        return Bundle(str(path), {p.name: p.read_bytes() for p in found})
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DatasetError(f"{path}: cannot read it ({error.strerror})") from None
    return read_upload(path.name, data, max_bytes=max_bytes)


def read_upload(name: str, data: bytes, *, max_bytes: int | None = None) -> Bundle:
    """Uploaded bytes: a zip archive's files, else one file (gzip-compressed or not)."""
    bound = {} if max_bytes is None else {"max_bytes": max_bytes}
    if is_zip(data):
        return from_zip(data, origin=name, **bound)
    return Bundle(name, {name: inflate(name, data, **bound)})


def import_bundle(
    bundle: Bundle,
    format: Format | Literal["auto"] = "auto",
    *,
    options: matrix.MatrixOptions | None = None,
    dataset_id: str | None = None,
    name: str | None = None,
    families_file: str = FAMILIES_FILE,
    progress: Progress | None = None,
) -> Imported:
    """Read and validate a dataset; `dataset_id` and `name` replace the file's own."""
    chosen = detect(bundle) if format == "auto" else format
    if dataset_id is not None:
        check_id(dataset_id)
    report = None
    if chosen == "json":
        dataset = _read_json(bundle)
    elif chosen == "csv":
        dataset = catalogue_csv.read_catalogue(bundle, progress=progress)
    else:
        options = options or matrix.MatrixOptions(id=dataset_id or "matrix")
        if dataset_id is not None:
            options = replace(options, id=dataset_id)
        dataset, report = _read_matrix(bundle, options, families_file, progress)
    update = {"id": dataset_id or dataset.id, "name": name or dataset.name}
    imported = canonical(dataset.model_copy(update=update))
    check_stored_size(imported)
    return Imported(imported, chosen, report)


def check_stored_size(dataset: Dataset) -> None:
    """Refuse a dataset that would store more than MAX_STORED_BYTES (a 413, not a 422)."""
    size = len(dataset.model_dump_json())
    if size > MAX_STORED_BYTES:
        raise TooLarge(
            f"dataset {dataset.id}: {size:,} bytes to store; at most {MAX_STORED_BYTES:,} "
            "(import fewer roles, competences or levels)"
        )


def _read_json(bundle: Bundle) -> Dataset:
    """The JSON directory format, read through graph.datafiles from a private directory."""
    names = [META_FILE, *JSON_FILES]
    contents = {name: bundle.require(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="careergraph-import-") as tmp:
        for name, data in contents.items():
            (Path(tmp) / name).write_bytes(data)
        return read_dataset(Path(tmp))


def _read_matrix(
    bundle: Bundle, options: matrix.MatrixOptions, families_file: str, progress: Progress | None
) -> tuple[Dataset, QuantisationReport]:
    """The matrix is the bundle's one file besides `families_file` (roles -> families)."""
    others = [name for name in bundle.files if name != families_file]
    if len(others) != 1:
        raise DatasetError(
            f"{bundle.origin}: a matrix import is one CSV file (and optionally {families_file}); "
            f"found {', '.join(others) or 'none'}"
        )
    file = others[0]
    read = matrix.read_matrix(file, bundle.require(file), progress=progress)
    families = bundle.get(families_file)
    names = matrix.read_families(families_file, families, read) if families is not None else None
    return matrix.matrix_dataset(read, options, names)


def export_files(dataset: Dataset, format: ExportFormat) -> dict[str, str]:
    """The files of `dataset` in `format`, by name."""
    if format == "json":
        return dataset_files(dataset)
    return catalogue_csv.write_catalogue(dataset)
