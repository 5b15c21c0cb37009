"""Moving on: next moves from a role, and multi-step paths between roles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.answers import cached_off_loop
from app.codes import split_codes
from app.deps import ProviderDep, SnapshotDep
from app.problems import Problem
from app.request_budget import MovesWork, PathsWork
from app.schemas import DIRECTION_HELP, DOCUMENTED_HELP, MovesRequest, PathsRequest
from app.views import holder_of
from graph.algorithms.direction import DirectionFilter
from graph.algorithms.holdings import role_holder
from graph.algorithms.moves import DocumentedMode, next_moves
from graph.algorithms.paths import DEFAULT_RULE, k_best_paths, k_best_paths_from
from graph.results import HolderPathsAnswer, NextMoves, PathsAnswer

router = APIRouter(prefix="/api/v1", tags=["career"])


@router.get(
    "/roles/{code}/next-moves",
    response_model=NextMoves,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def moves(
    snapshot: SnapshotDep,
    work: MovesWork,
    code: Annotated[str, Path(max_length=64)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    direction: Annotated[DirectionFilter, Query(description=DIRECTION_HELP)] = "not-down",
    documented: Annotated[DocumentedMode, Query(description=DOCUMENTED_HELP)] = "include",
) -> Response:
    """Other roles by relatedness, within a direction, each with why (docs/recommendations.md)."""
    return await cached_off_loop(
        snapshot,
        ("next-moves", code, limit, direction, documented),
        lambda budget: next_moves(
            snapshot,
            role_holder(snapshot, code),
            limit=limit,
            direction=direction,
            documented=documented,
        ),
        NextMoves,
        work,
    )


@router.post(
    "/next-moves",
    response_model=NextMoves,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def moves_from(provider: ProviderDep, work: MovesWork, body: MovesRequest) -> Response:
    """Roles ranked by relatedness from a role or from a self-assessment profile."""
    snapshot = provider.snapshot(body.dataset)
    return await cached_off_loop(
        snapshot,
        ("next-moves", body.model_dump_json()),
        lambda budget: next_moves(
            snapshot,
            holder_of(snapshot, body.from_),
            limit=body.limit,
            direction=body.direction,
            documented=body.documented,
        ),
        NextMoves,
        work,
    )


@router.get(
    "/paths",
    response_model=PathsAnswer,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def paths(
    snapshot: SnapshotDep,
    work: PathsWork,
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
        lambda budget: k_best_paths(
            snapshot,
            source,
            to,
            k=k,
            max_steps=max_steps,
            only_documented=only_documented,
            avoid=avoided,
            budget=budget,
        ),
        PathsAnswer,
        work,
    )


@router.post(
    "/paths",
    response_model=HolderPathsAnswer,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def paths_from(provider: ProviderDep, work: PathsWork, body: PathsRequest) -> Response:
    """The k best paths of within-reach steps from a role or a self-assessment, with the
    direct move beside them; the self-assessed levels start the cumulative cost. A
    self-assessment's first role must be within reach of its levels, like every step
    (docs/design.md)."""
    snapshot = provider.snapshot(body.dataset)
    return await cached_off_loop(
        snapshot,
        ("paths", body.model_dump_json()),
        lambda budget: k_best_paths_from(
            snapshot,
            holder_of(snapshot, body.from_),
            body.to,
            k=body.k,
            max_steps=body.max_steps,
            only_documented=body.only_documented,
            avoid=body.avoid,
            budget=budget,
        ),
        HolderPathsAnswer,
        work,
    )
