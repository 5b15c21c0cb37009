"""What unlocks what: the single raises that bring the most roles within reach."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.answers import cached_off_loop
from app.deps import ProviderDep, SnapshotDep
from app.problems import Problem
from app.request_budget import UnlocksWork
from app.schemas import UnlocksRequest
from app.views import holder_of
from graph.algorithms.holdings import role_holder
from graph.algorithms.unlocks import unlocks
from graph.results import UnlocksAnswer

router = APIRouter(prefix="/api/v1", tags=["career"])


@router.get(
    "/unlocks",
    response_model=UnlocksAnswer,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def get_unlocks(
    snapshot: SnapshotDep,
    work: UnlocksWork,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=64, examples=["3.2"])],
    to: Annotated[
        str | None,
        Query(max_length=64, description="a target: which raises close its gap", examples=["3.4"]),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
) -> Response:
    """Single raises (competence -> level) from role `from`, by how many roles they bring
    within reach; with `to`, also the raises that close most of that gap per level step."""
    return await cached_off_loop(
        snapshot,
        ("unlocks", source, to or None, limit),
        lambda budget: unlocks(
            snapshot, role_holder(snapshot, source), target=to or None, limit=limit, budget=budget
        ),
        UnlocksAnswer,
        work,
    )


@router.post(
    "/unlocks",
    response_model=UnlocksAnswer,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def post_unlocks(provider: ProviderDep, work: UnlocksWork, body: UnlocksRequest) -> Response:
    """The same from a role (`{"role": "3.2"}`) or a self-assessment (`{"profile": {...}}`)."""
    snapshot = provider.snapshot(body.dataset)
    return await cached_off_loop(
        snapshot,
        ("unlocks", body.model_dump_json()),
        lambda budget: unlocks(
            snapshot,
            holder_of(snapshot, body.from_),
            target=body.to,
            limit=body.limit,
            budget=budget,
        ),
        UnlocksAnswer,
        work,
    )
