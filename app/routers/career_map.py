"""The career map: roles and career links, as JSON for the UI or GraphML for Gephi/yEd."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header
from fastapi.responses import Response

from app import graph_export
from app.answers import cached_export
from app.deps import SnapshotDep
from app.problems import Problem
from app.request_budget import ExportWork
from app.schemas import GraphAnswer

router = APIRouter(prefix="/api/v1", tags=["graph"])


@router.get(
    "/graph",
    response_model=GraphAnswer,
    responses={
        200: {"content": {"application/graphml+xml": {}}},
        422: {"model": Problem, "description": "a bulk export without an API key"},
    },
)
async def career_graph(
    snapshot: SnapshotDep,
    work: ExportWork,
    format: Literal["json", "graphml"] = "json",
    accept_encoding: Annotated[str, Header(include_in_schema=False)] = "",
) -> Response:
    """All roles and career links; `format=graphml` downloads a file for Gephi or yEd.

    A bulk export (more roles and links than an anonymous budget's units) needs an API key.
    """
    work.budget.spend(graph_export.size(snapshot))  # cached or not: bulk needs the key
    if format == "graphml":
        return await cached_export(
            snapshot,
            ("graphml",),
            lambda budget: graph_export.graphml(snapshot, budget),
            work,
            accept_encoding=accept_encoding,
            media_type="application/graphml+xml",
            headers={"Content-Disposition": 'attachment; filename="careergraph.graphml"'},
        )
    return await cached_export(
        snapshot,
        ("graph",),
        lambda budget: graph_export.graph_json(snapshot, budget),
        work,
        accept_encoding=accept_encoding,
        media_type="application/json",
    )
