"""The inferred-link rule written the plain way: every ordered pair, role by role.

The oracle for graph/algorithms/links.py (matrices, blocks of sources): a test holds the
two equal link for link (tests/unit/test_links.py). Written from docs/recommendations.md:
from each role, its k most related roles that are not a step down (k = top_k, at most
`share` of the other roles, at least 1), or its k most related in any direction when
none is left; then, for each role no link reaches, its most related source.
"""

from __future__ import annotations

from graph.algorithms.gap import GapFigures, figures
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy
from graph.models import CareerLink, Dataset, Role, natural_key
from graph.results import Holder, RoleRef
from tests.oracles.moves_reference import direction, relatedness


def holder_of(role: Role) -> Holder:
    return Holder(
        kind="role",
        role=RoleRef(code=role.code, title=role.title),
        holdings={r.competence: r.level for r in role.requirements},
    )


def _key(
    roles: dict[str, Role], source: str, target: str, matrix: dict[tuple[str, str], GapFigures]
) -> tuple[float, int]:
    return (
        -relatedness(roles, holder_of(roles[source]), roles[target]),
        matrix[source, target].level_steps,
    )


def _inferred_pairs(
    roles: dict[str, Role], matrix: dict[tuple[str, str], GapFigures], policy: LinkPolicy
) -> dict[tuple[str, str], str]:
    codes = sorted(roles, key=natural_key)
    k = max(1, min(policy.top_k, int(policy.share * (len(codes) - 1))))
    chosen: dict[tuple[str, str], str] = {}
    for source in codes:
        others = sorted(
            (b for b in codes if b != source),
            key=lambda b: (*_key(roles, source, b, matrix), natural_key(b)),
        )
        onward = [
            b for b in others if direction(roles, holder_of(roles[source]), roles[b]) != "down"
        ]
        for rank, target in enumerate((onward or others)[:k], start=1):
            suffix = (
                "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
            )
            chosen[source, target] = f"{rank}{suffix} most related role to {source}"
    for target in codes:
        if not any(b == target for (_, b) in chosen):
            best = min(
                (a for a in codes if a != target),
                key=lambda a: (*_key(roles, a, target, matrix), natural_key(a)),
            )
            chosen[best, target] = (
                f"the most related way into {target}, which no other link reaches"
            )
    return chosen


def reference_links(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> list[CareerLink]:
    """Documented links from the data, then inferred links for pairs not documented."""
    roles = {r.code: r for r in dataset.roles}
    matrix = {
        (a.code, b.code): figures({r.competence: r.level for r in a.requirements}, b)
        for a in dataset.roles
        for b in dataset.roles
        if a.code != b.code
    }
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
    for (source, target), reason in _inferred_pairs(roles, matrix, policy).items():
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
