"""Import, export and remove datasets over HTTP: the `write` scope (app/security.py).

The upload is the request body itself (no multipart): a zip of the JSON directory or
of the CSV files, or a matrix CSV (gzip-compressed or not), at most
CAREERGRAPH_IMPORT_MAX_BYTES, unzipped too, and declared by its Content-Type (else 415).
It is read and validated whole, its career links inferred, and only then saved through
the provider, which serves it at once: a bad upload changes nothing and answers 422
naming file, line and column. The store writes one dataset at a time and all or nothing:
of two first imports of one id at once, the second replaces the first (replace=true) or
answers 409, never a silent loss. The default dataset is not replaced here (409, like its
removal): the CLI, which the operator runs, can. The export (the dataset's whole files,
behind the write key) is never cached: `Cache-Control: private, no-store`, no ETag.
"""

from __future__ import annotations

import logging
import statistics
from collections import Counter
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from app.deps import ProviderDep, SettingsDep
from app.problems import Problem, ProblemError
from app.schemas import DatasetImported, QuantisationOut, Spread
from app.security import WriteKey
from app.snapshots import SnapshotProvider
from app.views import dataset_info
from app.workforce import drop_workforce
from graph.algorithms.links import release
from graph.errors import DatasetExists
from graph.formats.bundles import TooLarge, to_zip
from graph.formats.importing import Imported, export_files, import_bundle, read_upload
from graph.formats.matrix import MatrixOptions
from graph.formats.presets import matrix_options
from graph.formats.quantise import QuantisationReport
from graph.release import Release
from graph.snapshot import Snapshot

log = logging.getLogger("careergraph.datasets")

router = APIRouter(prefix="/api/v1/datasets", tags=["datasets"])

ZIP = "application/zip"
UPLOAD_TYPES = (ZIP, "text/csv", "application/gzip", "application/octet-stream")
# A single (non-zip) upload is read under this name: messages say "upload.csv:12:3".
UPLOAD_NAME = "upload.csv"

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in {
        401: "Missing or wrong X-API-Key",
        403: "No key has the write scope, or this key lacks it",
        404: "Unknown dataset",
        409: "The dataset exists (import: send replace=true), is being written by another "
        "import, or is the default (replace, remove)",
        413: "The upload is larger than CAREERGRAPH_IMPORT_MAX_BYTES, or unzips larger, or "
        "would store more than a dataset may (columns, cells, bytes)",
        415: "The Content-Type is not one of the upload types",
        422: "Invalid dataset: the first problem with its file, line and column",
    }.items()
}


class ImportParameters(BaseModel):
    """How to read the upload; the matrix options apply to format=matrix only.

    The lengths keep the query string, percent-encoded, within the upload routes' query
    limit (app/http_limits.py, UPLOAD_QUERY_BYTES); longer texts belong in the files."""

    format: Literal["auto", "json", "csv", "matrix", "esco"] = Field(
        default="auto",
        description="auto: json for a zip with dataset.json, csv for one with dataset.csv, "
        "esco for one with ESCO's occupationSkillRelations_en.csv, else matrix",
    )
    id: str | None = Field(default=None, max_length=40, description="dataset id to use")
    name: str | None = Field(default=None, max_length=100, description="dataset name to use")
    replace: bool = Field(default=False, description="replace a dataset with the same id")
    preset: Literal["onet", "esco"] | None = Field(
        default=None, description="matrix defaults of a real catalogue (docs/datasets.md)"
    )
    levels: int | None = Field(default=None, ge=1, le=100, description="matrix: levels (5)")
    floor: float | None = Field(
        default=None, description="matrix: lower ratings are left out (0.5)"
    )
    top: float | None = Field(default=None, description="matrix: top level's upper end (highest)")
    thresholds: str | None = Field(
        default=None,
        max_length=500,
        pattern=r"^\s*-?[0-9.eE+-]+(\s*,\s*-?[0-9.eE+-]+)*\s*$",
        description="matrix: each level's lowest rating, e.g. 0.5,0.7,0.9",
    )
    labels: str | None = Field(default=None, max_length=200, description="matrix: a,b,c")
    area_separator: str | None = Field(default=None, min_length=1, max_length=5)
    licence: str | None = Field(default=None, max_length=150)
    attribution: str | None = Field(default=None, max_length=300)

    def matrix_options(self) -> MatrixOptions:
        return matrix_options(
            self.preset,
            self.id,
            levels=self.levels,
            floor=self.floor,
            top=self.top,
            thresholds=self.thresholds,
            labels=self.labels,
            area_separator=self.area_separator,
            licence=self.licence,
            attribution=self.attribution,
        )


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "A zip of the JSON directory or CSV files, or a matrix CSV (may be gzipped)",
        "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in UPLOAD_TYPES},
    }
}


@router.post(
    "",
    status_code=201,
    response_model=DatasetImported,
    responses=ERRORS,
    openapi_extra=UPLOAD_BODY,
)
async def import_dataset(
    request: Request,
    response: Response,
    key: WriteKey,
    provider: ProviderDep,
    settings: SettingsDep,
    parameters: Annotated[ImportParameters, Query()],
) -> DatasetImported:
    """Add a dataset, or replace one (replace=true): validated whole, served at once."""
    _check_content_type(request.headers.get("content-type", ""))
    data = await request.body()  # bounded by the request limits (app/main.py, uploads)
    imported, linked, snapshot, replaced = await run_in_threadpool(
        _import, data, parameters, provider, settings.careergraph_import_max_bytes
    )
    log.info(
        "dataset %s version %s %s by key %s",
        snapshot.id,
        snapshot.version,
        "replaced" if replaced else "imported",
        key.name,
    )
    response.headers["Location"] = f"/api/v1/datasets/{quote(snapshot.id, safe='')}"
    outs = Counter(link.source for link in linked.links)
    return DatasetImported(
        dataset=dataset_info(snapshot, default=snapshot.id == provider.default),
        replaced=replaced,
        format=imported.format,
        quantisation=_quantisation(imported.quantisation),
        links_per_role=_spread([outs.get(r.code, 0) for r in imported.dataset.roles]),
    )


def _too_large(detail: str) -> ProblemError:
    return ProblemError(413, "Upload too large", detail, "upload-too-large")


def _check_content_type(given: str) -> None:
    media_type = given.partition(";")[0].strip().lower()
    if media_type not in UPLOAD_TYPES:
        raise ProblemError(
            415,
            "Unsupported Media Type",
            f"Content-Type {media_type or '(none)'!r}: send the upload as one of "
            f"{', '.join(UPLOAD_TYPES)}.",
            "unsupported-media-type",
        )


def _import(
    data: bytes, parameters: ImportParameters, provider: SnapshotProvider, limit: int
) -> tuple[Imported, Release, Snapshot, bool]:
    """Read, validate, infer the links, then save: nothing is saved unless all of it passed."""
    try:
        bundle = read_upload(UPLOAD_NAME, data, max_bytes=limit)
    except TooLarge as error:
        raise _too_large(f"{error.detail} (CAREERGRAPH_IMPORT_MAX_BYTES)") from None
    chosen = "matrix" if parameters.preset and parameters.format == "auto" else parameters.format
    imported = import_bundle(
        bundle,
        chosen,
        options=parameters.matrix_options(),
        dataset_id=parameters.id,
        name=parameters.name,
    )
    dataset_id = imported.dataset.id
    exists = ProblemError(
        409,
        "Dataset exists",
        f"A dataset {dataset_id!r} is stored already: send replace=true to replace it, "
        "or id=<another id> to import it beside.",
        "dataset-exists",
    )
    if not parameters.replace and dataset_id in {s.id for s in provider.snapshots()}:
        raise exists  # early, before inferring the links; the store checks again, locked
    linked = release(imported.dataset)
    try:
        snapshot, replaced = provider.save(linked, replace=parameters.replace)
    except DatasetExists:
        raise exists from None
    return imported, linked, snapshot, replaced


def _spread(values: list[int]) -> Spread:
    values = values or [0]
    return Spread(min=min(values), median=statistics.median(values), max=max(values))


def _quantisation(report: QuantisationReport | None) -> QuantisationOut | None:
    if report is None:
        return None
    low, median, high = report.per_role
    return QuantisationOut(
        thresholds=list(report.thresholds),
        labels=list(report.labels),
        per_level=list(report.per_level),
        left_out=report.below_floor,
        requirements_per_role=Spread(min=low, median=median, max=high),
        roles_without_requirement=list(report.roles_without),
        competences_unused=list(report.competences_unused),
    )


@router.get(
    "/{dataset}/export",
    response_class=Response,
    responses={
        200: {"content": {ZIP: {"schema": {"type": "string", "format": "binary"}}}},
        **ERRORS,
    },
)
def export_dataset(
    provider: ProviderDep,
    _key: WriteKey,
    dataset: str = Path(max_length=40),
    format: Literal["json", "csv"] = Query("json", description="the JSON directory or CSV files"),
) -> Response:
    """The dataset's files in a zip (one folder named after the dataset): import gives it back."""
    snapshot = provider.snapshot(dataset)
    archive = to_zip(export_files(snapshot.dataset, format), snapshot.id)
    return Response(
        archive,
        media_type=ZIP,
        headers={
            "Content-Disposition": f'attachment; filename="{snapshot.id}-{format}.zip"',
            "Cache-Control": "private, no-store",
        },
    )


@router.delete("/{dataset}", status_code=204, response_class=Response, responses=ERRORS)
def remove_dataset(
    provider: ProviderDep, settings: SettingsDep, key: WriteKey, dataset: str = Path(max_length=40)
) -> Response:
    """Delete a dataset from the store and stop serving it (the default one: 409); a
    dataset left out (unreadable, /ready says why) can be removed too."""
    if dataset not in provider.left_out():
        provider.snapshot(dataset)  # an unknown id is a 404 with the nearest ids
    provider.remove(dataset)
    drop_workforce(settings, provider.store, dataset)  # its people go with it
    log.info("dataset %s removed by key %s", dataset, key.name)
    return Response(status_code=204)
