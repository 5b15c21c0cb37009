"""HTTP request and response shapes that are not already answers of graph/ (graph.results)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.problem_model import Problem
from graph.algorithms.direction import DirectionFilter
from graph.algorithms.moves import DocumentedMode
from graph.models import Combine, LinkKind
from graph.results import Basis, CompetenceRef, GapReport, LearnItem, LevelInfo, Related, RoleRef
from graph.workforce.models import Person
from graph.workforce.whatif import MAX_RAISES, WhatIfRaise

DIRECTION_HELP = (
    "which moves to keep: up, lateral, down, any, or not-down (the default: no step-downs); "
    "a move the source states is kept whatever its direction"
)
DOCUMENTED_HELP = (
    "include (the moves the source states come first), exclude (the model alone, as if the "
    "dataset stated no move) or only"
)


class Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class Health(Out):
    status: Literal["ok"] = "ok"


class ReadyDataset(Out):
    id: str
    version: str = Field(description="the release served")
    stored_version: str | None = Field(
        description="what the store holds now (null: missing from the store: reseed it)"
    )
    link_policy: str = Field(description="fingerprint of the policy behind the served links")
    link_policy_current: bool = Field(
        description="false when the store's links come from another policy: reseed to update"
    )
    snapshot_built_at: str
    snapshot_age_s: float


class StoreState(Out):
    answering: bool = Field(description="the last check of the store succeeded, in time")
    checked_at: str | None
    error: str | None = Field(description="why the last check failed (no addresses)")


class Ready(Out):
    status: Literal["ready", "degraded"] = Field(
        description="degraded: answers come from the last snapshots while the store fails, "
        "hangs, lacks a dataset or holds another version"
    )
    reasons: list[str]
    store: Literal["embedded", "neo4j"]
    store_state: StoreState
    default_dataset: str
    dataset_version: str = Field(description="the default dataset's served version")
    link_policy: str
    link_policy_current: bool
    snapshot_built_at: str
    snapshot_age_s: float
    datasets: list[ReadyDataset]
    left_out: dict[str, str] = Field(
        default_factory=dict,
        description="stored datasets not served because they cannot be read, each with why",
    )
    loading: list[str] = Field(
        default_factory=list,
        description="stored datasets not served yet: their snapshots are being built",
    )


class Counts(Out):
    families: int
    roles: int
    competences: int
    requirements: int
    knowledge: int
    skills: int
    links_documented: int
    links_inferred: int


class ScaleOut(Out):
    labels: list[str] = Field(description="the name of each level 1..n", examples=[["e-1", "e-2"]])
    mappings: dict[str, list[str]] = Field(description="other scales, one value per level")


class AreaOut(Out):
    code: str
    name: str


class DatasetInfo(Out):
    id: str = Field(examples=["cigref-2011"])
    name: str
    default: bool
    dataset_version: str
    source: str
    licence: str
    attribution: str = Field(description="show it wherever this dataset's data appears")
    scale: ScaleOut
    areas: list[AreaOut]
    counts: Counts
    within_reach: float = Field(
        gt=0,
        le=1,
        description="the coverage of a role's entry levels at which it is within reach: "
        "the one threshold unlocks, compare, paths and every list so named use",
    )


class Spread(Out):
    min: int
    median: float
    max: int


class QuantisationOut(Out):
    """What the quantisation of a matrix import chose."""

    thresholds: list[float] = Field(
        description="the lowest rating of each level; the first is the floor"
    )
    labels: list[str]
    per_level: list[int] = Field(description="requirements at each level")
    left_out: int = Field(description="rated cells below the floor, or empty: not required")
    requirements_per_role: Spread
    roles_without_requirement: list[str]
    competences_unused: list[str] = Field(description="competences no role requires")


class DatasetImported(Out):
    dataset: DatasetInfo
    replaced: bool = Field(description="a dataset with this id was there before")
    format: Literal["json", "csv", "matrix", "esco"]
    quantisation: QuantisationOut | None = Field(description="matrix imports only")
    links_per_role: Spread = Field(description="career links out of each role")


class Meta(DatasetInfo):
    store: Literal["embedded", "neo4j"]
    batch_max: int


class FamilyRef(Out):
    code: str
    number: int | None = Field(description="the code as a number, when it is one (CIGREF: 1..7)")
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
    career: CareerOut | None
    trends: str
    career_mentions: list[str] = Field(description="moves the sheet mentions to no listed role")
    source_lines: tuple[int, int] | None
    links_out: list[LinkOut]
    links_in: list[LinkOut]
    related: list[Related]


class CompetenceSummary(CompetenceRef):
    area_name: str
    levels: list[int] = Field(description="applicable levels")
    description: str | None = Field(default=None, description="with include=levels")
    descriptors: list[LevelInfo] | None = Field(
        default=None, description="with include=levels: each applicable level described"
    )


class RequiringRole(StatedLevels, RoleRef):
    pass


class CompetenceSheet(CompetenceRef):
    area_name: str
    description: str
    levels: list[LevelInfo]
    knowledge: list[LearnItem]
    skills: list[LearnItem]
    roles: list[RequiringRole]


# Codes in requests: as long as a dataset code may be (graph.models.CODE_PATTERN).
CodeIn = Annotated[str, Field(min_length=1, max_length=64)]
DatasetIn = Annotated[
    str | None,
    Field(
        default=None,
        max_length=40,
        description="dataset id (GET /api/v1/datasets); default: the default dataset",
        examples=["cigref-2011"],
    ),
]


class FromRole(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: CodeIn = Field(examples=["3.2"])


class FromProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[Annotated[str, Field(max_length=64)], Annotated[int, Field(ge=0, le=100)]] = (
        Field(
            description="competence code -> level held (0 = not held); at least one level above 0",
            min_length=1,
            examples=[{"B1": 3, "B2": 2}],
            max_length=500,
        )
    )


class GapRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    dataset: DatasetIn = None
    from_: FromRole | FromProfile = Field(alias="from")
    to: CodeIn = Field(examples=["3.4"])
    basis: Basis = "entry"


class MovesRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    dataset: DatasetIn = None
    from_: FromRole | FromProfile = Field(alias="from")
    limit: int = Field(default=10, ge=1, le=100)
    direction: DirectionFilter = Field(default="not-down", description=DIRECTION_HELP)
    documented: DocumentedMode = Field(default="include", description=DOCUMENTED_HELP)


class BatchPair(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    from_: CodeIn = Field(alias="from", examples=["3.2"])
    to: CodeIn = Field(examples=["3.4"])
    basis: Basis = "entry"


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dataset: DatasetIn = None
    pairs: list[BatchPair] = Field(min_length=1)


class BatchAnswer(Out):
    dataset_version: str
    results: list[GapReport | Problem] = Field(description="one per pair, in request order")


class GraphNode(Out):
    code: str
    title: str
    family: int | None = Field(description="the family code as a number, when it is one")
    family_code: str


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


AvoidIn = Annotated[
    list[CodeIn], Field(default_factory=list, max_length=64, description="roles never entered")
]


class UnlocksRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    dataset: DatasetIn = None
    from_: FromRole | FromProfile = Field(alias="from")
    to: CodeIn | None = Field(default=None, description="a target: which raises close its gap")
    limit: int = Field(default=10, ge=1, le=500)


class PathsRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    dataset: DatasetIn = None
    from_: FromRole | FromProfile = Field(alias="from")
    to: CodeIn = Field(examples=["3.4"])
    k: int = Field(default=3, ge=1, le=10)
    max_steps: int | None = Field(default=None, ge=1, le=10)
    only_documented: bool = False
    avoid: AvoidIn


class PlanRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    dataset: DatasetIn = None
    from_: FromRole | FromProfile = Field(alias="from")
    to: CodeIn = Field(examples=["3.4"])
    path: list[CodeIn] | None = Field(
        default=None,
        max_length=12,
        description="role codes as paths list them; omitted: the best path",
    )
    only_documented: bool = Field(default=False, description="for the best path only")
    avoid: AvoidIn


class CompareRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    dataset: DatasetIn = None
    from_: FromRole | FromProfile = Field(alias="from")
    to: list[CodeIn] = Field(min_length=2, max_length=4, examples=[["3.4", "2.3", "6.2"]])
    basis: Basis = "entry"


# --- workforce analytics (app/routers/workforce.py) ------------------------------------------


class WhatIfRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    dataset: DatasetIn = None
    raises: list[WhatIfRaise] = Field(
        min_length=1,
        max_length=MAX_RAISES,
        examples=[[{"competence": "B2", "level": 3, "role": "3.2"}]],
    )
    threshold: float | None = Field(
        default=None, gt=0, le=1, description="ready-soon threshold (default: the setting)"
    )


class ImportAnswer(Out):
    dataset: str
    mode: Literal["merge", "replace"]
    imported: int = Field(description="people in the upload")
    people: int = Field(description="people stored now")
    workforce_version: str
    stale: int = Field(description="stored people with a role or competences the dataset lacks")


class PersonRecord(Out):
    """Everything stored about one person (an export for a subject access request)."""

    dataset: str
    person: Person


class Erased(Out):
    dataset: str
    person: str
    erased: Literal[True] = True
    workforce_version: str
