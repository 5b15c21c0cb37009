"""ESCO's CSV download as the European Commission publishes it, read into a dataset.

The files (English, columns as ESCO documents them; any further columns are ignored):

- occupations_en.csv: conceptUri, iscoGroup, preferredLabel, altLabels (one per line of
  the cell), description, code (the ESCO code, e.g. 2512.4);
- skills_en.csv: conceptUri, skillType (skill/competence, knowledge), preferredLabel,
  description;
- occupationSkillRelations_en.csv: occupationUri, relationType (essential, optional),
  skillUri;
- ISCOGroups_en.csv (optional): code, preferredLabel, the names of the ISCO-08 groups.

Occupations become roles (code: the ESCO code, else the URI's last segment; alternative
labels as alternative titles, so search finds them), their ISCO-08 sub-major group (the
first ISCO_DIGITS digits of iscoGroup, e.g. 25 Information and communications technology
professionals) their family; skills become competences in two areas by skill type; an
optional relation is level 1 ("optional"), an essential one level 2 ("essential").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import ValidationError

from graph.errors import DatasetError
from graph.formats.bundles import Bundle
from graph.formats.csvtext import Progress, Row, decode, located, read_table
from graph.formats.slugs import slug
from graph.models import (
    CODE_PATTERN,
    Area,
    Competence,
    Dataset,
    Family,
    LevelDescriptor,
    Requirement,
    Role,
    Scale,
)
from graph.validation import problems

OCCUPATIONS = "occupations_en.csv"
SKILLS = "skills_en.csv"
RELATIONS = "occupationSkillRelations_en.csv"
ISCO_GROUPS = "ISCOGroups_en.csv"
ISCO_DIGITS = 2  # ISCO-08 sub-major groups: about 40 families for ESCO's 3,000 occupations
LEVELS = {"optional": 1, "essential": 2}
LEVEL_DESCRIPTORS = (
    "Optional: ESCO lists it as an optional skill of the occupation (some jobs ask for it)",
    "Essential: ESCO lists it as an essential skill of the occupation (every job asks for it)",
)
NO_TYPE = "Other"
ATTRIBUTION = "ESCO classification, European Commission, reuse with attribution"


def read_esco(bundle: Bundle, *, progress: Progress | None = None) -> Dataset:
    """The dataset of an ESCO CSV package; errors name the file, line and column."""
    occupations = _table(
        bundle, OCCUPATIONS, ("conceptUri", "iscoGroup", "preferredLabel"), progress
    )
    skills = _table(bundle, SKILLS, ("conceptUri", "preferredLabel"), progress)
    relations = _table(bundle, RELATIONS, ("occupationUri", "relationType", "skillUri"), progress)
    if not occupations:
        raise located(OCCUPATIONS, 2, 1, "no occupation: the file has a header row only")
    for row in (*occupations, *skills):
        if not row["preferredLabel"].strip():
            raise row.error("preferredLabel", "empty label")
    groups = (
        _table(bundle, ISCO_GROUPS, ("code", "preferredLabel"), progress)
        if ISCO_GROUPS in bundle.files
        else []
    )
    try:
        dataset = Dataset(
            id="esco",
            name="ESCO occupations",
            source=f"ESCO CSV package ({bundle.origin})",
            licence="ESCO: reuse with attribution (European Commission)",
            attribution=ATTRIBUTION,
            scale=Scale(labels=tuple(LEVELS)),
            families=_families(occupations, groups),
            areas=_areas(skills),
            competences=_competences(skills),
            roles=_roles(occupations, skills, relations),
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise DatasetError(f"{bundle.origin}: {where}: {first['msg']}") from None
    found = [str(p) for p in problems(dataset)]
    if found:
        raise DatasetError(f"{bundle.origin}: {found[0]}", tuple(found))
    return dataset


def _roles(occupations: list[Row], skills: list[Row], relations: list[Row]) -> tuple[Role, ...]:
    codes = _unique(
        [(row, row["code"].strip() or _tail(row["conceptUri"])) for row in occupations], "code"
    )
    uris = {row["conceptUri"].strip(): code for row, code in zip(occupations, codes, strict=True)}
    skill_codes = {row["conceptUri"].strip(): _tail(row["conceptUri"]) for row in skills}
    needs = _requirements(relations, uris, skill_codes)
    return tuple(
        Role(
            code=code,
            family=_family(row),
            title=row["preferredLabel"].strip(),
            alt_titles=_alt_titles(row),
            mission=(row["description"] or row["definition"]).strip(),
            requirements=tuple(
                Requirement(competence=c, levels=(level,))
                for c, level in needs.get(code, {}).items()
            ),
        )
        for row, code in zip(occupations, codes, strict=True)
    )


def _families(occupations: list[Row], groups: list[Row]) -> tuple[Family, ...]:
    """The ISCO-08 groups the occupations are in, named as ISCOGroups_en.csv names them."""
    names = {row["code"].strip(): row["preferredLabel"].strip() for row in groups}
    codes = sorted({_family(row) for row in occupations})
    return tuple(Family(code=c, name=names.get(c, f"ISCO-08 group {c}")) for c in codes)


def _areas(skills: list[Row]) -> tuple[Area, ...]:
    """One area per skill type, named as ESCO spells it ('Skill/competence', 'Knowledge')."""
    spelt = {_area(row): row["skillType"].strip() or NO_TYPE for row in skills}
    return tuple(Area(code=c, name=spelt[c][:1].upper() + spelt[c][1:]) for c in sorted(spelt))


def _table(
    bundle: Bundle, name: str, required: tuple[str, ...], progress: Progress | None
) -> list[Row]:
    _, rows = read_table(
        name, decode(name, bundle.require(name)), required=required, free=True, progress=progress
    )
    return rows


def _tail(uri: str) -> str:
    """'http://data.europa.eu/esco/skill/0005c151-...' -> '0005c151-...'."""
    return uri.strip().rstrip("/").rpartition("/")[2]


def _unique(found: Iterable[tuple[Row, str]], column: str) -> list[str]:
    """The codes, each checked valid and unique (an error names the cell)."""
    pattern = re.compile(CODE_PATTERN)
    seen: dict[str, int] = {}
    codes = []
    for row, code in found:
        if not pattern.match(code):
            raise row.error(column, f"{code!r} cannot be a code (letters, digits, . _ : + -)")
        if code in seen:
            raise row.error(column, f"duplicate {code!r} (first on line {seen[code]})")
        seen[code] = row.line
        codes.append(code)
    return codes


def _competences(skills: list[Row]) -> tuple[Competence, ...]:
    codes = _unique(((row, _tail(row["conceptUri"])) for row in skills), "conceptUri")
    return tuple(
        Competence(
            code=code,
            area=_area(row),
            title=row["preferredLabel"].strip(),
            description=(row["description"] or row["definition"]).strip(),
            levels=tuple(
                LevelDescriptor(level=n, descriptor=text)
                for n, text in enumerate(LEVEL_DESCRIPTORS, start=1)
            ),
        )
        for row, code in zip(skills, codes, strict=True)
    )


def _area(row: Row) -> str:
    return slug(row["skillType"].strip() or NO_TYPE, fallback="other")


def _family(row: Row) -> str:
    group = row["iscoGroup"].strip()
    if not group.isdigit():
        raise row.error("iscoGroup", f"{group!r} is not an ISCO-08 code (digits)")
    return group[:ISCO_DIGITS]


def _alt_titles(row: Row) -> tuple[str, ...]:
    title = row["preferredLabel"].strip()
    labels = (label.strip() for label in row["altLabels"].splitlines())
    return tuple(dict.fromkeys(label for label in labels if label and label != title))


def _requirements(
    relations: list[Row], occupations: dict[str, str], skills: dict[str, str]
) -> dict[str, dict[str, int]]:
    """Each role's competences and levels; a skill listed twice keeps the higher level."""
    needs: dict[str, dict[str, int]] = {}
    for row in relations:
        role = occupations.get(row["occupationUri"].strip())
        if role is None:
            raise row.error(
                "occupationUri", f"no occupation {row['occupationUri'].strip()!r} in {OCCUPATIONS}"
            )
        competence = skills.get(row["skillUri"].strip())
        if competence is None:
            raise row.error("skillUri", f"no skill {row['skillUri'].strip()!r} in {SKILLS}")
        kind = row["relationType"].strip().casefold()
        if kind not in LEVELS:
            raise row.error("relationType", f"{kind!r}: use essential or optional")
        held = needs.setdefault(role, {})
        held[competence] = max(held.get(competence, 0), LEVELS[kind])
    return needs
