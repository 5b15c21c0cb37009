"""Similarity between roles: weighted Jaccard on the levels they require.

sum(min(level_a, level_b)) / sum(max(level_a, level_b)) over the union of
competences, with entry levels and 0 for a competence a role does not require.
Unlike coverage it is symmetric: it says how alike two roles are, not how far.
"""

from __future__ import annotations

from graph.algorithms.holdings import from_role
from graph.models import Role, natural_key
from graph.results import Related
from graph.snapshot import Snapshot


def weighted_jaccard(a: Role, b: Role) -> float:
    levels_a, levels_b = from_role(a), from_role(b)
    codes = levels_a.keys() | levels_b.keys()
    low = sum(min(levels_a.get(c, 0), levels_b.get(c, 0)) for c in codes)
    high = sum(max(levels_a.get(c, 0), levels_b.get(c, 0)) for c in codes)
    return round(low / high, 4) if high else 1.0


def related_roles(snapshot: Snapshot, code: str, *, limit: int = 5) -> list[Related]:
    """The roles most alike `code`, most similar first."""
    role = snapshot.role(code)
    scored = [
        Related(role=snapshot.role_ref(other.code), similarity=weighted_jaccard(role, other))
        for other in snapshot.roles.values()
        if other.code != role.code
    ]
    scored.sort(key=lambda r: (-r.similarity, natural_key(r.role.code)))
    return scored[:limit]
