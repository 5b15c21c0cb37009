"""The OpenAPI document, telling clients the truth about errors.

FastAPI documents validation errors as its own JSON shape; this service answers
every error as application/problem+json (RFC 9457), so the document says so.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.problems import MEDIA_TYPE

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
ERROR_STATUSES = {
    "404": "Unknown code (with suggestions), or no path",
    "422": "Invalid input",
}
# The request limits (app/http_limits.py) answer before any route, on every operation.
LIMIT_STATUSES = {
    "400": "Credentials in the URL (API keys go in the X-API-Key header)",
    "414": "The path or the query string is over its limit",
    "431": "The request line and headers are over their limit",
}


def _problem_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {MEDIA_TYPE: {"schema": PROBLEM_REF}}}


def install(app: FastAPI) -> None:
    def document() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        schemas = spec["components"]["schemas"]  # Problem is there: routes reference it
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        for path in spec["paths"].values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                if operation.get("parameters") or operation.get("requestBody"):
                    for status, description in ERROR_STATUSES.items():
                        responses.setdefault(status, {"description": description})
                if operation.get("requestBody"):
                    responses.setdefault(
                        "400",
                        {"description": "The body is not readable JSON, or credentials in the URL"},
                    )
                    responses.setdefault("413", {"description": "The body is over its limit"})
                for status, description in LIMIT_STATUSES.items():
                    responses.setdefault(status, {"description": description})
                for status, response in responses.items():
                    if status[0] in "45":
                        responses[status] = _problem_response(response["description"])
        app.openapi_schema = spec
        return spec

    app.openapi = document  # type: ignore[method-assign]
