"""Synthetic catalogues shaped like ESCO, at any number of roles.

ESCO (v1.1) holds 2,999 occupations in 436 ISCO unit groups, 13,890 skills and
knowledge concepts, and about 130,000 occupation-skill relations (43 per occupation,
a skill used by 9 occupations on average, a few by hundreds, most by a handful).
This generator keeps those proportions at any size: 4.63 competences and 43
requirements per role, families of 7 roles, 20 competence areas.

A family is a career ladder: its 7 roles are grades 1..7, and each requires a window
of 34 competences (79% of its requirements; ESCO's unit groups share about 70%)
sliding up the family's ladder of 34 + 6 x 6 competences by 6 per grade, so two
roles one grade apart share 28 and two grades apart 22. Ladder levels rise along the
ladder (2, then 3), so a senior grade asks for higher levels. The rest of a role's
requirements (9, uniform 8..10) come from a set of common skills (two thirds,
Zipf-weighted) and at random across the catalogue (one third), at levels weighted
towards 2; one requirement in ten spans two levels ("and"), a few offer a choice
("or"). So a move up one grade is within reach (it covers >= 60% of the target's
entry levels, as graph.algorithms.paths defines it: 60-77% at 300 roles) and a move
up two grades is not (44-59%): paths climb a ladder one grade at a time.
The settings were chosen by measuring those two coverages at 300 roles (the
narrow spread of the other requirements keeps both sides of 60%). A family's titles
and missions share its three words (as an ISCO unit group's occupation titles share
theirs), so the relatedness behind the inferred links (titles and missions weigh
more than levels) finds a role's neighbours up and down its ladder among thousands
of roles, and links them; titles of random words made 27% of the one-grade moves
unlinked at 3,000 roles and most climbs impossible at 30,000. A family's ladder is a
window of the competences a few places on from the previous family's, so the top
of one ladder overlaps the bottom of the next and paths also cross into
neighbouring families; a random pair of roles far apart in a big catalogue has no
path of at most 4 moves, as in ESCO. One role in ten has a documented link to a
role of its family.

The same `roles` and `seed` give the same dataset. Run:
    .venv/bin/python -m tools.bench.synthetic 3000 /tmp/esco-3000   # writes the JSON files
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

from graph.datafiles import write_dataset
from graph.models import Dataset
from graph.validation import problems

COMPETENCES_PER_ROLE = 13_890 / 2_999
ROLES_PER_FAMILY = 7
AREAS = 20
WINDOW = 34  # ladder competences each role of a family requires (79% of 43)
GRADE_SHIFT = 6  # how far a grade's window slides up the ladder
LADDER = WINDOW + (ROLES_PER_FAMILY - 1) * GRADE_SHIFT  # a family's own competences
OTHERS = (8, 10)  # requirements per role beyond the ladder, uniform: mean 9
COMMON_SHARE = 2 / 3  # of those, from the common set (the rest at random)
COMMON = 300  # competences every role may draw from, Zipf-weighted
LABELS = ("basic", "intermediate", "advanced")
GRADES = ("Trainee", "Junior", "Associate", "Staff", "Senior", "Lead", "Principal")
# fmt: off
WORDS = (
    "data", "systems", "network", "cloud", "security", "software", "application", "business",
    "service", "operations", "quality", "project", "product", "research", "sales", "marketing",
    "finance", "health", "care", "clinical", "legal", "logistics", "supply", "energy",
    "building", "design", "media", "production", "field", "technical", "analyst", "engineer",
    "manager", "officer", "specialist", "technician", "consultant", "coordinator", "administrator",
    "developer", "architect", "planner", "inspector", "advisor", "supervisor", "assistant",
    "director", "scientist",
)
# fmt: on


def _title(rng: random.Random) -> str:
    return " ".join(w.capitalize() for w in rng.sample(WORDS, 3))


def _levels(rng: random.Random) -> dict[str, Any]:
    """One requirement's stated levels: mostly one, sometimes a span, rarely a choice."""
    draw = rng.random()
    if draw < 0.10:
        low = rng.choice((1, 2))
        return {"levels": [low, low + 1], "combine": "and"}
    if draw < 0.13:
        return {"levels": [1, 3], "combine": "or"}
    return {"levels": [rng.choices((1, 2, 3), weights=(3, 5, 2))[0]], "combine": "and"}


def _competence(index: int, rng: random.Random) -> dict[str, Any]:
    code = f"S{index + 1}"
    return {
        "code": code,
        "area": f"G{index % AREAS + 1}",
        "title": f"{_title(rng)} skill {index + 1}",
        "description": f"Applies {rng.choice(WORDS)} methods to {rng.choice(WORDS)} work.",
        "levels": [
            {"level": n, "descriptor": f"{label.capitalize()} command of {code}."}
            for n, label in enumerate(LABELS, start=1)
        ],
        "knowledge": [{"key": f"{code}.K1", "text": f"Principles of {rng.choice(WORDS)}."}],
    }


def _ladder_level(position: int) -> int:
    """The entry level of the ladder's `position`-th competence: 2, then 3 up the ladder."""
    return 2 + position * 2 // LADDER


def _requirements(
    rng: random.Random,
    ladder_start: int,
    grade: int,
    common: list[int],
    weights: list[float],
    total: int,
) -> list[dict[str, Any]]:
    """A role's requirements: its grade's window of the family ladder, then the others."""
    window = range(grade * GRADE_SHIFT, grade * GRADE_SHIFT + WINDOW)
    levels = {ladder_start + p: {"levels": [_ladder_level(p)], "combine": "and"} for p in window}
    others = rng.randint(*OTHERS)
    from_common = round(others * COMMON_SHARE)
    chosen: set[int] = set()
    while len(chosen) < from_common:
        chosen.add(rng.choices(common, weights)[0])
    while len(chosen) < others:
        drawn = rng.randrange(total)
        if drawn not in levels:
            chosen.add(drawn)
    levels |= {i: _levels(rng) for i in sorted(chosen - levels.keys())}
    return [{"competence": f"S{i + 1}", **levels[i]} for i in sorted(levels)]


def catalogue(roles: int, *, seed: int = 1) -> Dataset:
    """A validated ESCO-shaped dataset of `roles` roles (see the module docstring)."""
    rng = random.Random(seed)
    total = max(LADDER + COMMON, round(roles * COMPETENCES_PER_ROLE))
    families = max(1, -(-roles // ROLES_PER_FAMILY))
    common = list(range(COMMON))
    weights = [1 / (rank + 1) for rank in common]
    # A family's ladder is a window of the competences, so neighbouring families share some.
    stride = max(1, (total - COMMON - LADDER) // families)
    stems = [_title(rng) for _ in range(families)]  # the words a family's titles share
    made_roles = []
    for i in range(roles):
        family, grade = i % families, i // families
        start = COMMON + min(family * stride, total - COMMON - LADDER)
        stem = stems[family]
        made_roles.append(
            {
                "code": f"{1000 + family}.{grade + 1}",
                "family": str(1000 + family),
                "title": f"{GRADES[grade]} {stem}",
                "alt_titles": [f"{stem} {rng.choice(WORDS).capitalize()}" for _ in range(3)],
                "mission": f"Plans and carries out {stem.lower()} work, "
                f"with {rng.choice(WORDS)} duties.",
                "requirements": _requirements(rng, start, grade, common, weights, total),
            }
        )
    by_family: dict[str, list[str]] = {}
    for role in made_roles:
        by_family.setdefault(role["family"], []).append(role["code"])
    links = [
        {
            "source": role["code"],
            "target": rng.choice([c for c in by_family[role["family"]] if c != role["code"]]),
            "evidence": {"quote": f"Holders of {role['code']} often move on (synthetic)."},
        }
        for role in rng.sample(made_roles, roles // 10)
        if len(by_family[role["family"]]) > 1
    ]
    dataset = Dataset.model_validate(
        {
            "id": f"synthetic-{roles}",
            "name": f"Synthetic ESCO-shaped catalogue, {roles} roles",
            "source": "tools/bench/synthetic.py",
            "scale": {"labels": list(LABELS)},
            "families": [
                {"code": str(1000 + f), "name": f"Unit group {1000 + f}"} for f in range(families)
            ],
            "areas": [{"code": f"G{a + 1}", "name": f"Skill group {a + 1}"} for a in range(AREAS)],
            "competences": [_competence(i, rng) for i in range(total)],
            "roles": made_roles,
            "links": links,
        }
    )
    found = problems(dataset)
    if found:
        raise AssertionError(f"the generator made an invalid dataset: {found[0]}")
    return dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roles", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    dataset = catalogue(args.roles, seed=args.seed)
    write_dataset(dataset, args.directory)
    requirements = sum(len(r.requirements) for r in dataset.roles)
    print(
        f"{args.directory}: {len(dataset.roles)} roles, {len(dataset.competences)} competences, "
        f"{requirements} requirements, {len(dataset.links)} documented links"
    )


if __name__ == "__main__":
    main()
