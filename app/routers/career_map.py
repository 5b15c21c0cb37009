"""The career map: roles and career links, as JSON for the UI or GraphML for Gephi/yEd."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Header
from fastapi.responses import Response

from app import graph_export
from app.answers import cached_export
from app.deps import SnapshotDep
from app.problems import Problem
from app.request_budget import ExportWork
from app.schemas import GraphAnswer
from graph.budget import Budget
from graph.snapshot import Snapshot

router = APIRouter(prefix="/api/v1", tags=["graph"])
Maker = Callable[[Snapshot, Budget], Iterable[bytes]]
# format -> how the export is made, its media type and headers
FORMATS: dict[str, tuple[Maker, str, dict[str, str]]] = {
    "json": (graph_export.graph_json, "application/json", {}),
    "graphml": (
        graph_export.graphml,
        "application/graphml+xml",
        {"Content-Disposition": 'attachment; filename="careergraph.graphml"'},
    ),
}


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
    make, media_type, headers = FORMATS[format]
    return await cached_export(
        snapshot,
        ("graph", format),
        lambda budget: make(snapshot, budget),
        work,
        accept_encoding=accept_encoding,
        media_type=media_type,
        headers=headers,
    )
