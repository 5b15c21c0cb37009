"""The shape of a problem details answer (RFC 9457), apart from app/problems.py's FastAPI
handlers: app/schemas.py names it, and the CLI loads those shapes without FastAPI."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class SuggestionModel(BaseModel):
    code: str
    title: str


class Problem(BaseModel):
    """An error answer (RFC 9457); `suggestions` names the nearest codes when one is unknown."""

    type: str = Field(default="about:blank", examples=["/problems/unknown-role"])
    title: str = Field(examples=["Unknown role"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No role '3.9'. Did you mean: 3.2 Programmer?"])
    instance: str | None = None
    suggestions: list[SuggestionModel] | None = None
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="each invalid input field, for validation errors"
    )
