"""A plan as a Markdown document a person keeps: the same content as the plan's JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from graph.models import CareerProfile
from graph.results import Holder, LearnItem, Plan, PlanItem, PlanStep

Label = Callable[[int], str]


def _level(label: Label, level: int) -> str:
    return label(level) if level else "none"


def _who(holder: Holder, label: Label) -> str:
    if holder.role is not None:
        return f"{holder.role.code} {holder.role.title} (the role's entry levels)"
    held = ", ".join(f"{code} {label(level)}" for code, level in holder.holdings.items())
    return f"a self-assessment ({held})"


def experience_lines(career: CareerProfile | None) -> list[str]:
    """What the sheet says of the experience and profile it asks, only where it says it."""
    if career is None:
        return []
    lines = []
    if career.min_experience_years is not None:
        lines.append(f"at least {career.min_experience_years} years of experience")
    if career.experience:
        lines.append(f"experience: {career.experience}")
    if career.profile:
        lines.append(f"profile: {career.profile}")
    return lines


def _items(title: str, items: list[LearnItem]) -> Iterator[str]:
    if items:
        yield f"{title}:"
        yield ""
        yield from (f"- {item.key}: {item.text}" for item in items)
        yield ""


def _item(item: PlanItem, label: Label) -> Iterator[str]:
    c = item.competence
    yield (
        f"### {c.code} {c.title}: {_level(label, item.before)} → {label(item.after)} "
        f"({item.level_steps} level step{'s' if item.level_steps != 1 else ''})"
    )
    yield ""
    if item.learn.levels:
        yield "Levels to reach:"
        yield ""
        yield from (f"- {level.label}: {level.descriptor}" for level in item.learn.levels)
        yield ""
    yield from _items("Knowledge", item.learn.knowledge)
    yield from _items("Skills", item.learn.skills)


def _step(number: int, step: PlanStep, label: Label) -> Iterator[str]:
    source = f"{step.from_.code} {step.from_.title}" if step.from_ else "Self-assessment"
    yield f"## Step {number}: {source} → {step.to.code} {step.to.title}"
    yield ""
    yield f"- Move: {step.kind}; {step.evidence}"
    if step.condition:
        yield f"- Condition (from the source): {step.condition}"
    yield (
        f"- Level steps: {step.level_steps} "
        f"({step.cumulative_level_steps} from the start to here); "
        f"{step.coverage:.0%} of the role's entry levels held before the step"
    )
    asked = experience_lines(step.experience)
    yield from (f"- The sheet of {step.to.code} asks for {line}" for line in asked)
    yield ""
    if not step.learn:
        yield "Nothing new to learn: everything this role needs is already held."
        yield ""
    for item in step.learn:
        yield from _item(item, label)


def plan_markdown(plan: Plan, label: Label) -> str:
    """The plan as Markdown: the summary, then each step with what to learn."""
    chosen = "as chosen" if plan.path_source == "given" else "the best path"
    lines = [
        f"# Plan: to {plan.to.code} {plan.to.title}",
        "",
        f"- From: {_who(plan.from_, label)}",
        f"- Path ({chosen}): {' → '.join(plan.path)}",
        f"- Level steps in all: {plan.level_steps}",
        f"- Or {plan.direct.text}",
        f"- Data version: {plan.dataset_version}",
        "",
    ]
    for number, step in enumerate(plan.steps, start=1):
        lines.extend(_step(number, step, label))
    return "\n".join(lines).rstrip() + "\n"
