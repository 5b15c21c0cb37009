"""A plan to keep: the steps from a role or a self-assessment to a target, as JSON or Markdown."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.codes import split_codes
from app.deps import ProviderDep, SnapshotDep
from app.plan_markdown import plan_markdown
from app.problems import Problem
from app.request_budget import PlanWork
from app.schemas import PlanRequest
from app.views import holder_of
from graph.algorithms.holdings import role_holder
from graph.algorithms.plan import plan
from graph.results import Plan
from graph.snapshot import Snapshot

router = APIRouter(prefix="/api/v1", tags=["career"])

Format = Annotated[
    Literal["json", "markdown"],
    Query(description="markdown: the plan as a Markdown file to keep"),
]
RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {"text/markdown": {}}},
    404: {"model": Problem},
    422: {"model": Problem},
}


def _answer(snapshot: Snapshot, answer: Plan, format: str) -> Plan | Response:
    if format != "markdown":
        return answer
    start = answer.from_.role.code if answer.from_.role else "self-assessment"
    return Response(
        plan_markdown(answer, snapshot.level_label),
        media_type="text/markdown; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="plan_{start}_to_{answer.to.code}.md"'
        },
    )


@router.get("/plan", response_model=Plan, responses=RESPONSES)
async def get_plan(
    snapshot: SnapshotDep,
    work: PlanWork,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=64, examples=["3.2"])],
    to: Annotated[str, Query(min_length=1, max_length=64, examples=["3.4"])],
    path: Annotated[
        str,
        Query(
            max_length=800,
            description="comma-separated role codes from `from` to `to`; omitted: the best path",
            examples=["3.2,3.3,3.4"],
        ),
    ] = "",
    only_documented: bool = False,
    avoid: Annotated[str, Query(max_length=640, description="comma-separated role codes")] = "",
    format: Format = "json",
) -> Plan | Response:
    """The steps from role `from` to role `to` along a path: for each, what to learn, the
    evidence for the move, the level steps so far and the experience the sheet asks for."""
    answer = await work.run(
        lambda budget: plan(
            snapshot,
            role_holder(snapshot, source),
            to,
            path=split_codes(path),
            only_documented=only_documented,
            avoid=split_codes(avoid),
            budget=budget,
        )
    )
    return _answer(snapshot, answer, format)


@router.post("/plan", response_model=Plan, responses=RESPONSES)
async def post_plan(
    provider: ProviderDep, work: PlanWork, body: PlanRequest, format: Format = "json"
) -> Plan | Response:
    """The same from a role or a self-assessment (whose path lists the roles it enters)."""
    snapshot = provider.snapshot(body.dataset)
    answer = await work.run(
        lambda budget: plan(
            snapshot,
            holder_of(snapshot, body.from_),
            body.to,
            path=body.path,
            only_documented=body.only_documented,
            avoid=body.avoid,
            budget=budget,
        )
    )
    return _answer(snapshot, answer, format)
