"""How alike two roles are: relatedness (next moves, links) and similar roles (role sheets).

Relatedness (docs/recommendations.md) answers "is this the same line of work", apart
from how far the move is (the gap) and which way it goes (graph.algorithms.direction):

    relatedness(A, B) = (cos(levels A, levels B) + TITLE_WEIGHT * cos(title A, title B))
                        / (1 + TITLE_WEIGHT)

cos(levels) is the cosine of the two entry-level vectors over all competences; cos(title)
the cosine of the words of the title and alternative titles, weighted by inverse document
frequency (rare words like "software" count, "manager" hardly). A self-assessment has no
title: its relatedness is the level cosine alone. The measure and its weight were chosen
with the evaluation harness (graph/evaluation) against O*NET's Related Occupations and
the seed's stated moves; the table is in docs/recommendations.md.

Similar roles on a role's sheet keep their own measure, weighted Jaccard on the levels
(symmetric, exact fractions that the Cypher twin similar_roles reproduces).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from graph.algorithms.coverage import EntryLevels, Floats
from graph.algorithms.holdings import from_role
from graph.models import Role, natural_key
from graph.results import Related
from graph.snapshot import Snapshot

TITLE_WEIGHT = 0.3
# Words that say nothing about the line of work; plural endings go so "Developers"
# meets "Developer".
STOP_WORDS = frozenset(
    {"a", "all", "and", "except", "for", "in", "of", "or", "other", "the", "to"}
    | {"occupations", "workers"}
)
_PLURAL = re.compile(r"(ers|ors|ists|ians|ies|es|s)$")


def title_words(title: str) -> frozenset[str]:
    """The words of a title that name the work, lower case, plural endings cut."""
    words = set()
    for word in re.findall(r"[a-z]+", title.casefold()):
        if word not in STOP_WORDS:
            words.add(_PLURAL.sub("", word) if len(word) > 4 else word)
    return frozenset(words)


@dataclass(frozen=True)
class Relatedness:
    """Every role's relatedness to a role or a self-assessment, rows in natural code order."""

    levels: EntryLevels
    level_norms: Floats  # per role, the length of its entry-level vector
    titles: sparse.csr_array  # roles x words, idf-weighted, rows of length 1 (or 0)

    @classmethod
    def of(cls, roles: Iterable[Role]) -> Relatedness:
        ordered = sorted(roles, key=lambda r: natural_key(r.code))
        levels = EntryLevels.of(ordered)
        squares = levels.matrix.multiply(levels.matrix).sum(axis=1)
        return cls(levels, np.sqrt(np.asarray(squares, dtype=np.float64)), _title_matrix(ordered))

    def to_all(self, held: Mapping[str, int], code: str | None) -> Floats:
        """Relatedness of every role to `held` (and to role `code`'s title when given)."""
        vector = np.zeros(len(self.levels.columns))
        for competence, level in held.items():
            column = self.levels.columns.get(competence)
            if column is not None:
                vector[column] = level
        profile = _cosines(
            self.levels.matrix @ vector, self.level_norms, float(np.linalg.norm(vector))
        )
        if code is None:
            return profile
        row = self.levels.rows[code]
        words = np.asarray((self.titles @ self.titles[[row]].T).todense()).ravel()
        return (profile + TITLE_WEIGHT * words) / (1 + TITLE_WEIGHT)

    def block(self, rows: Sequence[int]) -> Floats:
        """Relatedness of the roles at `rows` (sources) to every role: len(rows) x roles."""
        matrix = self.levels.matrix.astype(np.float64)
        products = (matrix[list(rows)] @ matrix.T).toarray()
        norms = self.level_norms[list(rows)][:, None] * self.level_norms[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            profile = np.where(norms > 0, products / norms, 0.0)
        words = (self.titles[list(rows)] @ self.titles.T).toarray()
        return np.asarray((profile + TITLE_WEIGHT * words) / (1 + TITLE_WEIGHT))


def _cosines(products: Floats, norms: Floats, norm: float) -> Floats:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(norms * norm > 0, products / (norms * norm), 0.0)


def _title_matrix(roles: Sequence[Role]) -> sparse.csr_array:
    words = [title_words(" ".join((r.title, *r.alt_titles))) for r in roles]
    columns: dict[str, int] = {}
    for found in words:
        for word in sorted(found):
            columns.setdefault(word, len(columns))
    counts = np.zeros(len(columns))
    for found in words:
        for word in found:
            counts[columns[word]] += 1
    rows, cols, weights = [], [], []
    for i, found in enumerate(words):
        idf = {w: math.log(len(roles) / counts[columns[w]]) for w in found}
        length = math.sqrt(sum(v * v for v in idf.values()))
        for word, weight in idf.items():
            if length > 0:
                rows.append(i)
                cols.append(columns[word])
                weights.append(weight / length)
    return sparse.csr_array((weights, (rows, cols)), shape=(len(roles), len(columns)))


def weighted_jaccard(a: Role, b: Role) -> float:
    """sum(min(level_a, level_b)) / sum(max(level_a, level_b)) over both roles' competences."""
    levels_a, levels_b = from_role(a), from_role(b)
    codes = levels_a.keys() | levels_b.keys()
    low = sum(min(levels_a.get(c, 0), levels_b.get(c, 0)) for c in codes)
    high = sum(max(levels_a.get(c, 0), levels_b.get(c, 0)) for c in codes)
    return round(low / high, 4) if high else 1.0


def related_roles(snapshot: Snapshot, code: str, *, limit: int = 5) -> list[Related]:
    """The roles most alike `code` by weighted Jaccard, most similar first."""
    role = snapshot.role(code)
    scored = [
        Related(role=snapshot.role_ref(other.code), similarity=weighted_jaccard(role, other))
        for other in snapshot.roles.values()
        if other.code != role.code
    ]
    scored.sort(key=lambda r: (-r.similarity, natural_key(r.role.code)))
    return scored[:limit]
