"""Each request's budget (graph/budget.py): how much work its answer may take, and who stops it.

A request without an API key gets CAREERGRAPH_REQUEST_SECONDS and _REQUEST_UNITS (2 s and
100,000 units: DESIGN.md's anonymous cap of 2 s CPU and 256 MB); one with a configured
key, of any scope, the keyed budget. A key that matches none counts as no key: these routes
are public, and the anonymous budget's problem says to send a key.

The key is read as a plain header, not a security requirement: these routes are open to
everyone, a key only enlarges the budget.

While the route runs, a task waits on the connection: when the client leaves, it sets the
budget's `cancel`, and the algorithm stops at its next `spend()` (a 499 nobody reads).
Budgeted answers run in the thread pool, at most CAREERGRAPH_WORK_CONCURRENCY at once; the
others wait for a slot within their budget's time, then get a 503: the event loop (and
/health) keeps its share of the CPU however many heavy requests arrive.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Request
from starlette.concurrency import run_in_threadpool
from starlette.types import Receive

from app.deps import SettingsDep
from app.problems import ProblemError
from app.security import HEADER, configured_keys, matching_key
from app.settings import Settings
from graph.budget import Budget

T = TypeVar("T")


@dataclass
class Work:
    """One request's budget, and the slots every budgeted answer shares."""

    budget: Budget
    slots: asyncio.Semaphore

    async def run(self, compute: Callable[[Budget], T]) -> T:
        """`compute(budget)` in the thread pool once a slot is free (503 if none frees in time)."""
        try:
            async with asyncio.timeout(self.budget.seconds_left()):
                await self.slots.acquire()
        except TimeoutError:
            raise ProblemError(
                503,
                "Busy",
                "Too many large answers are being computed; none could start within this "
                "request's budget. Try again shortly.",
                "busy",
            ) from None
        try:
            return await run_in_threadpool(compute, self.budget)
        finally:
            self.slots.release()


def budget_of(settings: Settings, given: str | None, lower: str) -> Budget:
    """The anonymous budget, or the keyed one when `given` is a configured key."""
    if given is not None and matching_key(configured_keys(settings), given) is not None:
        return Budget(
            settings.careergraph_keyed_request_seconds,
            settings.careergraph_keyed_request_units,
            lower,
        )
    return Budget(settings.careergraph_request_seconds, settings.careergraph_request_units, lower)


async def _cancel_on_disconnect(receive: Receive, budget: Budget) -> None:
    """Set the budget's `cancel` when the client leaves (the body was read before this runs)."""
    while (await receive())["type"] != "http.disconnect":
        pass
    budget.cancel.set()


def work_for(lower: str) -> Any:
    """A dependency giving the route its `Work`; `lower` names what a caller can lower to fit."""

    async def dependency(
        request: Request,
        settings: SettingsDep,
        # Not in the OpenAPI document: the routes are open, a key only enlarges the budget
        # (docs/reliability.md, README).
        given: Annotated[str | None, Header(alias=HEADER, include_in_schema=False)] = None,
    ) -> AsyncIterator[Work]:
        budget = budget_of(settings, given, lower)
        watcher = asyncio.create_task(_cancel_on_disconnect(request.receive, budget))
        try:
            yield Work(budget, request.app.state.work_slots)
        finally:
            watcher.cancel()

    return Depends(dependency)


PathsWork = Annotated[Work, work_for("k or max_steps (or send an API key)")]
UnlocksWork = Annotated[Work, work_for("limit (or send an API key)")]
PlanWork = Annotated[Work, work_for("the search: give `path` (or send an API key)")]
CompareWork = Annotated[Work, work_for("the number of targets (or send an API key)")]
MovesWork = Annotated[Work, work_for("limit (or send an API key)")]
BatchWork = Annotated[Work, work_for("the number of pairs (or send an API key)")]
ExportWork = Annotated[
    Work,
    work_for(
        "the export's size: this dataset's graph is a bulk export; send an API key, "
        "or run `careergraph dataset export`"
    ),
]
