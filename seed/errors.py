"""Errors of the source document: the parser cannot find a structure it relies on."""

from __future__ import annotations

from graph.errors import DatasetError


class SourceFormatError(DatasetError):
    """The source document lacks a structure the parser relies on (wrong or damaged file)."""

    title = "Unreadable source document"
