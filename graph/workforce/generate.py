"""A synthetic workforce around each role's entry levels: for tests, demos and benchmarks.

Deterministic: the same dataset, size, seed (and numpy version) give the same people.
The distribution (docs/workforce.md, "Generated workforces"):

- units: max(2, round(sqrt(N) / 4)) units named `unit-01`...; unit k gets a share of the
  people proportional to 1/k (a few large units, a tail of small ones);
- each unit has a home family (the families in turn); 95% of people hold a role, 70% of
  those from their unit's home family, the rest from any family; roles are drawn with
  weights from a log-normal(0, 1) per role, so some roles are common and some rare;
- each competence the held role requires is assessed with probability 0.7, at the role's
  entry level plus an offset of -2, -1, 0, +1, +2 with probabilities 0.05, 0.2, 0.5, 0.2,
  0.05, moved to the nearest level the competence defines (the lower one on a tie);
- a Poisson(1) number of other competences are assessed at a uniformly drawn level the
  competence defines;
- sources self / manager / certified with probabilities 0.5 / 0.35 / 0.15; assessment
  dates uniform over the 730 days before 2025-01-01.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from graph.models import Dataset, Role, natural_key
from graph.workforce.models import SOURCES, Workforce
from graph.workforce.store import bulk

HOLDS_ROLE = 0.95
HOME_FAMILY = 0.7
ASSESSED = 0.7
OFFSETS = np.array([-2, -1, 0, 1, 2])
OFFSET_P = np.array([0.05, 0.2, 0.5, 0.2, 0.05])
EXTRA_MEAN = 1.0
SOURCE_P = np.array([0.5, 0.35, 0.15])
LAST_DAY = date(2025, 1, 1)
DAYS = 730


def unit_count(people: int) -> int:
    return max(2, round(people**0.5 / 4))


def nearest(levels: tuple[int, ...], wanted: int) -> int:
    """The level of `levels` closest to `wanted`; the lower one on a tie."""
    return min(levels, key=lambda level: (abs(level - wanted), level))


def generate(dataset: Dataset, *, people: int, seed: int) -> Workforce:
    """`people` synthetic people of `dataset` (module docstring: the distribution).

    Every random draw is made for all people at once, in a fixed order, so a size of
    100,000 takes seconds and the seed alone decides the outcome.
    """
    rng = np.random.default_rng(seed)
    roles = sorted(dataset.roles, key=lambda r: natural_key(r.code))
    codes = sorted((c.code for c in dataset.competences), key=natural_key)
    levels = {c.code: c.applicable_levels for c in dataset.competences}
    column = {code: i for i, code in enumerate(codes)}
    units = unit_count(people)
    share = 1 / np.arange(1, units + 1)
    unit_of = rng.choice(units, size=people, p=share / share.sum())
    role_of = _roles(rng, roles, unit_of, rng.lognormal(0.0, 1.0, len(roles)))
    # Assessments of the held role's competences, around its entry levels.
    owner, competence, entry = _requirements(roles, role_of, column)
    kept = rng.random(len(owner)) < ASSESSED
    offset = rng.choice(OFFSETS, size=len(owner), p=OFFSET_P)
    owner, competence, wanted = owner[kept], competence[kept], entry[kept] + offset[kept]
    top = dataset.scale.top
    # snapped[c, w + 2]: the level of competence c nearest to w, for w in -2 .. top + 2.
    snapped = np.array([[nearest(levels[c], w) for w in range(-2, top + 3)] for c in codes])
    level = snapped[competence, np.clip(wanted, -2, top + 2) + 2]
    # Other competences, at any level they define.
    extra_owner, extra_competence = _extras(rng, roles, role_of, column, len(codes))
    defined = np.array([[*levels[c], *[0] * (top - len(levels[c]))] for c in codes])
    count = np.array([len(levels[c]) for c in codes])
    pick = (rng.random(len(extra_competence)) * count[extra_competence]).astype(np.int64)
    extra_level = defined[extra_competence, pick]
    owner = np.concatenate([owner, extra_owner])
    competence = np.concatenate([competence, extra_competence])
    level = np.concatenate([level.astype(np.int64), extra_level])
    source = rng.choice(len(SOURCES), size=len(owner), p=SOURCE_P)
    days = rng.integers(1, DAYS + 1, size=len(owner))
    order = np.lexsort((competence, owner))
    return _workforce(
        dataset.id,
        people,
        unit_of,
        role_of,
        roles,
        codes,
        order,
        (owner, competence, level, source, days),
    )


def _roles(
    rng: np.random.Generator, roles: list[Role], unit_of: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Each person's role index (-1: none): mostly from their unit's home family."""
    families = sorted({r.family for r in roles}, key=natural_key)
    people = len(unit_of)
    holds = rng.random(people) < HOLDS_ROLE
    at_home = rng.random(people) < HOME_FAMILY
    role_of = np.full(people, -1)
    everyone = np.arange(len(roles))
    for f, family in enumerate(families):
        pool = np.array([i for i, r in enumerate(roles) if r.family == family])
        chosen = np.flatnonzero(holds & at_home & (unit_of % len(families) == f))
        role_of[chosen] = rng.choice(pool, size=len(chosen), p=weights[pool] / weights[pool].sum())
    rest = np.flatnonzero(holds & (role_of == -1))
    role_of[rest] = rng.choice(everyone, size=len(rest), p=weights / weights.sum())
    return role_of


def _requirements(
    roles: list[Role], role_of: np.ndarray, column: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(person, competence column, entry level) for every requirement of every held role."""
    width = max(len(r.requirements) for r in roles)
    required = np.full((len(roles), width), -1)
    entry = np.zeros((len(roles), width), dtype=np.int64)
    for r, role in enumerate(roles):
        for q, requirement in enumerate(role.requirements):
            required[r, q], entry[r, q] = column[requirement.competence], requirement.level
    holders = np.flatnonzero(role_of >= 0)
    slots = required[role_of[holders]]
    person, slot = np.nonzero(slots >= 0)
    return holders[person], slots[person, slot], entry[role_of[holders]][person, slot]


def _extras(
    rng: np.random.Generator,
    roles: list[Role],
    role_of: np.ndarray,
    column: dict[str, int],
    width: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(person, competence column) of a Poisson(1) number of competences their role lacks."""
    people = len(role_of)
    keys = rng.random((people, width))
    for r, role in enumerate(roles):  # a required competence is never drawn as an extra
        keys[np.ix_(role_of == r, [column[q.competence] for q in role.requirements])] = np.inf
    wanted = np.minimum(rng.poisson(EXTRA_MEAN, people), np.isfinite(keys).sum(axis=1))
    ranked = np.argsort(keys, axis=1, kind="stable")
    owner = np.repeat(np.arange(people), wanted)
    rank = np.arange(len(owner)) - np.repeat(np.cumsum(wanted) - wanted, wanted)
    return owner, ranked[owner, rank]


def _workforce(
    dataset: str,
    people: int,
    unit_of: np.ndarray,
    role_of: np.ndarray,
    roles: list[Role],
    codes: list[str],
    order: np.ndarray,
    columns: tuple[np.ndarray, ...],
) -> Workforce:
    """The people, each with their assessments in competence order (validated in one go)."""
    owner, competence, level, source, days = (c[order].tolist() for c in columns)
    dates = [LAST_DAY - timedelta(days=d) for d in range(DAYS + 1)]
    starts = np.searchsorted(np.asarray(owner), np.arange(people + 1)).tolist()
    width = len(str(people))
    found = [
        {
            "id": f"P{number + 1:0{width}d}",
            "unit": f"unit-{unit + 1:02d}",
            "role": roles[role].code if role >= 0 else None,
            "assessments": [
                {
                    "competence": codes[competence[i]],
                    "level": level[i],
                    "source": SOURCES[source[i]],
                    "assessed_on": dates[days[i]],
                }
                for i in range(starts[number], starts[number + 1])
            ],
        }
        for number, (unit, role) in enumerate(zip(unit_of.tolist(), role_of.tolist(), strict=True))
    ]
    with bulk():
        return Workforce.model_validate({"dataset": dataset, "people": found})
