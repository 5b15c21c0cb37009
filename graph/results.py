"""Answer shapes: the same JSON documents for the CLI's --json and the HTTP API.

Field names follow the contract in docs/design.md; clients rely on them, so fields may
be added but never renamed. `from` and `raise` are Python keywords, hence aliases.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.models import LinkKind

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


class NextMoves(Answer):
    from_: Holder = Field(alias="from")
    dataset_version: str
    moves: list[Move]


class Gain(Answer):
    competence: CompetenceRef
    before: int = Field(ge=0, alias="from")
    after: int = Field(ge=1, alias="to")


class Step(Answer):
    from_: str = Field(alias="from")
    to: str
    kind: LinkKind
    cost: int = Field(ge=0, description="level steps to learn, given all held so far")
    gains: list[Gain]
    evidence: str


class CareerPath(Answer):
    roles: list[str]
    cost: int = Field(ge=0)
    steps: list[Step]


class PathsAnswer(Answer):
    """The k cheapest paths: cumulative cost, then fewer moves, then role codes."""

    from_: RoleRef = Field(alias="from")
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
    fewest_moves: int = Field(ge=1, description="moves of the shortest usable path")
    paths: list[CareerPath]


class Related(Answer):
    role: RoleRef
    similarity: float = Field(ge=0, le=1)
