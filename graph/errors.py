"""Domain errors: one hierarchy, mapped to problem+json in one place in app/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str


class CareerGraphError(Exception):
    """Base of every domain error; `title` is a short, stable summary."""

    title = "Career graph error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(CareerGraphError):
    """An unknown code, answered with the nearest known codes and titles."""

    what = "item"

    def __init__(self, code: str, suggestions: list[Suggestion]) -> None:
        hint = ", ".join(f"{s.code} {s.title}" for s in suggestions)
        super().__init__(f"No {self.what} {code!r}." + (f" Did you mean: {hint}?" if hint else ""))
        self.code = code
        self.suggestions = suggestions


class RoleNotFound(NotFound):
    title = "Unknown role"
    what = "role"


class CompetenceNotFound(NotFound):
    title = "Unknown competence"
    what = "competence"


class DatasetNotFound(NotFound):
    title = "Unknown dataset"
    what = "dataset"


class DefaultDatasetKept(CareerGraphError):
    title = "The default dataset cannot be removed"


class InvalidLevel(CareerGraphError):
    title = "Level not applicable"

    def __init__(
        self,
        competence: str,
        level: int,
        valid: tuple[int, ...],
        label: Callable[[int], str] = str,
    ) -> None:
        allowed = ", ".join(label(v) for v in valid)
        super().__init__(
            f"Competence {competence} has no level {label(level)}; "
            f"its applicable levels are {allowed}."
        )
        self.competence = competence
        self.level = level
        self.valid = valid


class InvalidProfile(CareerGraphError):
    title = "Invalid self-assessment"


class NoPath(CareerGraphError):
    title = "No career path"


class InvalidPath(CareerGraphError):
    """A path given to follow is not one: wrong ends, a role twice, or a move with no link."""

    title = "Invalid path"


class DatasetError(CareerGraphError):
    """A dataset file is missing, malformed or inconsistent; `problems` lists every finding."""

    title = "Invalid dataset"

    def __init__(self, detail: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.problems = problems or (detail,)


class TooLarge(DatasetError):
    """The input, or what it would store, is larger than its bound (an HTTP 413, not a 422)."""

    title = "Too large"


class DatasetExists(CareerGraphError):
    """An import without replace found the dataset already stored (checked under its lock)."""

    title = "Dataset exists"


class DatasetBusy(CareerGraphError):
    """Another writer holds the dataset's lock longer than a writer waits for it."""

    title = "Dataset busy"


class BudgetExceeded(CareerGraphError):
    """An answer needs more time or memory than one request may use (graph/budget.py)."""

    title = "Request too large"

    def __init__(self, used: str, lower: str) -> None:
        super().__init__(
            f"This answer would need {used}, more than one request may use; lower {lower}."
        )
        self.lower = lower


class Cancelled(CareerGraphError):
    """Nobody waits for the answer any more (the client left); the work was stopped."""

    title = "Cancelled"


class StoreUnavailable(CareerGraphError):
    title = "Store unavailable"


class QueryRefused(CareerGraphError):
    """The analyst console will not run this query: it could write or reach outside."""

    title = "Query refused"


class QueryTimeout(CareerGraphError):
    """Neo4j ended the query's transaction at the console's time limit."""

    title = "Query timed out"


class QueryFailed(CareerGraphError):
    """Neo4j rejected the query (syntax, types, parameters, memory)."""

    title = "Query failed"


class LibraryQueryNotFound(NotFound):
    title = "Unknown library query"
    what = "library query"


class InvalidWorkforce(CareerGraphError):
    """A workforce import has bad rows; `problems` lists each as file:line:column: message."""

    title = "Invalid workforce data"

    def __init__(self, detail: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.problems = problems or (detail,)


class PersonNotFound(CareerGraphError):
    """No person with this id in the workforce (no suggestions: ids are not for browsing)."""

    title = "Unknown person"

    def __init__(self, person: str, dataset: str) -> None:
        super().__init__(f"No person {person!r} in the workforce of dataset {dataset!r}.")
        self.person = person


class UnitNotFound(NotFound):
    title = "Unknown unit"
    what = "unit"


class WorkforceBusy(CareerGraphError):
    """Another writer holds this workforce (one writer per workforce, on every store)."""

    title = "Workforce busy"


class GroupTooSmall(CareerGraphError):
    """A question aimed at fewer people than the minimum group size (docs/workforce.md)."""

    title = "Group too small"
