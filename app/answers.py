"""Answers serialised once, and remembered per (dataset, version, request).

Every career answer is a pure function of the dataset version and the request, so
its JSON bytes can be kept and served again until the version changes (the version
is in the key: a new release simply misses). The bytes are what FastAPI would send
for the route's `response_model`, made by the same pydantic serializer; routes return
them in a Response, so FastAPI neither validates the answer again nor re-encodes it
(tests/api/test_answers.py holds the bytes equal to the response model's).

The cache is a least-recently-used map bounded by the bytes it holds.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any

from fastapi.responses import Response
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from graph.snapshot import Snapshot

MAX_BYTES = 64 * 1024 * 1024


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
    snapshot: Snapshot, request: tuple[Hashable, ...], answer: Callable[[], Any], shape: Any
) -> Response:
    """`cached`, for answers that may take long: a miss is computed in the thread pool, so
    the event loop keeps serving; a hit costs no thread hop."""
    key = (snapshot.id, snapshot.version, *request)
    body = answers.find(key)
    if body is None:
        body = await run_in_threadpool(answers.get, key, lambda: to_json(answer(), shape))
    return json_response(body)
