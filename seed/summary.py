"""The one-line count summary printed by the CLI."""

from __future__ import annotations

from graph.models import Dataset


def summary(dataset: Dataset) -> str:
    pairs = sum(len(r.requirements) for r in dataset.roles)
    items = sum(len(c.knowledge) + len(c.skills) for c in dataset.competences)
    return (
        f"{len(dataset.families)} families, {len(dataset.roles)} roles, "
        f"{len(dataset.areas)} areas, {len(dataset.competences)} competences, "
        f"{pairs} role-competence pairs, {items} knowledge/skill items, "
        f"{len(dataset.links)} documented links (version {dataset.version})"
    )
