"""RFC 9457 problem details: every error the service returns, mapped in one place."""

from __future__ import annotations

from http import HTTPStatus
from itertools import islice
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.problem_model import Problem, SuggestionModel
from graph.errors import (
    BudgetExceeded,
    Cancelled,
    CareerGraphError,
    CompetenceNotFound,
    DatasetBusy,
    DatasetError,
    DatasetExists,
    DatasetNotFound,
    DefaultDatasetKept,
    GroupTooSmall,
    InvalidLevel,
    InvalidPath,
    InvalidProfile,
    InvalidWorkforce,
    LibraryQueryNotFound,
    NoPath,
    PersonNotFound,
    QueryFailed,
    QueryRefused,
    QueryTimeout,
    RoleNotFound,
    StoreUnavailable,
    TooLarge,
    UnitNotFound,
    WorkforceBusy,
)

MEDIA_TYPE = "application/problem+json"
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


class ProblemError(Exception):
    """An HTTP-level problem raised by the app itself (not a domain error)."""

    def __init__(self, status: int, title: str, detail: str, slug: str | None = None) -> None:
        super().__init__(detail)
        self.problem = Problem(
            type=f"/problems/{slug}" if slug else "about:blank",
            title=title,
            status=status,
            detail=detail,
        )


# Domain error -> (HTTP status, problem type slug)
DOMAIN_STATUS: dict[type[CareerGraphError], tuple[int, str]] = {
    RoleNotFound: (404, "unknown-role"),
    CompetenceNotFound: (404, "unknown-competence"),
    DatasetNotFound: (404, "unknown-dataset"),
    DefaultDatasetKept: (409, "default-dataset"),
    TooLarge: (413, "upload-too-large"),
    DatasetExists: (409, "dataset-exists"),
    DatasetBusy: (409, "dataset-busy"),
    DatasetError: (422, "invalid-dataset"),
    InvalidLevel: (422, "invalid-level"),
    InvalidProfile: (422, "invalid-profile"),
    NoPath: (404, "no-path"),
    InvalidPath: (422, "invalid-path"),
    BudgetExceeded: (422, "budget-exceeded"),
    # 499 is nginx's "client closed request": nobody reads it, the access log does.
    Cancelled: (499, "cancelled"),
    StoreUnavailable: (503, "store-unavailable"),
    QueryRefused: (403, "query-refused"),
    QueryTimeout: (504, "query-timeout"),
    QueryFailed: (400, "query-failed"),
    LibraryQueryNotFound: (404, "unknown-library-query"),
    InvalidWorkforce: (422, "invalid-workforce"),
    PersonNotFound: (404, "unknown-person"),
    UnitNotFound: (404, "unknown-unit"),
    WorkforceBusy: (409, "workforce-busy"),
    GroupTooSmall: (422, "group-too-small"),
}


def problem_of(error: CareerGraphError) -> Problem:
    """The problem document for a domain error (also used inline in batch answers)."""
    status, slug = next(
        (value for kind, value in DOMAIN_STATUS.items() if isinstance(error, kind)),
        (400, "career-graph-error"),
    )
    suggestions = getattr(error, "suggestions", None)
    located = error.problems if isinstance(error, InvalidWorkforce) else None
    return Problem(
        type=f"/problems/{slug}",
        title=error.title,
        status=status,
        detail=error.detail,
        suggestions=[SuggestionModel(code=s.code, title=s.title) for s in suggestions]
        if suggestions is not None
        else None,
        errors=[{"msg": found} for found in located] if located else None,
    )


# Seconds a client should wait before retrying an answer of this status.
RETRY_AFTER = {429: "2", 503: "5"}
# A validation problem lists this many errors at most: a huge invalid body must not
# make a huger answer.
MAX_ERRORS = 50


def problem_response(
    problem: Problem, path: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The problem as an answer to a request for `path` (also an ASGI app, for middleware)."""
    body = problem.model_copy(update={"instance": path})
    retry = RETRY_AFTER.get(problem.status)
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=problem.status,
        media_type=MEDIA_TYPE,
        headers={**({"Retry-After": retry} if retry else {}), **(headers or {})},
    )


def respond(problem: Problem, request: Request) -> JSONResponse:
    return problem_response(problem, str(request.url.path))


def allowed_methods(request: Request) -> list[str]:
    """The methods the API serves at this request's path (for 405 answers' Allow).

    Asks each route whether it would take the request with another method; the
    UI's catch-all is left out, since it takes any GET.
    """
    allowed = []
    for method in METHODS:
        scope = {**request.scope, "method": method}
        for route in request.app.router.routes:
            if getattr(route, "name", "") != "spa" and route.matches(scope)[0] == Match.FULL:
                allowed.append(method)
                break
    return allowed


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where and what, without echoing huge inputs back (at most MAX_ERRORS of them)."""
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in islice(exc.errors(), MAX_ERRORS)
    ]


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into problem+json."""

    @app.exception_handler(CareerGraphError)
    async def domain(request: Request, exc: CareerGraphError) -> JSONResponse:
        return respond(problem_of(exc), request)

    @app.exception_handler(ProblemError)
    async def own(request: Request, exc: ProblemError) -> JSONResponse:
        return respond(exc.problem, request)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors, total = _validation_errors(exc), len(exc.errors())
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(part) for part in first["loc"])
        detail = f"{where}: {first['msg']}" if where else str(first["msg"])
        if total > len(errors):
            detail += f" ({total} errors; the first {len(errors)} are listed)"
        problem = Problem(
            type="/problems/invalid-request",
            title="Invalid request",
            status=422,
            detail=detail,
            errors=errors,
        )
        return respond(problem, request)

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        phrase = HTTPStatus(exc.status_code).phrase
        detail = exc.detail if isinstance(exc.detail, str) else phrase
        if exc.status_code == 404 and detail == phrase:
            detail = f"No such resource: {request.url.path}. The API is under /api/v1; see /docs."
        response = respond(Problem(title=phrase, status=exc.status_code, detail=detail), request)
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:
            response.headers["Allow"] = ", ".join(allowed_methods(request))
        return response
