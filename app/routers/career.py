"""Moving on: next moves from a role, and multi-step paths between roles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.answers import cached, cached_off_loop
from app.codes import split_codes
from app.deps import ProviderDep, SnapshotDep
from app.problems import Problem
from app.schemas import MovesRequest, PathsRequest
from app.views import holder_of
from graph.algorithms.holdings import role_holder
from graph.algorithms.moves import next_moves
from graph.algorithms.paths import DEFAULT_RULE, k_best_paths, k_best_paths_from
from graph.results import HolderPathsAnswer, NextMoves, PathsAnswer

router = APIRouter(prefix="/api/v1", tags=["career"])


@router.get(
    "/roles/{code}/next-moves", response_model=NextMoves, responses={404: {"model": Problem}}
)
async def moves(
    snapshot: SnapshotDep,
    code: Annotated[str, Path(max_length=64)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> Response:
    """Other roles ranked by how much of them this role already covers."""
    return cached(
        snapshot,
        ("next-moves", code, limit),
        lambda: next_moves(snapshot, role_holder(snapshot, code), limit=limit),
        NextMoves,
    )


@router.post(
    "/next-moves",
    response_model=NextMoves,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def moves_from(provider: ProviderDep, body: MovesRequest) -> Response:
    """Roles ranked by coverage from a role or from a self-assessment profile."""
    snapshot = provider.snapshot(body.dataset)
    return cached(
        snapshot,
        ("next-moves", body.model_dump_json()),
        lambda: next_moves(snapshot, holder_of(snapshot, body.from_), limit=body.limit),
        NextMoves,
    )


@router.get("/paths", response_model=PathsAnswer, responses={404: {"model": Problem}})
async def paths(
    snapshot: SnapshotDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=64, examples=["3.2"])],
    to: Annotated[str, Query(min_length=1, max_length=64, examples=["2.3"])],
    k: Annotated[int, Query(ge=1, le=10)] = 3,
    max_steps: Annotated[
        int | None,
        Query(
            ge=1,
            le=10,
            description=f"most moves per path; omitted: {DEFAULT_RULE} (the answer says which)",
        ),
    ] = None,
    only_documented: bool = False,
    avoid: Annotated[str, Query(max_length=640, description="comma-separated role codes")] = "",
) -> Response:
    """The k best paths over career links whose every step is within reach (coverage at
    or above the link threshold) of all held so far; a step costs the gap from all held.

    Ranked by cumulative cost, then fewer moves, then role codes; exact, ties included.
    `direct` is the direct move beside them; no such path is a 404 saying why.
    """
    avoided = split_codes(avoid)
    return await cached_off_loop(
        snapshot,
        ("paths", source, to, k, max_steps, only_documented, *avoided),
        lambda: k_best_paths(
            snapshot,
            source,
            to,
            k=k,
            max_steps=max_steps,
            only_documented=only_documented,
            avoid=avoided,
        ),
        PathsAnswer,
    )


@router.post(
    "/paths",
    response_model=HolderPathsAnswer,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
def paths_from(provider: ProviderDep, body: PathsRequest) -> HolderPathsAnswer:
    """The k best paths of within-reach steps from a role or a self-assessment, with the
    direct move beside them; the self-assessed levels start the cumulative cost. A
    self-assessment's first role must be within reach of its levels, like every step
    (docs/design.md)."""
    snapshot = provider.snapshot(body.dataset)
    return k_best_paths_from(
        snapshot,
        holder_of(snapshot, body.from_),
        body.to,
        k=body.k,
        max_steps=body.max_steps,
        only_documented=body.only_documented,
        avoid=body.avoid,
    )
