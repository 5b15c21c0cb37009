"""Domain models: a competence framework, a role catalogue, and the links between roles.

These are the one shape of the data everywhere: the data files are these models
serialised as JSON, both stores are built from them, and the algorithms read them.
Nothing here is specific to CIGREF or the e-CF: codes are opaque identifiers, the
level scale and its labels are data. Cross-references (an unknown competence, a
level outside the scale) are checked over the whole dataset by graph.validation.
Models are frozen so a loaded dataset can be shared between requests safely.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

LinkKind = Literal["documented", "inferred"]
# How the levels of a multi-level requirement are joined on the sheet (see Requirement).
Combine = Literal["and", "or"]

# Codes are opaque: 1 to 64 characters, letters, digits and . _ : + - inside, starting
# and ending with a letter or digit. Safe in URLs, CSV cells, file names and Cypher.
CODE_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9._:+-]{0,62}[A-Za-z0-9])?$"
Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
# Dataset ids are slugs: lower-case letters, digits and dashes, 1 to 40 characters.
DATASET_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$"
DatasetId = Annotated[str, StringConstraints(pattern=DATASET_ID_PATTERN)]
# A proficiency level: 1 .. the scale's top (0 means "not held" and is never stored).
Level = Annotated[int, Field(ge=1, le=100)]

_DIGITS = re.compile(r"(\d+)")
NaturalKey = tuple[tuple[int, int, str], ...]


def natural_key(code: str) -> NaturalKey:
    """Order codes as people read them: 4.9 before 4.10, D9 before D10, a before B.

    Digit runs compare as numbers, text without case; the code itself breaks ties
    (A01 and A1), so the order is total.
    """
    parts = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _DIGITS.split(code)
        if part
    )
    return (*parts, (2, 0, code))


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Scale(Frozen):
    """The proficiency levels 1..n of a framework, with their labels and mappings.

    `mappings` relate each level to another scale, one value per level, e.g. the e-CF's
    EQF levels ("3", "4-5", "6", "7", "8").
    """

    labels: tuple[str, ...] = Field(min_length=1, max_length=100)
    mappings: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_value_per_level(self) -> Scale:
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("scale labels must be distinct")
        for name, values in self.mappings.items():
            if len(values) != len(self.labels):
                raise ValueError(
                    f"mapping {name!r} has {len(values)} values for {len(self.labels)} levels"
                )
        return self

    @property
    def top(self) -> int:
        return len(self.labels)

    def label(self, level: int) -> str:
        return self.labels[level - 1]

    def mapping(self, name: str, level: int) -> str | None:
        values = self.mappings.get(name)
        return values[level - 1] if values else None


class Family(Frozen):
    """A group of roles (CIGREF's families, O*NET's major groups, an org's job families)."""

    code: Code
    name: str
    description: str = ""


class Area(Frozen):
    """A group of competences (the e-CF's PLAN, BUILD, RUN, ENABLE, MANAGE)."""

    code: Code
    name: str


class LevelDescriptor(Frozen):
    """One applicable proficiency level of a competence (no entry = 'not applicable')."""

    level: Level
    descriptor: str


class KnowledgeItem(Frozen):
    key: Code = Field(description="e.g. 'A1.K1' or 'A1.S3'")
    text: str


class Competence(Frozen):
    code: Code
    area: Code
    title: str
    description: str = ""
    levels: tuple[LevelDescriptor, ...]
    knowledge: tuple[KnowledgeItem, ...] = ()
    skills: tuple[KnowledgeItem, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Competence:
        numbers = [d.level for d in self.levels]
        if not numbers:
            raise ValueError(f"competence {self.code} has no applicable level")
        if numbers != sorted(set(numbers)):
            raise ValueError(f"competence {self.code}: levels must be unique and ascending")
        return self

    @property
    def applicable_levels(self) -> tuple[int, ...]:
        return tuple(d.level for d in self.levels)

    def descriptor(self, level: int) -> str | None:
        return next((d.descriptor for d in self.levels if d.level == level), None)


class Requirement(Frozen):
    """A competence a role requires, with the exact set of levels its data sheet states.

    A sheet states one level or several, joined by "And" ("Level 2 / And Level 3 /
    And Level 4": the role spans all of them) or by "Or" ("Level 1 / Or Level 3": either
    level will do). `levels` keeps them all, `combine` says how they are joined, and
    `level`/`level_max` are the ends. A single level is "and" (there is nothing to
    choose from); "or" needs at least two levels.

    Gaps read And and Or alike: the entry level is the low end (`level`), the mastery
    level the high end (`level_max`). For "Or" that makes entry the least the sheet
    accepts and mastery the most it names: `combine` is shown, it changes no gap.
    """

    competence: Code
    levels: tuple[Level, ...]
    combine: Combine = Field(
        default="and", description="how the levels are joined on the sheet: And or Or"
    )

    @field_validator("levels")
    @classmethod
    def _sorted_unique(cls, levels: tuple[int, ...]) -> tuple[int, ...]:
        if not levels:
            raise ValueError("a requirement states at least one level")
        if list(levels) != sorted(set(levels)):
            raise ValueError("levels must be unique and ascending")
        return levels

    @model_validator(mode="after")
    def _or_offers_a_choice(self) -> Requirement:
        if self.combine == "or" and len(self.levels) < 2:
            raise ValueError("an 'or' requirement states at least two levels")
        return self

    @property
    def level(self) -> int:
        return self.levels[0]

    @property
    def level_max(self) -> int:
        return self.levels[-1]


class Activity(Frozen):
    name: str
    tasks: tuple[str, ...]


class CareerProfile(Frozen):
    """A role sheet's career section: the profile it recruits and the experience it asks."""

    profile: str
    experience: str
    note: str | None = None
    min_experience_years: int | None = Field(default=None, ge=0)


class Role(Frozen):
    """A role of the catalogue. Only code, family, title and requirements are required;
    the rest are the optional fields of a role sheet (CIGREF has them all)."""

    code: Code
    family: Code
    title: str
    alt_titles: tuple[str, ...] = ()
    mission: str = ""
    activities: tuple[Activity, ...] = ()
    # Sentences the sheet prints around its activity table ("Some Test Managers may ...").
    activities_intro: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...]
    deliverables: tuple[str, ...] = ()
    kpis: tuple[str, ...] = ()
    career: CareerProfile | None = None
    trends: str = ""
    # Career moves the sheet mentions that name no role of the catalogue.
    career_mentions: tuple[str, ...] = ()
    # Where the sheet is in the source document, when there is one.
    source_lines: tuple[int, int] | None = None
    # How much preparation the role needs, where the catalogue says (O*NET Job Zones:
    # 1 little or none .. 5 extensive); the direction of a move reads it before level mass.
    job_zone: int | None = Field(default=None, ge=1, le=5)

    @model_validator(mode="after")
    def _each_competence_once(self) -> Role:
        seen = [r.competence for r in self.requirements]
        if len(seen) != len(set(seen)):
            raise ValueError(f"role {self.code} requires a competence twice")
        return self

    def requirement(self, competence: str) -> Requirement | None:
        return next((r for r in self.requirements if r.competence == competence), None)


class Evidence(Frozen):
    quote: str
    line: int | None = Field(default=None, ge=1, description="line in the source document")


class DocumentedLink(Frozen):
    """A move between two roles that the source document states in words."""

    source: Code
    target: Code
    evidence: Evidence
    note: str = Field(default="", description="how the quote was mapped to these roles")
    condition: str = Field(
        default="",
        description="who the move is for, when the source limits it (empty: everyone)",
    )


class Dataset(Frozen):
    """A competence framework and a role catalogue, with their provenance.

    Validated as a whole by graph.validation (every cross-reference, levels within the
    scale and applicable). `version` hashes the content, so equal data has an equal
    version on every store.
    """

    id: DatasetId
    name: str
    source: str = ""
    licence: str = ""
    attribution: str = Field(default="", description="text to show wherever the data appears")
    scale: Scale
    families: tuple[Family, ...]
    areas: tuple[Area, ...]
    competences: tuple[Competence, ...]
    roles: tuple[Role, ...]
    links: tuple[DocumentedLink, ...] = ()

    @property
    def version(self) -> str:
        """A content hash: equal data gives an equal version, on every store."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]


class CareerLink(Frozen):
    """A move between two roles: stated by the source (documented) or computed (inferred)."""

    source: str
    target: str
    kind: LinkKind
    coverage: float = Field(ge=0, le=1, description="share of the target's entry levels held")
    level_steps: int = Field(ge=0, description="level steps from the source's holdings")
    evidence: str = Field(description="the quote for documented links, the figures otherwise")
    condition: str = Field(
        default="", description="who a documented move is for, when its source limits it"
    )
