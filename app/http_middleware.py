"""Cross-cutting HTTP behaviour, as pure ASGI middleware (no BaseHTTPMiddleware).

`RequestContext` (outermost): a request id on every answer, the security headers,
one sanitised access-log line per request, and a 500 problem for anything that
escapes. `DatasetETag` (innermost): data answers depend only on the dataset
version, read from memory, so it is their ETag.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterable

from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.problems import Problem, problem_response
from graph.errors import CareerGraphError

access_log = logging.getLogger("careergraph.access")
log = logging.getLogger("careergraph.errors")

# Data answers may be cached briefly, then revalidated with the ETag (the dataset version).
CACHE_CONTROL = "public, max-age=60, must-revalidate"
# Same-origin everything; no inline script (pages needing one set their own CSP with
# its hash, as /docs does); never framed.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# A caller's X-Request-ID is echoed only when it is this plain (nothing to inject in a log).
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
LOGGED_PATH_CHARS = 200
# Not tagged with the dataset version: people's data (private); the dataset routes tag
# their answers per dataset themselves (app/routers/meta.py) and the export is no-store.
UNTAGGED = ("/api/v1/workforce", "/api/v1/datasets")


def printable(text: str, limit: int) -> str:
    """`text` for a log line: non-printable characters escaped, cut to `limit` characters."""
    escaped = "".join(
        c if " " <= c <= "~" else c.encode("unicode_escape").decode("ascii") for c in text
    )
    return escaped if len(escaped) <= limit else escaped[:limit] + "..."


def _is_dataset_read(scope: Scope) -> bool:
    """A read answered from the dataset alone (people's data depends on more, and is private)."""
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return False
    path: str = scope["path"]
    return path.startswith("/api/v1/") and not path.startswith(UNTAGGED)


def request_id(scope: Scope) -> str:
    given = Headers(scope=scope).get("x-request-id", "")
    return given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        started = time.perf_counter()
        status = 0

        async def send_with_context(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = rid
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_with_context)
        except Exception:
            log.exception("unhandled error, request %s", rid)
            if status:  # the answer had begun: the server closes the connection
                return
            problem = Problem(
                title="Internal Server Error",
                status=500,
                detail="The service failed to answer; the error is logged with this request's id.",
            )
            await problem_response(problem, scope["path"])(scope, receive, send_with_context)
        finally:
            access_log.info(
                '%s "%s %s" %d %.1fms',
                rid,
                printable(scope["method"], 16),
                printable(scope["path"], LOGGED_PATH_CHARS),
                status,
                (time.perf_counter() - started) * 1000,
            )


def _etag_candidates(if_none_match: str) -> set[str]:
    return {part.strip().removeprefix("W/") for part in if_none_match.split(",")}


class DatasetETag:
    """ETag, Cache-Control and 304s for dataset reads under /api/v1, from the in-memory snapshot.

    `If-None-Match: *` matches only a resource that exists: the route answers first,
    and only its 200 becomes a 304.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_dataset_read(scope):
            await self.app(scope, receive, send)
            return
        try:
            dataset = QueryParams(scope["query_string"]).get("dataset") or None
            tag = f'"{scope["app"].state.snapshots.snapshot(dataset).version}"'
        except CareerGraphError:  # an unknown dataset: the route answers the 404
            await self.app(scope, receive, send)
            return
        headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"}
        candidates = _etag_candidates(Headers(scope=scope).get("if-none-match", ""))
        if tag in candidates:
            await _not_modified(send, headers.items())
            return
        await self.app(scope, receive, _tagging(send, headers, wildcard="*" in candidates))


def _tagging(send: Send, headers: dict[str, str], *, wildcard: bool) -> Send:
    """A `send` adding the headers to a 200, or turning it into a 304 when `wildcard`."""
    not_modified = False

    async def tagged(message: Message) -> None:
        nonlocal not_modified
        if message["type"] == "http.response.start" and message["status"] == 200:
            if wildcard:
                not_modified = True
                await _not_modified(send, headers.items(), body=False)
                return
            answer = MutableHeaders(scope=message)
            answer.update({name: value for name, value in headers.items() if name != "Vary"})
            answer.add_vary_header(headers["Vary"])  # kept beside the route's (Accept-Encoding)
        elif not_modified:  # the 200's body is dropped; the 304 ends with the last part
            if not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b""})
            return
        await send(message)

    return tagged


async def _not_modified(send: Send, headers: Iterable[tuple[str, str]], body: bool = True) -> None:
    raw = [(name.lower().encode(), value.encode()) for name, value in headers]
    await send({"type": "http.response.start", "status": 304, "headers": raw})
    if body:
        await send({"type": "http.response.body", "body": b""})
