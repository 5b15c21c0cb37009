"""Compare: two to four target roles side by side from one starting point."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.codes import split_codes
from app.deps import ProviderDep, SnapshotDep
from app.problems import Problem, ProblemError
from app.schemas import CompareRequest
from app.views import holder_of
from graph.algorithms.compare import compare
from graph.algorithms.holdings import role_holder
from graph.results import Basis, Comparison

router = APIRouter(prefix="/api/v1", tags=["career"])

FEWEST, MOST = 2, 4


def _targets(codes: list[str]) -> list[str]:
    """Two to four distinct targets, else a 422 problem saying so."""
    if not FEWEST <= len(set(codes)) == len(codes) <= MOST:
        raise ProblemError(
            422,
            "Compare two to four roles",
            f"{', '.join(codes) or 'No role'} given; compare {FEWEST} to {MOST} different roles.",
            "compare-targets",
        )
    return codes


@router.get(
    "/compare",
    response_model=Comparison,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
def get_compare(
    snapshot: SnapshotDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=64, examples=["3.2"])],
    to: Annotated[
        str,
        Query(
            min_length=1,
            max_length=260,
            description="two to four comma-separated role codes",
            examples=["3.4,2.3,6.2"],
        ),
    ],
    basis: Basis = "entry",
) -> Comparison:
    """Each target's gap from role `from` side by side, and every competence they require."""
    targets = _targets(split_codes(to))
    return compare(snapshot, role_holder(snapshot, source), targets, basis=basis)


@router.post(
    "/compare",
    response_model=Comparison,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
def post_compare(provider: ProviderDep, body: CompareRequest) -> Comparison:
    """The same from a role or a self-assessment."""
    snapshot = provider.snapshot(body.dataset)
    targets = _targets(body.to)
    return compare(snapshot, holder_of(snapshot, body.from_), targets, basis=body.basis)
