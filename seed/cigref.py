"""The default dataset's identity and conventions: CIGREF 2011 with the e-CF 2.0 in it.

Everything here is specific to this one document: its provenance, the e-CF's areas and
level scale, and the shape of its codes. The generic model (graph/models.py) knows
none of it; `problems` holds the parsed data to these conventions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.models import Dataset, Scale
from graph.validation import Problem

ID = "cigref-2011"
NAME = "CIGREF 2011 IS roles + e-CF 2.0"
SOURCE = "seed/source/cigref_2011_en.txt"
LICENCE = "CIGREF nomenclature © CIGREF 2011; e-CF 2.0 © CEN (CWA 16234-1:2011)"
ATTRIBUTION = (
    "Roles from the CIGREF nomenclature of IS roles in large companies (2011); "
    "competences from the European e-Competence Framework 2.0 (CEN CWA 16234-1)."
)

AREA_NAMES: dict[str, str] = {
    "A": "PLAN",
    "B": "BUILD",
    "C": "RUN",
    "D": "ENABLE",
    "E": "MANAGE",
}
# e-1..e-5 and the EQF levels the e-CF 2.0 states for them (e-2 spans EQF 4 and 5).
SCALE = Scale(
    labels=("e-1", "e-2", "e-3", "e-4", "e-5"), mappings={"EQF": ("3", "4-5", "6", "7", "8")}
)
FAMILY_COUNT = 7
ROLE_CODE = re.compile(r"^([1-7])\.([1-9]|10)$")
COMPETENCE_CODE = re.compile(r"^([A-E])([1-9]|10)$")


def problems(dataset: Dataset) -> list[Problem]:
    """Where the data breaks this document's conventions (codes, families, areas, keys)."""
    return [*_families(dataset), *_areas(dataset), *_competences(dataset), *_roles(dataset)]


def _families(dataset: Dataset) -> Iterator[Problem]:
    codes = sorted(f.code for f in dataset.families)
    if codes != [str(n) for n in range(1, FAMILY_COUNT + 1)]:
        yield Problem("families.json", "all families", "code", f"families 1..7, found {codes}")


def _areas(dataset: Dataset) -> Iterator[Problem]:
    found = {a.code: a.name for a in dataset.areas}
    if found != AREA_NAMES:
        yield Problem("areas.json", "all areas", "code", f"the e-CF areas, found {found}")


def _competences(dataset: Dataset) -> Iterator[Problem]:
    for competence in dataset.competences:
        record = f"competence {competence.code}"
        shape = COMPETENCE_CODE.match(competence.code)
        if not shape:
            yield Problem("competences.json", record, "code", "not of the form A1..E10")
        elif shape.group(1) != competence.area:
            yield Problem(
                "competences.json", record, "area", f"{competence.code} is in area {shape.group(1)}"
            )
        for kind, items in (("K", competence.knowledge), ("S", competence.skills)):
            prefix = f"{competence.code}.{kind}"
            for index, item in enumerate(items):
                if not item.key.startswith(prefix):
                    field = f"{'knowledge' if kind == 'K' else 'skills'}[{index}].key"
                    yield Problem(
                        "competences.json", record, field, f"does not start with {prefix!r}"
                    )


def _roles(dataset: Dataset) -> Iterator[Problem]:
    for role in dataset.roles:
        shape = ROLE_CODE.match(role.code)
        if not shape:
            yield Problem(
                "roles.json", f"role {role.code}", "code", "not of the form F.N (1.1 .. 7.10)"
            )
        elif shape.group(1) != role.family:
            yield Problem(
                "roles.json",
                f"role {role.code}",
                "family",
                f"{role.code} is in family {shape.group(1)}",
            )
