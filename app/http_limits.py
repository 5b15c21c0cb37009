"""Request limits, enforced before anything parses the request (pure ASGI middleware).

Each limit is a setting (app/settings.py) with a safe default. A request over one is
answered at once with a problem (413, 414, 431 or 400) and its body is never parsed:
the body is counted while it streams in (refused by Content-Length before a byte is
read), and the JSON arrays of batch routes are counted while streaming too, so a
batch of a million pairs costs the bytes up to its limit+1-th pair, not a parse.

The HTTP server refuses oversized headers before they are even buffered
(app/http_server.py); the header check here covers servers that do not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.problems import Problem, problem_response
from app.settings import Settings

# Query parameters that carry credentials: the key belongs in the X-API-Key header,
# since URLs end up in logs, browser history and Referer headers.
CREDENTIAL_PARAMS = frozenset({"apikey", "xapikey", "key", "token", "accesstoken", "secret"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# The query string of an upload route: its parameters' maxLength, percent-encoded.
UPLOAD_QUERY_BYTES = 12 << 10
# Where a batch's items are: inside an array inside the body's top object.
_COUNTED = [ord("{"), ord("[")]


@dataclass(frozen=True)
class Limits:
    body_bytes: int
    header_bytes: int
    path_chars: int
    query_bytes: int
    # path -> at most this many items in the JSON arrays of its body (a batch's pairs)
    items: Mapping[str, int] = field(default_factory=dict)
    # path -> its own body limit in bytes (uploads), instead of body_bytes
    uploads: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, settings: Settings, items: Mapping[str, int], uploads: Mapping[str, int]) -> Limits:
        return cls(
            body_bytes=settings.careergraph_body_max_bytes,
            header_bytes=settings.careergraph_header_max_bytes,
            path_chars=settings.careergraph_path_max_chars,
            query_bytes=settings.careergraph_query_max_bytes,
            items=items,
            uploads=uploads,
        )

    def body_bytes_at(self, path: str) -> int:
        return self.uploads.get(path, self.body_bytes)

    def query_bytes_at(self, path: str) -> int:
        """An upload's query string names the upload (a name, a licence, an attribution...):
        it may take up to UPLOAD_QUERY_BYTES, within the header limit."""
        return (
            max(self.query_bytes, UPLOAD_QUERY_BYTES) if path in self.uploads else self.query_bytes
        )


class Refused(Exception):
    """A request over a limit; carries the problem to answer."""

    def __init__(self, status: int, title: str, detail: str, slug: str) -> None:
        super().__init__(detail)
        self.problem = Problem(type=f"/problems/{slug}", title=title, status=status, detail=detail)


def header_bytes(scope: Scope) -> int:
    """The request line and headers as sent (within a few bytes)."""
    line = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") + 16
    return line + sum(len(name) + len(value) + 4 for name, value in scope["headers"])


def check_head(scope: Scope, limits: Limits) -> None:
    """Refuse a request by its request line and headers alone."""
    path: str = scope["path"]
    if len(path) > limits.path_chars:
        raise Refused(
            414,
            "URI too long",
            f"The path has {len(path)} characters; at most {limits.path_chars}.",
            "uri-too-long",
        )
    query: bytes = scope.get("query_string") or b""
    if len(query) > (query_limit := limits.query_bytes_at(path)):
        raise Refused(
            414,
            "URI too long",
            f"The query string has {len(query)} bytes; at most {query_limit}.",
            "uri-too-long",
        )
    if (size := header_bytes(scope)) > limits.header_bytes:
        raise Refused(
            431,
            "Request header fields too large",
            f"The request line and headers take {size} bytes; at most {limits.header_bytes}.",
            "headers-too-large",
        )
    names = {re.sub(r"[^a-z]", "", name.lower()) for name, _ in _query_pairs(query)}
    if names & CREDENTIAL_PARAMS:
        raise Refused(
            400,
            "Credentials in the URL",
            "Send API keys in the X-API-Key header, never in "
            "the URL (URLs are logged and kept in histories). If that was a real key, "
            "replace it.",
            "credentials-in-url",
        )
    declared = Headers(scope=scope).get("content-length", "")
    if declared.isdigit() and int(declared) > (limit := limits.body_bytes_at(path)):
        raise too_large(limit)


def _query_pairs(query: bytes) -> list[tuple[str, str]]:
    return parse_qsl(query.decode("latin-1"), keep_blank_values=True)


def too_large(limit: int) -> Refused:
    return Refused(
        413,
        "Content too large",
        f"The body is over {limit} bytes; at most {limit}.",
        "body-too-large",
    )


class ArrayItemCounter:
    """Counts the items of the JSON arrays one level inside the body's object, as bytes arrive.

    `{"pairs": [{...}, {...}]}` has 2 (an empty array counts 1); strings are skipped
    with their escapes, even split across chunks. It only counts: the parser later
    says whether the JSON is valid.
    """

    _TOKENS = re.compile(rb'[\[\]{}",\\]')

    def __init__(self) -> None:
        self.count = 0
        self._stack: list[int] = []
        self._in_string = False
        self._escape_pending = False  # a chunk ended on a backslash inside a string

    def feed(self, chunk: bytes) -> None:
        skip = 0 if self._escape_pending else -1
        self._escape_pending = False
        for match in self._TOKENS.finditer(chunk):
            at = match.start()
            if at == skip:
                continue
            byte = chunk[at]
            if not self._in_string:
                self._structural(byte)
            elif byte == ord("\\"):
                skip = at + 1
                self._escape_pending = skip == len(chunk)
            elif byte == ord('"'):
                self._in_string = False

    def _structural(self, byte: int) -> None:
        if byte == ord('"'):
            self._in_string = True
        elif byte in b"[{":
            self._stack.append(byte)
            self.count += self._stack == _COUNTED
        elif byte in b"]}":
            if self._stack:
                self._stack.pop()
        elif byte == ord(",") and self._stack == _COUNTED:
            self.count += 1


class RequestLimits:
    """Refuses requests over a limit before the app sees them; buffers what it lets through."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            check_head(scope, self.limits)
            if scope["method"] in BODY_METHODS:
                receive = await self._buffered(scope, receive)
        except Refused as refused:
            response = problem_response(
                refused.problem, scope["path"], headers={"Connection": "close"}
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _buffered(self, scope: Scope, receive: Receive) -> Receive:
        """Read the whole body, counting bytes (and batch items); replay it to the app."""
        item_limit = self.limits.items.get(scope["path"])
        counter = ArrayItemCounter() if item_limit is not None else None
        body_limit = self.limits.body_bytes_at(scope["path"])
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client left: the app sees the disconnect
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > body_limit:
                raise too_large(body_limit)
            if counter is not None and item_limit is not None:
                counter.feed(chunk)
                if counter.count > item_limit:
                    raise Refused(
                        413,
                        "Batch too large",
                        f"More than {item_limit} items; at most {item_limit} per call.",
                        "batch-too-large",
                    )
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay
