"""Collecting an import's problems, each located as file:line:column, then failing once."""

from __future__ import annotations

from graph.errors import InvalidWorkforce

# An import with more bad cells than this says how many more, not what they are.
SHOWN = 200


class Problems:
    def __init__(self, name: str) -> None:
        self.name = name
        self.found: list[str] = []
        self.count = 0

    def add(self, line: int, column: int, message: str) -> None:
        self.count += 1
        if len(self.found) < SHOWN:
            self.found.append(f"{self.name}:{line}:{column}: {message}")

    def located(self, text: str) -> InvalidWorkforce:
        """The error for one problem already located as "name:line:column: ..."."""
        return InvalidWorkforce(f"{text}; nothing was written", (text,))

    def raise_if_any(self) -> None:
        """InvalidWorkforce naming the first problem and how many more there are."""
        if not self.count:
            return
        more = self.count - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        listed = self.found
        if self.count > len(listed):
            listed = [*listed, f"{self.name}: ... {self.count - len(listed)} more problems"]
        raise InvalidWorkforce(f"{self.found[0]}{suffix}; nothing was written", tuple(listed))
