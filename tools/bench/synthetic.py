"""Synthetic catalogues shaped like ESCO, at any number of roles.

ESCO (v1.1) holds 2,999 occupations in 436 ISCO unit groups, 13,890 skills and
knowledge concepts, and about 130,000 occupation-skill relations (43 per occupation,
a skill used by 9 occupations on average, a few by hundreds, most by a handful).
This generator keeps those proportions at any size: 4.63 competences and 43
requirements per role, families of 7 roles, 20 competence areas. A role draws most
of its requirements from its family's pool (so roles of a family look alike and
career links form), some from a shared set of common skills (Zipf-weighted), and a
few at random across the catalogue. Levels follow a three-level scale, entry levels
weighted towards 2; one requirement in ten spans two levels ("and"), a few offer a
choice ("or"). One role in ten has a documented link to a role of its family.

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
REQUIREMENTS = (20, 66)  # per role, uniform: mean 43
FAMILY_POOL = 80  # competences a family's roles draw from
COMMON = 300  # competences every role may draw from, Zipf-weighted
SHARES = (0.7, 0.2)  # of a role's requirements: from its family's pool, from the common set
LABELS = ("basic", "intermediate", "advanced")
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


def _requirements(
    rng: random.Random, pool: list[int], common: list[int], weights: list[float], total: int
) -> list[dict[str, Any]]:
    wanted = rng.randint(*REQUIREMENTS)
    from_pool = min(len(pool), round(wanted * SHARES[0]))
    from_common = round(wanted * SHARES[1])
    chosen = set(rng.sample(pool, from_pool))
    while len(chosen) < from_pool + from_common:
        chosen.add(rng.choices(common, weights)[0])
    while len(chosen) < wanted:
        chosen.add(rng.randrange(total))
    return [{"competence": f"S{i + 1}", **_levels(rng)} for i in sorted(chosen)]


def catalogue(roles: int, *, seed: int = 1) -> Dataset:
    """A validated ESCO-shaped dataset of `roles` roles (see the module docstring)."""
    rng = random.Random(seed)
    total = max(FAMILY_POOL + COMMON, round(roles * COMPETENCES_PER_ROLE))
    families = max(1, -(-roles // ROLES_PER_FAMILY))
    common = list(range(COMMON))
    weights = [1 / (rank + 1) for rank in common]
    # A family's pool is a window of the competences, so neighbouring families share some.
    stride = max(1, (total - COMMON - FAMILY_POOL) // families)
    made_roles = []
    for i in range(roles):
        family = i % families
        start = COMMON + min(family * stride, total - COMMON - FAMILY_POOL)
        pool = list(range(start, start + FAMILY_POOL))
        made_roles.append(
            {
                "code": f"{1000 + family}.{i // families + 1}",
                "family": str(1000 + family),
                "title": _title(rng),
                "alt_titles": [_title(rng) for _ in range(3)],
                "mission": f"Plans and carries out {rng.choice(WORDS)} {rng.choice(WORDS)} work.",
                "requirements": _requirements(rng, pool, common, weights, total),
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
