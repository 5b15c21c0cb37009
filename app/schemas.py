"""HTTP request and response shapes that are not already answers of graph/ (graph.results)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.problems import Problem
from graph.models import Combine, LinkKind
from graph.results import Basis, CompetenceRef, GapReport, LearnItem, LevelInfo, Related, RoleRef


class Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class Health(Out):
    status: Literal["ok"] = "ok"


class Ready(Out):
    status: Literal["ready"] = "ready"
    store: Literal["embedded", "neo4j"]
    dataset_version: str
    link_policy: str = Field(description="fingerprint of the policy behind the served links")
    link_policy_current: bool = Field(
        description="false when the store's links come from another policy: reseed to update"
    )
    snapshot_built_at: str
    snapshot_age_s: float


class Counts(Out):
    families: int
    roles: int
    competences: int
    requirements: int
    knowledge: int
    skills: int
    links_documented: int
    links_inferred: int


class Meta(Out):
    name: str
    dataset_version: str
    source: str
    store: Literal["embedded", "neo4j"]
    counts: Counts
    batch_max: int


class FamilyRef(Out):
    number: int
    name: str


class FamilyOut(FamilyRef):
    description: str
    roles: list[RoleRef]


class RoleSummary(RoleRef):
    family: FamilyRef
    alt_titles: list[str]


class StatedLevels(BaseModel):
    """The levels a role sheet states for one competence (graph.models.Requirement)."""

    level: int = Field(description="low end of the stated levels (the entry level)")
    level_max: int = Field(description="high end of the stated levels (the mastery level)")
    levels: list[int] = Field(description="exactly the levels the data sheet states")
    combine: Combine = Field(
        description="how the sheet joins the levels: 'and' (Level 2 / And Level 3) or 'or' "
        "(Level 1 / Or Level 3); 'and' for a single level. Gaps read both alike."
    )


class RequiredCompetence(StatedLevels, CompetenceRef):
    pass


class ActivityOut(Out):
    name: str
    tasks: list[str]


class CareerOut(Out):
    profile: str
    experience: str
    note: str | None
    min_experience_years: int | None


class LinkOut(Out):
    role: RoleRef
    kind: LinkKind
    coverage: float
    level_steps: int
    evidence: str


class RoleSheet(RoleSummary):
    mission: str
    activities: list[ActivityOut]
    competences: list[RequiredCompetence]
    deliverables: list[str]
    kpis: list[str]
    career: CareerOut
    trends: str
    career_mentions: list[str] = Field(description="moves the sheet mentions to no listed role")
    source_lines: tuple[int, int]
    links_out: list[LinkOut]
    links_in: list[LinkOut]
    related: list[Related]


class CompetenceSummary(CompetenceRef):
    area_name: str
    levels: list[int] = Field(description="applicable levels")


class RequiringRole(StatedLevels, RoleRef):
    pass


class CompetenceSheet(CompetenceRef):
    area_name: str
    description: str
    levels: list[LevelInfo]
    knowledge: list[LearnItem]
    skills: list[LearnItem]
    roles: list[RequiringRole]


class FromRole(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = Field(min_length=1, max_length=20, examples=["3.2"])


class FromProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[Annotated[str, Field(max_length=10)], Annotated[int, Field(ge=0, le=5)]] = Field(
        description="competence code -> level held (0 = not held); at least one level above 0",
        min_length=1,
        examples=[{"B1": 3, "B2": 2}],
        max_length=60,
    )


class GapRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    from_: FromRole | FromProfile = Field(alias="from")
    to: str = Field(min_length=1, max_length=20, examples=["3.4"])
    basis: Basis = "entry"


class MovesRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    from_: FromRole | FromProfile = Field(alias="from")
    limit: int = Field(default=10, ge=1, le=100)


class BatchPair(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    from_: str = Field(alias="from", min_length=1, max_length=20, examples=["3.2"])
    to: str = Field(min_length=1, max_length=20, examples=["3.4"])
    basis: Basis = "entry"


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pairs: list[BatchPair] = Field(min_length=1)


class BatchAnswer(Out):
    dataset_version: str
    results: list[GapReport | Problem] = Field(description="one per pair, in request order")


class GraphNode(Out):
    code: str
    title: str
    family: int


class GraphLink(Out):
    source: str
    target: str
    kind: LinkKind
    coverage: float
    level_steps: int
    evidence: str


class GraphAnswer(Out):
    dataset_version: str
    nodes: list[GraphNode]
    links: list[GraphLink]
