"""Compare: two to four target roles side by side from one starting point."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.codes import split_codes
from app.deps import ProviderDep, SnapshotDep
from app.problems import Problem
from app.request_budget import CompareWork
from app.schemas import CompareRequest
from app.views import holder_of
from graph.algorithms.compare import compare
from graph.algorithms.holdings import role_holder
from graph.results import Basis, Comparison

router = APIRouter(prefix="/api/v1", tags=["career"])

# Two to four comma-separated codes, each with something in it (CompareRequest: 2 to 4 too).
TARGETS_PATTERN = r"^\s*[^,\s][^,]*(,\s*[^,\s][^,]*){1,3}$"


@router.get(
    "/compare",
    response_model=Comparison,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def get_compare(
    snapshot: SnapshotDep,
    work: CompareWork,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=64, examples=["3.2"])],
    to: Annotated[
        str,
        Query(
            max_length=260,
            pattern=TARGETS_PATTERN,
            description="two to four comma-separated role codes",
            examples=["3.4,2.3,6.2"],
        ),
    ],
    basis: Basis = "entry",
) -> Comparison:
    """Each target's gap from role `from` side by side, and every competence they require."""
    return await work.run(
        lambda budget: compare(
            snapshot, role_holder(snapshot, source), split_codes(to), basis=basis, budget=budget
        )
    )


@router.post(
    "/compare",
    response_model=Comparison,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
async def post_compare(
    provider: ProviderDep, work: CompareWork, body: CompareRequest
) -> Comparison:
    """The same from a role or a self-assessment."""
    snapshot = provider.snapshot(body.dataset)
    return await work.run(
        lambda budget: compare(
            snapshot, holder_of(snapshot, body.from_), body.to, basis=body.basis, budget=budget
        )
    )
