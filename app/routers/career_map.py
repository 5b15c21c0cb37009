"""The career map: roles and career links, as JSON for the UI or GraphML for Gephi/yEd."""

from __future__ import annotations

import io
from typing import Literal

import networkx as nx
from fastapi import APIRouter
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from app.answers import cached
from app.deps import SnapshotDep
from app.schemas import GraphAnswer, GraphLink, GraphNode
from graph.models import natural_key
from graph.snapshot import Snapshot

router = APIRouter(prefix="/api/v1", tags=["graph"])


def _graphml(snapshot: Snapshot) -> bytes:
    graph = nx.DiGraph(dataset_version=snapshot.version)
    for role in snapshot.dataset.roles:
        family = snapshot.families[role.family]
        graph.add_node(role.code, title=role.title, family=role.family, family_name=family.name)

    for link in snapshot.links:
        graph.add_edge(
            link.source,
            link.target,
            kind=link.kind,
            coverage=link.coverage,
            level_steps=link.level_steps,
            evidence=link.evidence,
        )
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()


@router.get(
    "/graph",
    response_model=GraphAnswer,
    responses={200: {"content": {"application/graphml+xml": {}}}},
)
async def career_graph(
    snapshot: SnapshotDep, format: Literal["json", "graphml"] = "json"
) -> Response:
    """All roles and career links; `format=graphml` downloads a file for Gephi or yEd."""
    if format == "graphml":
        return Response(
            await run_in_threadpool(_graphml, snapshot),  # a large file: off the event loop
            media_type="application/graphml+xml",
            headers={"Content-Disposition": 'attachment; filename="careergraph.graphml"'},
        )
    return cached(snapshot, ("graph",), lambda: _graph(snapshot), GraphAnswer)


def _graph(snapshot: Snapshot) -> GraphAnswer:
    roles = sorted(snapshot.dataset.roles, key=lambda r: natural_key(r.code))
    return GraphAnswer(
        dataset_version=snapshot.version,
        nodes=[
            GraphNode(
                code=r.code,
                title=r.title,
                family=int(r.family) if r.family.isdigit() else None,
                family_code=r.family,
            )
            for r in roles
        ],
        links=[GraphLink(**link.model_dump()) for link in snapshot.links],
    )
