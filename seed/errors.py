"""Errors of the seed data: one line each, naming the file, the record and the field."""

from __future__ import annotations

from graph.errors import CareerGraphError


class SeedDataError(CareerGraphError):
    """A data file is missing, malformed or inconsistent; `problems` lists every finding."""

    title = "Invalid seed data"

    def __init__(self, detail: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.problems = problems or (detail,)


class SourceFormatError(SeedDataError):
    """The source document lacks a structure the parser relies on (wrong or damaged file)."""

    title = "Unreadable source document"
