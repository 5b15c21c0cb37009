"""Cross-reference checks of a dataset: what the models cannot see one record at a time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graph.models import AREA_NAMES, Competence, Dataset, Role

FAMILY_COUNT = 7


@dataclass(frozen=True)
class Problem:
    """One finding, located as precisely as a person fixing the file needs."""

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.message}"


def problems(dataset: Dataset) -> list[Problem]:
    """Every cross-reference problem of the dataset, in file order."""
    competences = {c.code: c for c in dataset.competences}
    role_codes = {r.code for r in dataset.roles}
    return [
        *_families(dataset),
        *_areas(dataset),
        *_competences(dataset.competences),
        *_roles(dataset, competences),
        *_links(dataset, role_codes),
    ]


def _duplicates(values: Iterable[str]) -> list[str]:
    return sorted(v for v, n in Counter(values).items() if n > 1)


def _families(dataset: Dataset) -> Iterator[Problem]:
    numbers = [str(f.number) for f in dataset.families]
    for number in _duplicates(numbers):
        yield Problem("families.json", f"family {number}", "number", "duplicate family number")
    if len(set(numbers)) != FAMILY_COUNT:
        yield Problem(
            "families.json",
            "all families",
            "number",
            f"{FAMILY_COUNT} families expected, found {len(set(numbers))}",
        )


def _areas(dataset: Dataset) -> Iterator[Problem]:
    codes = [a.code for a in dataset.areas]
    for code in _duplicates(codes):
        yield Problem("areas.json", f"area {code}", "code", "duplicate area code")
    if set(codes) != set(AREA_NAMES):
        found = ", ".join(sorted(set(codes)))
        yield Problem(
            "areas.json",
            "all areas",
            "code",
            f"areas {', '.join(sorted(AREA_NAMES))} expected, found {found}",
        )


def _competences(competences: tuple[Competence, ...]) -> Iterator[Problem]:
    for code in _duplicates(c.code for c in competences):
        yield Problem("competences.json", f"competence {code}", "code", "duplicate competence code")
    for competence in competences:
        for name, entries in (("knowledge", competence.knowledge), ("skills", competence.skills)):
            prefix = f"{competence.code}.{name[0].upper()}"
            for index, item in enumerate(entries):
                if not item.key.startswith(prefix):
                    yield Problem(
                        "competences.json",
                        f"competence {competence.code}",
                        f"{name}[{index}].key",
                        f"key {item.key!r} does not start with {prefix!r}",
                    )
    keys = [i.key for c in competences for i in (*c.knowledge, *c.skills)]
    for key in _duplicates(keys):
        yield Problem("competences.json", f"item {key}", "key", "duplicate knowledge/skill key")


def _roles(dataset: Dataset, competences: dict[str, Competence]) -> Iterator[Problem]:
    families = {f.number for f in dataset.families}
    for code in _duplicates(r.code for r in dataset.roles):
        yield Problem("roles.json", f"role {code}", "code", "duplicate role code")
    for role in dataset.roles:
        if role.family not in families:
            yield Problem(
                "roles.json", f"role {role.code}", "family", f"unknown family {role.family}"
            )
        yield from _requirements(role, competences)


def _requirements(role: Role, competences: dict[str, Competence]) -> Iterator[Problem]:
    for index, requirement in enumerate(role.requirements):
        competence = competences.get(requirement.competence)
        if competence is None:
            yield Problem(
                "roles.json",
                f"role {role.code}",
                f"requirements[{index}].competence",
                f"unknown competence {requirement.competence!r}",
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
                )


def _links(dataset: Dataset, role_codes: set[str]) -> Iterator[Problem]:
    for index, link in enumerate(dataset.links):
        record = f"link {index} ({link.source} -> {link.target})"
        for end in ("source", "target"):
            code = getattr(link, end)
            if code not in role_codes:
                yield Problem("links.json", record, end, f"unknown role {code!r}")
        if link.source == link.target:
            yield Problem("links.json", record, "target", "a link cannot point to its own source")
