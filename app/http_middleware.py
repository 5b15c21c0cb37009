"""Cross-cutting HTTP behaviour: request ids, the access log, and ETags on data answers."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from graph.errors import CareerGraphError

access_log = logging.getLogger("careergraph.access")

Next = Callable[[Request], Awaitable[Response]]

# Data answers may be cached briefly, then revalidated with the ETag (the dataset version).
CACHE_CONTROL = "public, max-age=60, must-revalidate"


def _is_data_read(request: Request) -> bool:
    """A read answered from the dataset alone (people's data depends on more, and is private)."""
    path = request.url.path
    return (
        request.method in ("GET", "HEAD")
        and path.startswith("/api/v1/")
        and not path.startswith("/api/v1/workforce")
    )


def _matches(if_none_match: str, tag: str) -> bool:
    candidates = {part.strip().removeprefix("W/") for part in if_none_match.split(",")}
    return tag in candidates or "*" in candidates


def install(app: FastAPI) -> None:
    @app.middleware("http")
    async def etag(request: Request, call_next: Next) -> Response:
        """Answers depend only on the dataset version, so it is the ETag of every data read."""
        if not _is_data_read(request):
            return await call_next(request)
        try:
            dataset = request.query_params.get("dataset") or None
            tag = f'"{request.app.state.snapshots.snapshot(dataset).version}"'
        except CareerGraphError:  # an unknown dataset: the route answers the 404
            return await call_next(request)
        headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"}
        if _matches(request.headers.get("if-none-match", ""), tag):
            return Response(status_code=304, headers=headers)
        response = await call_next(request)
        if response.status_code == 200:
            response.headers.update(headers)
        return response

    @app.middleware("http")
    async def request_id(request: Request, call_next: Next) -> Response:
        """Every answer carries an id (the caller's X-Request-ID if sane) that the log shows."""
        given = request.headers.get("x-request-id", "")
        rid = given if 0 < len(given) <= 64 and given.isprintable() else uuid.uuid4().hex
        started = time.perf_counter()
        response = await call_next(request)
        response.headers["X-Request-ID"] = rid
        access_log.info(
            '%s "%s %s" %d %.1fms',
            rid,
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response
