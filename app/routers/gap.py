"""The gap API: what separates a role or a self-assessment from a target role."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.answers import answers, cached, json_response, to_json
from app.deps import ProviderDep, SettingsDep, SnapshotDep
from app.problems import Problem, ProblemError, problem_of
from app.request_budget import BatchWork
from app.schemas import BatchAnswer, BatchPair, BatchRequest, GapRequest
from app.views import holder_of
from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.budget import Budget
from graph.csvsafe import csv_text
from graph.errors import CareerGraphError
from graph.results import Basis, GapReport
from graph.snapshot import Snapshot
from graph.tables import GAP_COLUMNS, gap_rows

router = APIRouter(prefix="/api/v1", tags=["gap"])


def _as_csv(report: GapReport) -> Response:
    """graph/tables.py's gap rows, which cypher/library/gap.cypher returns too."""
    text = csv_text(GAP_COLUMNS, gap_rows(report))
    name = (
        f"gap_{report.from_.role.code if report.from_.role else 'profile'}_to_{report.to.code}.csv"
    )
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/gap",
    response_model=GapReport,
    responses={200: {"content": {"text/csv": {}}}, 404: {"model": Problem}},
)
async def get_gap(
    request: Request,
    snapshot: SnapshotDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=64, examples=["3.2"])],
    to: Annotated[str, Query(min_length=1, max_length=64, examples=["3.4"])],
    basis: Basis = "entry",
    format: Literal["json", "csv"] | None = None,
) -> Response:
    """The gap from role `from` to role `to`. `format=csv` (or `Accept: text/csv`) for a table."""

    def report() -> GapReport:
        return gap(snapshot, role_holder(snapshot, source), to, basis=basis)

    wants_csv = format == "csv" or (
        format is None and "text/csv" in request.headers.get("accept", "")
    )
    if wants_csv:
        return _as_csv(report())
    return cached(snapshot, ("gap", source, to, basis), report, GapReport)


@router.post(
    "/gap", response_model=GapReport, responses={404: {"model": Problem}, 422: {"model": Problem}}
)
async def post_gap(provider: ProviderDep, body: GapRequest) -> Response:
    """The gap from a role (`{"role": "3.2"}`) or a self-assessment (`{"profile": {"B1": 3}}`)."""
    snapshot = provider.snapshot(body.dataset)
    return cached(
        snapshot,
        ("gap", body.model_dump_json()),
        lambda: gap(snapshot, holder_of(snapshot, body.from_), body.to, basis=body.basis),
        GapReport,
    )


@router.post(
    "/gap/batch",
    response_model=BatchAnswer,
    response_model_exclude_none=True,
    responses={413: {"model": Problem}},
)
async def batch_gap(
    provider: ProviderDep, settings: SettingsDep, work: BatchWork, body: BatchRequest
) -> Response:
    """Many role pairs at once; a pair that fails is a problem in its place, not a failed batch."""
    snapshot = provider.snapshot(body.dataset)
    limit = settings.careergraph_batch_max
    if len(body.pairs) > limit:
        raise ProblemError(
            413,
            "Batch too large",
            f"{len(body.pairs)} pairs; at most {limit} per call.",
            "batch-too-large",
        )
    # BatchAnswer's JSON, put together from each pair's (kept) JSON: the same bytes as
    # serialising the whole model with exclude_none (tests/api/test_answers.py).
    results = await work.run(lambda budget: b",".join(_pairs_json(snapshot, body.pairs, budget)))
    version = to_json(snapshot.version, str)
    return json_response(b'{"dataset_version":' + version + b',"results":[' + results + b"]}")


def _pairs_json(snapshot: Snapshot, pairs: list[BatchPair], budget: Budget) -> list[bytes]:
    """Each pair's JSON, spending a unit per KB of answer held."""
    made = []
    for pair in pairs:
        made.append(one := _pair_json(snapshot, pair))
        budget.spend(1 + len(one) // 1024)
    return made


def _pair_json(snapshot: Snapshot, pair: BatchPair) -> bytes:
    """One pair's gap, or its problem, as the batch answer shows it (no null fields)."""
    try:
        return answers.get(
            (snapshot.id, snapshot.version, "batch-gap", pair.from_, pair.to, pair.basis),
            lambda: to_json(
                gap(snapshot, role_holder(snapshot, pair.from_), pair.to, basis=pair.basis),
                GapReport,
                exclude_none=True,
            ),
        )
    except CareerGraphError as error:
        return to_json(problem_of(error), Problem, exclude_none=True)
