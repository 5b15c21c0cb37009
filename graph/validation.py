"""Cross-reference checks of a dataset: what the models cannot see one record at a time.

Generic to any framework and catalogue: unique codes, references that resolve,
levels within the scale and applicable to their competence. Conventions of one
dataset (CIGREF's seven families, e-CF area letters) are checked where it is built
(seed/conventions.py), not here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graph.models import Competence, Dataset, Role


@dataclass(frozen=True)
class Problem:
    """One finding, located as precisely as a person fixing the file needs."""

    file: str
    record: str
    field: str
    message: str
    index: int | None = None  # the record's position in its file, when it is one record

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.message}"

    def located(self, where: str) -> str:
        """The problem with `where` (e.g. 'roles.json:120:3') in place of the file name."""
        return f"{where}: {self.record}: {self.field}: {self.message}"


def problems(dataset: Dataset) -> list[Problem]:
    """Every cross-reference problem of the dataset, in file order."""
    competences = {c.code: c for c in dataset.competences}
    role_codes = {r.code for r in dataset.roles}
    return [
        *_duplicates("families.json", "family", "code", (f.code for f in dataset.families)),
        *_duplicates("areas.json", "area", "code", (a.code for a in dataset.areas)),
        *_competences(dataset),
        *_roles(dataset, competences),
        *_links(dataset, role_codes),
    ]


def _duplicates(file: str, what: str, field: str, values: Iterable[str]) -> Iterator[Problem]:
    for value in sorted(v for v, n in Counter(values).items() if n > 1):
        yield Problem(file, f"{what} {value}", field, f"duplicate {what} {field}")


def _competences(dataset: Dataset) -> Iterator[Problem]:
    competences = dataset.competences
    yield from _duplicates("competences.json", "competence", "code", (c.code for c in competences))
    areas = {a.code for a in dataset.areas}
    top = dataset.scale.top
    for at, competence in enumerate(competences):
        record = f"competence {competence.code}"
        if competence.area not in areas:
            yield Problem(
                "competences.json", record, "area", f"unknown area {competence.area!r}", at
            )
        for index, level in enumerate(competence.applicable_levels):
            if level > top:
                yield Problem(
                    "competences.json",
                    record,
                    f"levels[{index}].level",
                    f"level {level} is outside the scale 1..{top}",
                    at,
                )
    keys = [i.key for c in competences for i in (*c.knowledge, *c.skills)]
    yield from _duplicates("competences.json", "item", "key", keys)


def _roles(dataset: Dataset, competences: dict[str, Competence]) -> Iterator[Problem]:
    families = {f.code for f in dataset.families}
    yield from _duplicates("roles.json", "role", "code", (r.code for r in dataset.roles))
    for at, role in enumerate(dataset.roles):
        if role.family not in families:
            yield Problem(
                "roles.json", f"role {role.code}", "family", f"unknown family {role.family!r}", at
            )
        if not role.requirements:  # a gap to it would divide by nothing
            yield Problem(
                "roles.json",
                f"role {role.code}",
                "requirements",
                "a role needs at least one requirement",
                at,
            )
        yield from _requirements(role, competences, at)


def _requirements(role: Role, competences: dict[str, Competence], at: int) -> Iterator[Problem]:
    for index, requirement in enumerate(role.requirements):
        competence = competences.get(requirement.competence)
        if competence is None:
            yield Problem(
                "roles.json",
                f"role {role.code}",
                f"requirements[{index}].competence",
                f"unknown competence {requirement.competence!r}",
                at,
            )
            continue
        for level in requirement.levels:
            if level not in competence.applicable_levels:
                allowed = ", ".join(map(str, competence.applicable_levels))
                yield Problem(
                    "roles.json",
                    f"role {role.code}",
                    f"requirements[{index}].levels",
                    f"level {level} is not applicable to {competence.code} (applicable: {allowed})",
                    at,
                )


def _links(dataset: Dataset, role_codes: set[str]) -> Iterator[Problem]:
    for index, link in enumerate(dataset.links):
        record = f"link {index} ({link.source} -> {link.target})"
        for end in ("source", "target"):
            code = getattr(link, end)
            if code not in role_codes:
                yield Problem("links.json", record, end, f"unknown role {code!r}", index)
        if link.source == link.target:
            yield Problem(
                "links.json", record, "target", "a link cannot point to its own source", index
            )
