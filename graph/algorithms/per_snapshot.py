"""Indexes built once per dataset version, shared by requests (a few kept, least used dropped)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Generic, TypeVar

from graph.snapshot import Snapshot

T = TypeVar("T")
KEPT = 8


class PerSnapshot(Generic[T]):
    def __init__(self, build: Callable[[Snapshot], T]) -> None:
        self._build = build
        self._built: OrderedDict[tuple[str, str], T] = OrderedDict()
        self._lock = Lock()

    def __call__(self, snapshot: Snapshot) -> T:
        key = (snapshot.id, snapshot.version)
        with self._lock:
            if key in self._built:
                self._built.move_to_end(key)
                return self._built[key]
        built = self._build(snapshot)
        with self._lock:
            self._built[key] = built
            while len(self._built) > KEPT:
                self._built.popitem(last=False)
        return built
