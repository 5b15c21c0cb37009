"""Answers serialised once, and remembered per (dataset, version, request).

Every career answer is a pure function of the dataset version and the request, so
its JSON bytes can be kept and served again until the version changes (the version
is in the key: a new release simply misses). The bytes are what FastAPI would send
for the route's `response_model`, made by the same pydantic serializer; routes return
them in a Response, so FastAPI neither validates the answer again nor re-encodes it
(tests/api/test_answers.py holds the bytes equal to the response model's).

The cache is a least-recently-used map bounded by the bytes it holds. Exports (the whole
career map) have their own, holding them gzipped.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import cache
from typing import Any

from fastapi.responses import Response
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from app.request_budget import Work
from graph.budget import Budget
from graph.snapshot import Snapshot

MAX_BYTES = 64 * 1024 * 1024
# Exports (app/graph_export.py), gzipped: ESCO's JSON and GraphML take about 5 MB together.
EXPORT_MAX_BYTES = 64 * 1024 * 1024
EXPORT_GZIP_LEVEL = 6


class AnswerCache:
    """JSON bytes by key, least recently used first out once over `max_bytes`."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        # Sync routes run in the thread pool: the map is shared between threads.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, key: Hashable) -> bytes | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The bytes kept for `key`, else `make()`'s (kept; an error keeps nothing)."""
        found = self.find(key)
        if found is not None:
            return found
        made = make()  # outside the lock: two threads may make the same answer once each
        with self._lock:
            if key not in self._entries and len(made) <= self.max_bytes:
                self._entries[key] = made
                self.size += len(made)
                while self.size > self.max_bytes:
                    _, dropped = self._entries.popitem(last=False)
                    self.size -= len(dropped)
        return made

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0


answers = AnswerCache()
exports = AnswerCache(EXPORT_MAX_BYTES)


@cache
def _adapter(shape: Any) -> TypeAdapter[Any]:
    return TypeAdapter(shape)


def to_json(value: Any, shape: Any, *, exclude_none: bool = False) -> bytes:
    """`value` as JSON bytes, as FastAPI serialises a route's `response_model=shape`."""
    return _adapter(shape).dump_json(value, by_alias=True, exclude_none=exclude_none)


def json_response(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def cached(
    snapshot: Snapshot,
    request: tuple[Hashable, ...],
    answer: Callable[[], Any],
    shape: Any,
    *,
    exclude_none: bool = False,
) -> Response:
    """The JSON answer to `request` on `snapshot`: kept, or computed and serialised once.

    `request` names the route and every input the answer depends on, normalised.
    """
    key = (snapshot.id, snapshot.version, *request)
    body = answers.get(key, lambda: to_json(answer(), shape, exclude_none=exclude_none))
    return json_response(body)


async def cached_off_loop(
    snapshot: Snapshot,
    request: tuple[Hashable, ...],
    answer: Callable[[Budget], Any],
    shape: Any,
    work: Work,
    *,
    exclude_none: bool = False,
) -> Response:
    """`cached`, for answers whose work can grow: a miss is computed by `answer(budget)` in
    the thread pool within the request's budget (app/request_budget.py), so the event loop
    keeps serving; a hit costs no thread hop and no budget."""
    key = (snapshot.id, snapshot.version, *request)
    body = answers.find(key)
    if body is None:
        body = await work.run(
            lambda budget: answers.get(
                key, lambda: to_json(answer(budget), shape, exclude_none=exclude_none)
            )
        )
    return json_response(body)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header takes gzip (`gzip;q=0` refuses it)."""
    for part in accept_encoding.lower().split(","):
        name, _, params = part.partition(";")
        if name.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def _packed(chunks: Iterable[bytes]) -> bytes:
    """The chunks gzipped as they come: a large file is never whole in memory unpacked."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=EXPORT_GZIP_LEVEL, mtime=0) as packer:
        for chunk in chunks:
            packer.write(chunk)
    return out.getvalue()


# One export made at a time per key: the others wait (without a slot) and find it kept.
_making: weakref.WeakValueDictionary[Hashable, asyncio.Lock] = weakref.WeakValueDictionary()


async def cached_export(
    snapshot: Snapshot,
    request: tuple[Hashable, ...],
    make: Callable[[Budget], Iterable[bytes]],
    work: Work,
    *,
    accept_encoding: str,
    media_type: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """A large file made once per dataset version and kept gzipped (exports compress about
    twentyfold); sent gzipped to clients that take it, else unpacked in the thread pool."""
    key = (snapshot.id, snapshot.version, *request)
    packed = exports.find(key)
    if packed is None:
        lock = _making.setdefault((id(asyncio.get_running_loop()), key), asyncio.Lock())
        async with lock:
            packed = exports.find(key)  # made while this request waited
            if packed is None:
                packed = await work.run(
                    lambda budget: exports.get(key, lambda: _packed(make(budget)))
                )
    extra = {**(headers or {}), "Vary": "Accept-Encoding"}
    if accepts_gzip(accept_encoding):
        return Response(
            packed, media_type=media_type, headers={**extra, "Content-Encoding": "gzip"}
        )
    return Response(
        await run_in_threadpool(gzip.decompress, packed), media_type=media_type, headers=extra
    )
