"""Which way a move goes: a step up, a lateral move or a step down (docs/recommendations.md).

When both roles carry an O*NET Job Zone (the preparation a role needs, 1..5), the zones
decide: a higher zone is a step up, two or more zones lower a step down, the same zone
lateral; one zone lower is a step down only when the level mass says so too (below),
else lateral, for neighbouring zones overlap (O*NET relates many occupations one zone
apart, docs/recommendations.md). Otherwise the entry level mass decides (the sum of a
role's entry levels; for a self-assessment, of its levels held): a target needing under
75% of the source's mass is a step down, one needing more than the source's mass / 75%
a step up, anything between is lateral.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

Direction = Literal["up", "lateral", "down"]
# What next moves keep: one direction, any, or the default "not-down" (up and lateral).
DirectionFilter = Literal["up", "lateral", "down", "any", "not-down"]
DIRECTIONS: tuple[Direction, ...] = ("up", "lateral", "down")
STEP_DOWN = 0.75
UP, LATERAL, DOWN = 0, 1, 2


def directions(
    mass: float, zone: int | None, masses: npt.NDArray[np.int64], zones: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Per target, UP, LATERAL or DOWN from a source of `mass` and `zone` (0: no zone)."""
    by_mass = np.where(
        masses < STEP_DOWN * mass, DOWN, np.where(masses * STEP_DOWN > mass, UP, LATERAL)
    )
    if not zone:
        return by_mass
    below = np.where(zones < zone - 1, DOWN, np.where(by_mass == DOWN, DOWN, LATERAL))
    by_zone = np.where(zones < zone, below, np.where(zones > zone, UP, LATERAL))
    return np.where(zones > 0, by_zone, by_mass)


def kept(found: npt.NDArray[np.int64], wanted: DirectionFilter) -> npt.NDArray[np.bool_]:
    """Which of the `found` directions the filter keeps."""
    if wanted == "any":
        return np.ones(found.shape, dtype=np.bool_)
    if wanted == "not-down":
        return found != DOWN
    return found == DIRECTIONS.index(wanted)


def in_words(direction: Direction, source_mass: float, target_mass: float, zoned: bool) -> str:
    """The direction as a person reads it."""
    ratio = target_mass / source_mass if source_mass else 1.0
    basis = f"{ratio:.0%} of the level mass you have now"
    if zoned:
        basis = f"preparation (O*NET Job Zone), {basis}"
    return {
        "up": f"a step up: it asks more ({basis})",
        "lateral": f"a lateral move: it asks about as much ({basis})",
        "down": f"a step down: it asks less ({basis})",
    }[direction]
