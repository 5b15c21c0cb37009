"""Datasets the browser tests load beside the seed, built here so nothing is checked in.

`small_dataset` is unlike the CIGREF + e-CF seed in every way the UI must not assume:
a four-level scale with word labels, areas that are not A..E, family and role codes
that are words with dashes and colons, and no documented links. `large_dataset` has
the size of a real occupation catalogue (thousands of roles in a few dozen groups), so
the pickers, search and the map are tried at that size. `real_catalogues` are O*NET
30.2 and ESCO v1.2.1 in full, imported with their presets from the CSVs in the
`skillinfer` wheel (a dev dependency), as `careergraph dataset import --preset` does.
"""

from __future__ import annotations

import random

from graph.formats.importing import import_bundle, read_path
from graph.formats.presets import packaged_file, preset
from graph.models import (
    Area,
    Competence,
    Dataset,
    Family,
    LevelDescriptor,
    Requirement,
    Role,
    Scale,
)

SMALL_ID = "demo-guild"
LARGE_ID = "demo-large"
# The presets of the two real catalogues, by the id their import gives.
REAL_PRESETS = {"onet-30-2": "onet", "esco-1-2-1": "esco"}

SMALL_SCALE = ("Novice", "Practitioner", "Expert", "Master")
SMALL_AREAS = (("craft", "Craft"), ("people", "People"), ("trade", "Trade"))
SMALL_COMPETENCES = (
    ("craft:joinery", "craft", "Joinery"),
    ("craft:carving", "craft", "Carving"),
    ("craft:finishing", "craft", "Finishing"),
    ("people:teaching", "people", "Teaching apprentices"),
    ("people:leading", "people", "Leading a workshop"),
    ("trade:pricing", "trade", "Pricing commissions"),
    ("trade:sourcing", "trade", "Sourcing timber"),
)
SMALL_FAMILIES = (("bench", "Bench work"), ("shop", "Running a shop"))
# code, family, title, {competence: level}
SMALL_ROLES = (
    ("bench-apprentice", "bench", "Apprentice joiner", {"craft:joinery": 1, "craft:finishing": 1}),
    (
        "bench-journeyman",
        "bench",
        "Journeyman joiner",
        {"craft:joinery": 2, "craft:finishing": 2, "craft:carving": 1},
    ),
    (
        "bench-carver",
        "bench",
        "Master carver",
        {"craft:carving": 4, "craft:joinery": 3, "craft:finishing": 3},
    ),
    (
        "bench-restorer",
        "bench",
        "Furniture restorer",
        {"craft:finishing": 4, "craft:joinery": 3, "trade:sourcing": 2},
    ),
    (
        "shop-foreman",
        "shop",
        "Workshop foreman",
        {"craft:joinery": 3, "people:leading": 3, "people:teaching": 2},
    ),
    (
        "shop-owner",
        "shop",
        "Workshop owner",
        {"people:leading": 4, "trade:pricing": 3, "trade:sourcing": 3, "craft:joinery": 2},
    ),
    (
        "shop-buyer",
        "shop",
        "Timber buyer",
        {"trade:sourcing": 4, "trade:pricing": 2},
    ),
)


def small_dataset() -> Dataset:
    return Dataset(
        id=SMALL_ID,
        name="Guild of joiners (test data)",
        licence="CC0",
        attribution="Guild of joiners: made up for careergraph's browser tests.",
        scale=Scale(labels=SMALL_SCALE),
        families=tuple(Family(code=c, name=n) for c, n in SMALL_FAMILIES),
        areas=tuple(Area(code=c, name=n) for c, n in SMALL_AREAS),
        competences=tuple(
            Competence(
                code=code,
                area=area,
                title=title,
                description=f"{title}, as the guild teaches it.",
                levels=tuple(
                    LevelDescriptor(level=i, descriptor=f"{title} at the {label.lower()} level.")
                    for i, label in enumerate(SMALL_SCALE, start=1)
                ),
            )
            for code, area, title in SMALL_COMPETENCES
        ),
        roles=tuple(
            Role(
                code=code,
                family=family,
                title=title,
                requirements=tuple(
                    Requirement(competence=c, levels=(level,)) for c, level in needs.items()
                ),
            )
            for code, family, title, needs in SMALL_ROLES
        ),
    )


LARGE_WORDS = (
    "analyst",
    "assistant",
    "clerk",
    "designer",
    "engineer",
    "inspector",
    "manager",
    "operator",
    "planner",
    "specialist",
    "supervisor",
    "technician",
    "adviser",
    "coordinator",
    "officer",
)
LARGE_FIELDS = (
    "agricultural",
    "aviation",
    "banking",
    "chemical",
    "civil",
    "clinical",
    "construction",
    "dental",
    "digital",
    "electrical",
    "energy",
    "environmental",
    "financial",
    "food",
    "forestry",
    "freight",
    "health",
    "hotel",
    "insurance",
    "legal",
    "marine",
    "mining",
    "museum",
    "nuclear",
    "nursing",
    "packaging",
    "railway",
    "retail",
    "security",
    "textile",
    "transport",
    "water",
)


def large_dataset(roles: int = 3000, families: int = 30, competences: int = 140) -> Dataset:
    """A catalogue of occupation size: a five-level scale, `roles` roles in `families` groups."""
    rng = random.Random(20240611)
    labels = ("L1", "L2", "L3", "L4", "L5")
    areas = tuple(Area(code=f"S{i}", name=f"Skill group {i}") for i in range(1, 9))
    frame = tuple(
        Competence(
            code=f"S{1 + i % 8}.{i + 1}",
            area=f"S{1 + i % 8}",
            title=f"Skill {i + 1}",
            levels=tuple(LevelDescriptor(level=n, descriptor=f"level {n}") for n in range(1, 6)),
        )
        for i in range(competences)
    )
    groups = tuple(
        Family(code=f"G{i + 1:02d}", name=f"{LARGE_FIELDS[i % len(LARGE_FIELDS)].title()} work")
        for i in range(families)
    )
    made = []
    for i in range(roles):
        family = groups[i % families]
        field = LARGE_FIELDS[(i % families) % len(LARGE_FIELDS)]
        # Roles of a group share a core of skills, so groups hold together on the map.
        core = [frame[(i % families * 4 + k) % competences] for k in range(4)]
        extra = rng.sample(frame, 4)
        needs = {c.code: rng.randint(1, 5) for c in [*core, *extra]}
        made.append(
            Role(
                code=f"{family.code}-{i + 1:04d}",
                family=family.code,
                title=f"{field.title()} {LARGE_WORDS[i % len(LARGE_WORDS)]} {i + 1}",
                requirements=tuple(
                    Requirement(competence=c, levels=(level,)) for c, level in needs.items()
                ),
            )
        )
    return Dataset(
        id=LARGE_ID,
        name="Large occupation catalogue (test data)",
        licence="CC0",
        attribution="Large catalogue: generated for careergraph's browser tests.",
        scale=Scale(labels=labels),
        families=groups,
        areas=areas,
        competences=frame,
        roles=tuple(made),
    )


def real_catalogues() -> list[Dataset]:
    """O*NET 30.2 (894 roles) and ESCO v1.2.1 (2,999 roles), imported with their presets."""
    found = []
    for dataset_id, name in REAL_PRESETS.items():
        options = preset(name).options
        imported = import_bundle(read_path(packaged_file(name)), "matrix", options=options)
        assert imported.dataset.id == dataset_id, (name, imported.dataset.id)
        found.append(imported.dataset)
    return found
