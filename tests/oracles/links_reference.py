"""The inferred-link rule written the plain way: every ordered pair through `figures`.

The oracle for graph/algorithms/links.py, which computes the same links with sparse
matrix products: a test holds the two equal link for link (tests/unit/test_links.py).
"""

from __future__ import annotations

from graph.algorithms.gap import GapFigures, figures
from graph.algorithms.holdings import from_role
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy
from graph.models import CareerLink, Dataset, natural_key


def coverage_matrix(dataset: Dataset) -> dict[tuple[str, str], GapFigures]:
    """Gap figures (entry basis) for every ordered pair of distinct roles."""
    return {
        (a.code, b.code): figures(from_role(a), b)
        for a in dataset.roles
        for b in dataset.roles
        if a.code != b.code
    }


def _ranked_targets(source: str, matrix: dict[tuple[str, str], GapFigures]) -> list[str]:
    """Targets of `source`, most reachable first; ties by fewer steps, then code."""
    targets = [b for (a, b) in matrix if a == source]
    return sorted(
        targets,
        key=lambda b: (
            -matrix[source, b].coverage,
            matrix[source, b].level_steps,
            natural_key(b),
        ),
    )


def _inferred_pairs(
    codes: list[str], matrix: dict[tuple[str, str], GapFigures], policy: LinkPolicy
) -> dict[tuple[str, str], str]:
    """Each inferred pair with the rule that chose it, in words."""
    chosen: dict[tuple[str, str], str] = {}
    for source in codes:
        for rank, target in enumerate(_ranked_targets(source, matrix), start=1):
            numbers = matrix[source, target]
            if rank <= policy.top_k:
                chosen[source, target] = f"rank {rank} of {source}'s most reachable roles"
            elif numbers.coverage >= policy.threshold:
                chosen[source, target] = f"coverage at or above {policy.threshold:.0%}"
    for target in codes:
        if not any(b == target for (_, b) in chosen):
            best = min(
                (a for a in codes if a != target),
                key=lambda a: (-matrix[a, target].coverage, matrix[a, target].level_steps),
            )
            chosen[best, target] = f"most reachable way into {target}, which no rule reached"
    return chosen


def reference_links(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> list[CareerLink]:
    """Documented links from the seed, then inferred links for pairs not documented."""
    matrix = coverage_matrix(dataset)
    links: dict[tuple[str, str], CareerLink] = {}
    for documented in dataset.links:
        numbers = matrix[documented.source, documented.target]
        links[documented.source, documented.target] = CareerLink(
            source=documented.source,
            target=documented.target,
            kind="documented",
            coverage=numbers.coverage,
            level_steps=numbers.level_steps,
            evidence=f'"{documented.evidence.quote}" (source line {documented.evidence.line})',
            condition=documented.condition,
        )
    codes = sorted((r.code for r in dataset.roles), key=natural_key)
    for (source, target), reason in _inferred_pairs(codes, matrix, policy).items():
        if (source, target) in links:
            continue
        numbers = matrix[source, target]
        links[source, target] = CareerLink(
            source=source,
            target=target,
            kind="inferred",
            coverage=numbers.coverage,
            level_steps=numbers.level_steps,
            evidence=(
                f"covers {numbers.coverage:.0%} of the target's entry levels, "
                f"{numbers.level_steps} level steps to go; {reason}"
            ),
        )
    return sorted(
        links.values(), key=lambda link: (natural_key(link.source), natural_key(link.target))
    )
