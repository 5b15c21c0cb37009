"""Next moves written the plain way, role by role in pure Python: the definition that the
vectorised graph.algorithms.moves.next_moves is held equal to (tests/unit/test_moves.py).

Written from docs/recommendations.md, not from the production code:
relatedness = (cos(levels) + 1.2 cos(idf-weighted title words) + 1.0 cos(TF-IDF of the
mission and activities) + 0.1 [same family]) / 3.3, rounded to 4 places (levels only
for a self-assessment); direction by Job Zones when both roles have one (higher: up;
two or more lower: down; one lower: down only when the mass says down, else lateral),
else by entry level mass (down under 75%, up over mass / 75%); the kept moves rank
by relatedness, then fewer level steps, then code; documented moves first with "include".
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from functools import cache

from graph.algorithms.gap import figures
from graph.models import Role, natural_key
from graph.results import Holder
from graph.snapshot import Snapshot

IGNORED = frozenset({"a", "all", "and", "except", "for", "in", "of", "or", "other", "the", "to"})
IGNORED |= {"occupations", "workers"}
IGNORED_IN_TEXT = IGNORED | {"an", "are", "as", "at", "be", "by", "from", "include", "into"}
IGNORED_IN_TEXT |= {"is", "it", "its", "may", "on", "such", "that", "their", "this", "with"}
ENDINGS = ("ers", "ors", "ists", "ians", "ies", "es", "s")


def words(text: str) -> set[str]:
    return set(running_words(text, IGNORED))


@cache  # a pure function of its text: the oracle reads each role's text once per pair
def running_words(text: str, ignored: frozenset[str]) -> tuple[str, ...]:
    found: list[str] = []
    current = ""
    for char in text.casefold() + " ":
        if char in string.ascii_lowercase:
            current += char
            continue
        if current and current not in ignored:
            if len(current) > 4:
                endings = [e for e in ENDINGS if current.endswith(e)]
                if endings:
                    current = current[: -max(len(e) for e in endings)]
            found.append(current)
        current = ""
    return tuple(found)


def weights_cosine(wa: dict[str, float], wb: dict[str, float]) -> float:
    na = math.sqrt(sum(v * v for v in wa.values()))
    nb = math.sqrt(sum(v * v for v in wb.values()))
    if not na or not nb:
        return 0.0
    return sum(wa[w] * wb[w] for w in wa.keys() & wb.keys()) / (na * nb)


def title_cosine(roles: Mapping[str, Role], a: Role, b: Role) -> float:
    every = [words(" ".join((r.title, *r.alt_titles))) for r in roles.values()]

    def weights(role: Role) -> dict[str, float]:
        mine = words(" ".join((role.title, *role.alt_titles)))
        return {w: math.log(len(every) / sum(w in other for other in every)) for w in mine}

    return weights_cosine(weights(a), weights(b))


def description(role: Role) -> tuple[str, ...]:
    text = " ".join([role.mission] + [" ".join([a.name, *a.tasks]) for a in role.activities])
    return running_words(text, IGNORED_IN_TEXT)


def description_cosine(roles: Mapping[str, Role], a: Role, b: Role) -> float:
    every = [set(description(r)) for r in roles.values()]

    def weights(role: Role) -> dict[str, float]:
        mine = description(role)
        return {
            w: (1 + math.log(mine.count(w)))
            * math.log(len(every) / sum(w in other for other in every))
            for w in set(mine)
        }

    return weights_cosine(weights(a), weights(b))


def level_cosine(held: dict[str, int], role: Role) -> float:
    need = {r.competence: r.level for r in role.requirements}
    dot = sum(level * need.get(code, 0) for code, level in held.items())
    norms = math.sqrt(sum(v * v for v in held.values())) * math.sqrt(
        sum(v * v for v in need.values())
    )
    return dot / norms if norms else 0.0


def relatedness(roles: Mapping[str, Role], holder: Holder, role: Role) -> float:
    required = {r.competence for other in roles.values() for r in other.requirements}
    held = {c: v for c, v in holder.holdings.items() if c in required}
    levels = level_cosine(held, role)
    if holder.role is None:
        return round(levels, 4)
    here = roles[holder.role.code]
    total = (
        levels
        + 1.2 * title_cosine(roles, here, role)
        + 1.0 * description_cosine(roles, here, role)
        + 0.1 * (here.family == role.family)
    )
    return round(total / 3.3, 4)


def direction(roles: Mapping[str, Role], holder: Holder, role: Role) -> str:
    here = roles[holder.role.code] if holder.role else None
    if here is not None and here.job_zone and role.job_zone:
        mine, theirs = here.job_zone, role.job_zone
        if theirs > mine:
            return "up"
        if theirs <= mine - 2:
            return "down"
        if theirs == mine - 1 and by_mass(holder, role) == "down":
            return "down"
        return "lateral"
    return by_mass(holder, role)


def by_mass(holder: Holder, role: Role) -> str:
    mass = sum(holder.holdings.values())
    target = sum(r.level for r in role.requirements)
    if target < 0.75 * mass:
        return "down"
    return "up" if target * 0.75 > mass else "lateral"


def reference_ranking(
    snapshot: Snapshot,
    holder: Holder,
    *,
    direction_filter: str = "not-down",
    documented: str = "include",
) -> list[tuple[str, float, float, int, str, bool]]:
    """(code, relatedness, coverage, level steps, direction, documented), best first."""
    here = holder.role.code if holder.role else None
    stated = set()
    if here is not None and documented != "exclude":
        stated = {k.target for k in snapshot.links if k.source == here and k.kind == "documented"}
    rows = []
    for role in snapshot.roles.values():
        if role.code == here:
            continue
        going = direction(snapshot.roles, holder, role)
        if documented == "only":
            keep = role.code in stated
        else:
            keep = (
                role.code in stated
                or direction_filter in ("any", going)
                or (direction_filter == "not-down" and going != "down")
            )
        if keep:
            numbers = figures(holder.holdings, role)
            rows.append(
                (
                    role.code,
                    relatedness(snapshot.roles, holder, role),
                    numbers.coverage,
                    numbers.level_steps,
                    going,
                    role.code in stated,
                )
            )
    rows.sort(key=lambda r: (not r[5], -r[1], r[3], natural_key(r[0])))
    return rows
