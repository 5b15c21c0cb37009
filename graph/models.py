"""Domain models: the CIGREF 2011 roles and the e-CF 2.0 competences they require.

These are the one shape of the data everywhere: the seed files are these models
serialised as JSON, both stores are built from them, and the algorithms read them.
Models are frozen so a loaded dataset can be shared between requests safely.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

LinkKind = Literal["documented", "inferred"]
# How the levels of a multi-level requirement are joined on the sheet (see Requirement).
Combine = Literal["and", "or"]

Level = Annotated[int, Field(ge=1, le=5, description="e-CF proficiency level e-1..e-5")]

AREA_NAMES: dict[str, str] = {
    "A": "PLAN",
    "B": "BUILD",
    "C": "RUN",
    "D": "ENABLE",
    "E": "MANAGE",
}

# EQF levels for each e-CF level, as the e-CF 2.0 states them (e-2 spans EQF 4 and 5).
EQF_BY_LEVEL: dict[int, str] = {1: "3", 2: "4-5", 3: "6", 4: "7", 5: "8"}

ROLE_CODE = re.compile(r"^[1-7]\.([1-9]|10)$")
COMPETENCE_CODE = re.compile(r"^[A-E]([1-9]|10)$")


def role_sort_key(code: str) -> tuple[int, int]:
    """Order role codes numerically, so 4.10 comes after 4.9."""
    family, index = code.split(".")
    return int(family), int(index)


def competence_sort_key(code: str) -> tuple[str, int]:
    """Order competence codes numerically within an area, so D10 comes after D9."""
    return code[0], int(code[1:])


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Family(Frozen):
    number: int = Field(ge=1, le=7)
    name: str
    description: str


class Area(Frozen):
    code: Literal["A", "B", "C", "D", "E"]
    name: Literal["PLAN", "BUILD", "RUN", "ENABLE", "MANAGE"]

    @model_validator(mode="after")
    def _name_matches_code(self) -> Area:
        if AREA_NAMES[self.code] != self.name:
            raise ValueError(f"area {self.code} is {AREA_NAMES[self.code]}, not {self.name}")
        return self


class LevelDescriptor(Frozen):
    """One applicable proficiency level of a competence (no entry = 'not applicable')."""

    level: Level
    descriptor: str

    @property
    def eqf(self) -> str:
        return EQF_BY_LEVEL[self.level]


class KnowledgeItem(Frozen):
    key: str = Field(description="e.g. 'A1.K1' or 'A1.S3'")
    text: str


class Competence(Frozen):
    code: str
    area: Literal["A", "B", "C", "D", "E"]
    title: str
    description: str
    levels: tuple[LevelDescriptor, ...]
    knowledge: tuple[KnowledgeItem, ...] = ()
    skills: tuple[KnowledgeItem, ...] = ()

    @field_validator("code")
    @classmethod
    def _code_shape(cls, code: str) -> str:
        if not COMPETENCE_CODE.match(code):
            raise ValueError(f"competence code {code!r} is not of the form A1..E9")
        return code

    @model_validator(mode="after")
    def _consistent(self) -> Competence:
        if self.code[0] != self.area:
            raise ValueError(
                f"competence {self.code} belongs to area {self.code[0]}, not {self.area}"
            )
        numbers = [d.level for d in self.levels]
        if numbers != sorted(set(numbers)):
            raise ValueError(f"competence {self.code}: levels must be unique and ascending")
        if not numbers:
            raise ValueError(f"competence {self.code} has no applicable level")
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

    competence: str
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
    code: str
    family: int = Field(ge=1, le=7)
    title: str
    alt_titles: tuple[str, ...] = ()
    mission: str
    activities: tuple[Activity, ...] = ()
    # Sentences the sheet prints around its activity table ("Some Test Managers may ...").
    activities_intro: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...]
    deliverables: tuple[str, ...] = ()
    kpis: tuple[str, ...] = ()
    career: CareerProfile
    trends: str = ""
    # Career moves the sheet mentions that name no role of the nomenclature.
    career_mentions: tuple[str, ...] = ()
    source_lines: tuple[int, int]

    @field_validator("code")
    @classmethod
    def _code_shape(cls, code: str) -> str:
        if not ROLE_CODE.match(code):
            raise ValueError(f"role code {code!r} is not of the form F.N (1.1 .. 7.5)")
        return code

    @model_validator(mode="after")
    def _consistent(self) -> Role:
        if int(self.code.split(".")[0]) != self.family:
            raise ValueError(f"role {self.code} is not in family {self.family}")
        seen = [r.competence for r in self.requirements]
        if len(seen) != len(set(seen)):
            raise ValueError(f"role {self.code} requires a competence twice")
        return self

    def requirement(self, competence: str) -> Requirement | None:
        return next((r for r in self.requirements if r.competence == competence), None)


class Evidence(Frozen):
    quote: str
    line: int = Field(ge=1, description="line in seed/source/cigref_2011_en.txt")


class DocumentedLink(Frozen):
    """A move between two roles that the source document states in words."""

    source: str
    target: str
    evidence: Evidence
    note: str = Field(default="", description="how the quote was mapped to these roles")


class Dataset(Frozen):
    """Everything the seed files hold, validated together (cross-references in graph.validation)."""

    name: str = "CIGREF 2011 IS roles + e-CF 2.0"
    source: str = "seed/source/cigref_2011_en.txt"
    families: tuple[Family, ...]
    areas: tuple[Area, ...]
    competences: tuple[Competence, ...]
    roles: tuple[Role, ...]
    links: tuple[DocumentedLink, ...]

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
