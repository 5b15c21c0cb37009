"""Padding: lifting a withheld group over the minimum group size with people one knows.

A unit of 3 has its heatmap withheld. Merge 5 people one made up into it, and every cell
shows; subtract what one gave the made-up people and the 3 are laid bare. So a merge
may not take a group the answers withhold (fewer than the minimum, at least one person)
to the minimum or more while keeping any of the people it held: the answers about them
would be the difference of two answers. A group is what the aggregates count: a unit,
the holders of a role, the people of a unit whose role requires a competence (a heatmap
cell). However many people are added: the service cannot tell made-up people from new
hires. A unit that really grows comes in with the next full replace (which brings every
record, so whoever sends it needs no padding to see them: app/workforce.check_padding
checks merges only), or under a new name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from graph.workforce.models import Person, Workforce

Group = tuple[str, ...]


def padding_problems(
    before: Workforce,
    after: Workforce,
    requires: Mapping[str, frozenset[str]],
    *,
    min_group_size: int,
) -> list[str]:
    """Why `after` may not replace `before` (each group it would pad), or nothing.

    `requires`: each role's required competences.
    """
    old, new = _members(before, requires), _members(after, requires)
    problems = []
    for group, members in sorted(old.items()):
        grown = new.get(group, set())
        kept, added = members & grown, grown - members
        if len(members) < min_group_size <= len(grown) and kept:
            problems.append(
                f"{_name(group)} has {len(members)} people, fewer than the minimum group size "
                f"({min_group_size}), so its figures are withheld; adding {len(added)} while "
                f"keeping {len(kept)} of them would reveal them by difference. Give the grown "
                "group a new unit name, or keep it below the minimum."
            )
    return problems


def _members(workforce: Workforce, requires: Mapping[str, frozenset[str]]) -> dict[Group, set[str]]:
    members: dict[Group, set[str]] = defaultdict(set)
    for person in workforce.people:
        for group in _groups(person, requires):
            members[group].add(person.id)
    return members


def _groups(person: Person, requires: Mapping[str, frozenset[str]]) -> Iterator[Group]:
    if person.unit:
        yield ("unit", person.unit)
        if person.role:
            for competence in requires.get(person.role, ()):
                yield ("cell", person.unit, competence)


def _name(group: Group) -> str:
    if group[0] == "unit":
        return f"unit {group[1]!r}"
    return f"unit {group[1]!r} x competence {group[2]}"
