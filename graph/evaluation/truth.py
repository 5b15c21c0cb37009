"""Truth sets: which moves experts (or the source itself) say are related, per dataset.

- O*NET 29.3 Related Occupations (graph.reference, CC BY 4.0): up to 20 related
  occupations per occupation, graded by tier. A role maps to an O*NET-SOC code by its
  code when the code is one (15-1252.00), else by its title through Occupation Data.
- The seed (CIGREF 2011): its 8 documented moves (grade 2) and the moves its career
  sections describe (seed_careers.json, grade 1).
- ESCO has no truth here: nothing public states related occupations for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from graph.models import Dataset
from graph.reference import ONET_ATTRIBUTION, onet_rows

SEED_ID = "cigref-2011"
SEED_CAREERS = Path(__file__).with_name("seed_careers.json")
SOC_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
TIERS = {"Primary-Short": 3, "Primary-Long": 2, "Supplemental": 1}
# A catalogue counts as O*NET when this share of its roles maps to O*NET-SOC codes.
ONET_SHARE = 0.9


@dataclass(frozen=True)
class Truth:
    name: str
    attribution: str
    relevant: Mapping[str, Mapping[str, int]]  # source role -> related role -> grade


def _folded(title: str) -> str:
    return re.sub(r"\W+", " ", title.casefold()).strip()


def onet_codes(dataset: Dataset) -> dict[str, str]:
    """Role code -> O*NET-SOC code, for the roles that map (by code, else by title)."""
    by_title = {_folded(r["Title"]): r["O*NET-SOC Code"] for r in onet_rows("Occupation Data")}
    found = {}
    for role in dataset.roles:
        soc = role.code if SOC_CODE.match(role.code) else by_title.get(_folded(role.title))
        if soc is not None:
            found[role.code] = soc
    return found


def onet_truth(dataset: Dataset) -> Truth | None:
    codes = onet_codes(dataset)
    if len(codes) < ONET_SHARE * len(dataset.roles):
        return None
    role_of = {soc: code for code, soc in codes.items()}
    relevant: dict[str, dict[str, int]] = {}
    for row in onet_rows("Related Occupations"):
        source = role_of.get(row["O*NET-SOC Code"])
        target = role_of.get(row["Related O*NET-SOC Code"])
        if source and target and source != target:
            relevant.setdefault(source, {})[target] = TIERS[row["Relatedness Tier"]]
    return Truth("O*NET 29.3 Related Occupations", ONET_ATTRIBUTION, relevant)


def seed_truth(dataset: Dataset) -> Truth | None:
    if dataset.id != SEED_ID:
        return None
    relevant: dict[str, dict[str, int]] = {}
    for move in json.loads(SEED_CAREERS.read_text(encoding="utf-8"))["moves"]:
        relevant.setdefault(move["source"], {})[move["target"]] = 1
    for link in dataset.links:
        relevant.setdefault(link.source, {})[link.target] = 2
    return Truth(
        "CIGREF 2011: documented moves and career sections",
        "CIGREF nomenclature (c) CIGREF 2011",
        relevant,
    )


def truth_for(dataset: Dataset) -> Truth | None:
    """The truth set that judges `dataset`, or None when there is none (ESCO, your own)."""
    return seed_truth(dataset) or onet_truth(dataset)
