"""What a workforce may say about a dataset: known roles and competences, levels that exist.

One place for the checks an import makes cell by cell and the stale-people report makes
after a catalogue change; each check answers a message or None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from graph.models import Dataset, Scale

# Columns or fields that would carry who a person is rather than a pseudonym.
_PERSONAL = re.compile(
    r"(name|mail|phone|mobile|address|birth|dob|ssn|social|passport|national|gender)"
)


PSEUDONYMOUS = (
    "people are pseudonymous: an id, no names, e-mail addresses or other identifying data"
)


def personal_field(header: str) -> bool:
    """Whether a column or field name asks for identifying data (names, e-mail, phone...)."""
    return bool(_PERSONAL.search(re.sub(r"[^a-z]", "", header.casefold())))


@dataclass(frozen=True)
class Catalogue:
    """The codes and levels of one dataset, as an import checks them."""

    roles: frozenset[str]
    levels: Mapping[str, tuple[int, ...]]  # competence -> applicable levels
    scale: Scale

    @classmethod
    def of(cls, dataset: Dataset) -> Catalogue:
        return cls(
            roles=frozenset(r.code for r in dataset.roles),
            levels=MappingProxyType({c.code: c.applicable_levels for c in dataset.competences}),
            scale=dataset.scale,
        )

    def role_problem(self, code: str) -> str | None:
        return None if code in self.roles else f"no role {code!r} in this dataset"

    def competence_problem(self, code: str) -> str | None:
        return None if code in self.levels else f"no competence {code!r} in this dataset"

    def level_problem(self, competence: str, level: int) -> str | None:
        """None when `competence` (known) defines `level`; else why not."""
        scale = self.scale
        if not 1 <= level <= scale.top:
            return f"level {level} is outside the scale {scale.label(1)}..{scale.label(scale.top)}"
        applicable = self.levels[competence]
        if level not in applicable:
            allowed = ", ".join(scale.label(n) for n in applicable)
            return f"{competence} has no level {scale.label(level)} (its levels: {allowed})"
        return None

    def parse_level(self, text: str) -> int | None:
        """A level written as a number ('3') or a scale label ('e-3', any case); None if neither."""
        text = text.strip()
        if text.isdigit():
            return int(text)
        labels = [label.casefold() for label in self.scale.labels]
        folded = text.casefold()
        return labels.index(folded) + 1 if folded in labels else None
