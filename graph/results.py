"""Answer shapes: the same JSON documents for the CLI's --json and the HTTP API.

Field names follow the contract in docs/design.md; clients rely on them, so fields may
be added but never renamed. `from` and `raise` are Python keywords, hence aliases.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.models import CareerProfile, LinkKind

GapStatus = Literal["missing", "raise", "met"]
Basis = Literal["entry", "mastery"]


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)


class RoleRef(Answer):
    code: str = Field(examples=["3.2"])
    title: str = Field(examples=["Programmer"])


class CompetenceRef(Answer):
    code: str = Field(examples=["B1"])
    title: str = Field(examples=["Design and Development"])
    area: str = Field(description="the code of the competence's area", examples=["B"])


class LevelInfo(Answer):
    level: int = Field(ge=1)
    label: str = Field(description="the level as the framework names it", examples=["e-3"])
    eqf: str | None = Field(
        description="EQF level(s) of this level, when the framework maps them", examples=["6"]
    )
    descriptor: str


class LearnItem(Answer):
    key: str = Field(examples=["B1.K1"])
    text: str


class Learn(Answer):
    """What to learn to close one item: empty when the item is met."""

    levels: list[LevelInfo] = Field(description="descriptors of the levels have+1..need")
    knowledge: list[LearnItem]
    skills: list[LearnItem]


class GapItem(Answer):
    competence: CompetenceRef
    have: int = Field(ge=0)
    need: int = Field(ge=1)
    delta: int = Field(ge=0)
    status: GapStatus
    learn: Learn


class Transferable(Answer):
    competence: CompetenceRef
    have: int = Field(ge=1)


class GapSummary(Answer):
    level_steps: int = Field(ge=0, description="sum of deltas")
    required_steps: int = Field(ge=1, description="sum of needs")
    coverage: float = Field(ge=0, le=1, description="1 - level_steps / required_steps")
    missing: int = Field(ge=0)
    raise_: int = Field(ge=0, alias="raise")
    met: int = Field(ge=0)


class Holder(Answer):
    """Who the answer is about: a role's holder, or a self-assessed person."""

    kind: Literal["role", "profile"]
    role: RoleRef | None = None
    holdings: dict[str, int] = Field(description="competence code -> level held")


class GapReport(Answer):
    from_: Holder = Field(alias="from")
    to: RoleRef
    basis: Basis
    dataset_version: str
    items: list[GapItem]
    transferable: list[Transferable]
    summary: GapSummary


class Move(Answer):
    role: RoleRef
    coverage: float = Field(ge=0, le=1)
    level_steps: int = Field(ge=0)
    documented: bool
    relatedness: float = Field(
        ge=0, le=1, description="how alike the two roles' requirements and titles are"
    )
    direction: Literal["up", "lateral", "down"] = Field(
        description="step up, lateral move or step down (Job Zones, else entry level mass)"
    )
    why: str = Field(description="why the move is here, in words: relatedness, gap, direction")


class NextMoves(Answer):
    from_: Holder = Field(alias="from")
    dataset_version: str
    moves: list[Move]


class Gain(Answer):
    competence: CompetenceRef
    before: int = Field(ge=0, alias="from")
    after: int = Field(ge=1, alias="to")


class Step(Answer):
    from_: str = Field(alias="from", description='a role code, or "" for a self-assessment')
    to: str
    kind: LinkKind
    cost: int = Field(ge=0, description="level steps to learn, given all held so far")
    coverage: float = Field(
        ge=0, le=1, description="share of the role's entry levels held before the step"
    )
    gains: list[Gain]
    evidence: str
    condition: str = Field(
        description="who the move is for, when its source limits it (empty: everyone)"
    )


class DirectMove(Answer):
    """Going straight to the target: learning its entry levels with no role between."""

    level_steps: int = Field(ge=0, description="level steps from the start to the target")
    coverage: float = Field(ge=0, le=1, description="share of the target's entry levels held")
    within_reach: bool = Field(description="coverage at or above the link threshold")
    better: bool = Field(
        description="within reach and fewer level steps than the path beside it (the best "
        "path, or the plan's): going direct is better, and `text` says so"
    )
    text: str = Field(description='in words, e.g. "learn it directly: 48 level steps, 62% covered"')


class CareerPath(Answer):
    roles: list[str]
    cost: int = Field(ge=0)
    steps: list[Step]


class _Paths(Answer):
    from_: RoleRef | Holder = Field(alias="from")
    to: RoleRef
    dataset_version: str
    max_steps: int = Field(
        ge=1,
        description=(
            "the most moves a path may take: max_steps as given, or else the default "
            "(see the max_steps query parameter)"
        ),
    )
    max_steps_source: Literal["given", "default"] = Field(
        description="whether max_steps was given by the caller or chosen by the default rule"
    )
    fewest_moves: int = Field(
        ge=1, description="moves of the shortest usable path over career links, reach aside"
    )
    direct: DirectMove = Field(description="the direct move, to weigh the paths against")
    paths: list[CareerPath] = Field(
        description="paths whose every step is within reach of all held before it"
    )


class PathsAnswer(_Paths):
    """The k best paths of within-reach steps: cumulative cost, then fewer moves, then
    role codes."""

    from_: RoleRef = Field(alias="from")


class HolderPathsAnswer(_Paths):
    """The k cheapest paths from a role or a self-assessment.

    From a self-assessment, a path lists the roles entered and its first step comes
    from "" (the self-assessment, which no role code can be).
    """

    from_: Holder = Field(alias="from")


class Related(Answer):
    role: RoleRef
    similarity: float = Field(ge=0, le=1)


class Unlocked(Answer):
    """A role a raise brings within reach: its coverage before and after the raise."""

    role: RoleRef
    coverage_before: float = Field(ge=0, le=1)
    coverage_after: float = Field(ge=0, le=1)


class Raise(Answer):
    """One competence raised from the level held to one level the framework defines."""

    competence: CompetenceRef
    before: int = Field(ge=0, alias="from", description="the level held (0: not held)")
    after: int = Field(ge=1, alias="to", description="the level raised to")
    level_steps: int = Field(ge=1, description="to - from")
    unlocks: list[Unlocked] = Field(
        description="roles whose coverage goes from below the threshold to at least it"
    )


class TargetRaise(Raise):
    closes: int = Field(ge=1, description="level steps of the target's gap this raise closes")
    closes_per_step: float = Field(gt=0, le=1, description="closes / level_steps")
    coverage_after: float = Field(ge=0, le=1, description="coverage of the target after it")


class Toward(Answer):
    """The raises that close part of the gap to a chosen target, best first."""

    role: RoleRef
    level_steps: int = Field(ge=0, description="the gap to the target (entry levels)")
    coverage: float = Field(ge=0, le=1)
    raises: list[TargetRaise] = Field(
        description="most level steps closed per level step raised first, then most closed, "
        "then most roles unlocked, then competence code; empty when nothing is left to learn"
    )


class UnlocksAnswer(Answer):
    """Single raises ranked by how many roles they bring within reach (docs/design.md)."""

    from_: Holder = Field(alias="from")
    dataset_version: str
    threshold: float = Field(
        ge=0, le=1, description="the coverage at which a role counts as within reach"
    )
    within_reach: int = Field(
        ge=0, description="roles within reach already, the holder's own role aside"
    )
    total: int = Field(ge=0, description="how many raises unlock a relevant role, before the limit")
    raises: list[Raise] = Field(
        description=(
            "each relevant role (among the holder's best next moves) under the first raise "
            "that unlocks it: most roles not listed yet first, then fewer level steps, "
            "then competence code"
        )
    )
    toward: Toward | None = Field(default=None, description="only when a target is given")


class PlanItem(Answer):
    """One competence to raise on a step, with what to learn for it."""

    competence: CompetenceRef
    before: int = Field(ge=0, alias="from")
    after: int = Field(ge=1, alias="to")
    level_steps: int = Field(ge=1)
    learn: Learn


class PlanStep(Answer):
    from_: RoleRef | None = Field(alias="from", description="null: from the self-assessment")
    to: RoleRef
    kind: LinkKind
    evidence: str = Field(description="the document's sentence, or how the move was inferred")
    level_steps: int = Field(ge=0, description="level steps to learn, given all held so far")
    coverage: float = Field(
        ge=0, le=1, description="share of the role's entry levels held before the step"
    )
    condition: str = Field(
        description="who the move is for, when its source limits it (empty: everyone)"
    )
    cumulative_level_steps: int = Field(ge=0, description="level steps from the start to here")
    learn: list[PlanItem]
    experience: CareerProfile | None = Field(
        description="what the sheet of `to` says of the experience it asks, when it says it"
    )


class Plan(Answer):
    """A plan to keep: the moves from a holder to a target along one path, step by step."""

    from_: Holder = Field(alias="from")
    to: RoleRef
    dataset_version: str
    path: list[str] = Field(
        description="role codes as in paths: the start role first; "
        "from a self-assessment, the roles entered"
    )
    path_source: Literal["given", "best"] = Field(
        description="given by the caller, or the best path (as GET /api/v1/paths ranks them)"
    )
    level_steps: int = Field(ge=0, description="the cost of the path")
    direct: DirectMove = Field(description="the direct move, to weigh the path against")
    steps: list[PlanStep]


class ComparedTarget(Answer):
    role: RoleRef
    summary: GapSummary
    within_reach: bool = Field(description="coverage at or above the link threshold")
    documented: bool = Field(description="the source document states the move from the role held")


class ComparedCompetence(Answer):
    """One competence some target requires: the level held, and each target's need."""

    competence: CompetenceRef
    have: int = Field(ge=0)
    needs: list[int] = Field(description="one per target, in order; 0: not required there")
    open_for: int = Field(ge=0, description="how many targets need more than is held")


class Comparison(Answer):
    """Two to four targets side by side from one starting point (docs/design.md, "Compare")."""

    from_: Holder = Field(alias="from")
    basis: Basis
    dataset_version: str
    targets: list[ComparedTarget]
    competences: list[ComparedCompetence] = Field(
        description="every competence a target requires: open for most targets first, then code"
    )
    shared_level_steps: int = Field(
        ge=0, description="level steps that count for every target: sum of the smallest deltas"
    )
