"""How alike two roles are: relatedness (next moves, links) and similar roles (role sheets).

Relatedness (docs/recommendations.md) answers "is this the same line of work", apart
from how far the move is (the gap) and which way it goes (graph.algorithms.direction):

    relatedness(A, B) = (cos(levels) + 1.2 cos(titles) + 1.0 cos(descriptions)
                         + 0.1 [same family]) / 3.3

cos(levels) is the cosine of the two entry-level vectors over all competences; cos(titles)
the cosine of the words of the title and alternative titles, each word weighted by its
inverse document frequency in the dataset (rare words like "software" count, "manager"
hardly); cos(descriptions) the same over the mission and activities (name and tasks),
each word weighted by (1 + log of its count) times its idf (TF-IDF); [same family] is 1
when both roles sit in the same family (an O*NET SOC major group). A self-assessment has
no title, description or family: its relatedness is the level cosine alone. The parts
and their weights were fitted with the evaluation harness (graph/evaluation) against
O*NET's Related Occupations, checked on held-out halves of the roles and on the seed's
stated moves; the table is in docs/recommendations.md.

Similar roles on a role's sheet keep their own measure, weighted Jaccard on the levels
(symmetric, exact fractions that the Cypher twin similar_roles reproduces).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from graph.algorithms.coverage import EntryLevels, Floats
from graph.algorithms.holdings import from_role
from graph.models import Role, natural_key
from graph.results import Related
from graph.snapshot import Snapshot

TITLE_WEIGHT = 1.2
DESCRIPTION_WEIGHT = 1.0
FAMILY_WEIGHT = 0.1
TOTAL_WEIGHT = 1 + TITLE_WEIGHT + DESCRIPTION_WEIGHT + FAMILY_WEIGHT
# Words that say nothing about the line of work; plural endings go so "Developers"
# meets "Developer".
STOP_WORDS = frozenset(
    {"a", "all", "and", "except", "for", "in", "of", "or", "other", "the", "to"}
    | {"occupations", "workers"}
)
# In running text, the function words too.
TEXT_STOP_WORDS = STOP_WORDS | {
    "an",
    "are",
    "as",
    "at",
    "be",
    "by",
    "from",
    "include",
    "into",
    "is",
    "it",
    "its",
    "may",
    "on",
    "such",
    "that",
    "their",
    "this",
    "with",
}
_PLURAL = re.compile(r"(ers|ors|ists|ians|ies|es|s)$")
# A run of letters longer than any word is not one (a pasted blob): left out, so it never
# weighs on relatedness nor travels into the graph's word vectors (graph/neo4j/seeding.py).
LONGEST_WORD = 40


def words_of(text: str, stop: frozenset[str] = STOP_WORDS) -> list[str]:
    """The words of `text` that name the work, in order, lower case, plural endings cut."""
    return [
        _PLURAL.sub("", word) if len(word) > 4 else word
        for word in re.findall(r"[a-z]+", text.casefold())
        if word not in stop and len(word) <= LONGEST_WORD
    ]


def title_words(title: str) -> frozenset[str]:
    return frozenset(words_of(title))


def description_words(role: Role) -> list[str]:
    """The words of a role's mission and activities (names and tasks), with repeats."""
    parts = [role.mission, *(" ".join((a.name, *a.tasks)) for a in role.activities)]
    return words_of(" ".join(parts), TEXT_STOP_WORDS)


@dataclass(frozen=True)
class Relatedness:
    """Every role's relatedness to a role or a self-assessment, rows in natural code order."""

    levels: EntryLevels
    level_norms: Floats  # per role, the length of its entry-level vector
    titles: sparse.csr_array  # roles x words, idf-weighted, rows of length 1 (or 0)
    descriptions: sparse.csr_array  # roles x words, TF-IDF, rows of length 1 (or 0)
    families: npt.NDArray[np.int64]  # per role, its family as a number
    title_vocabulary: tuple[str, ...]  # the word of each column of `titles`
    description_vocabulary: tuple[str, ...]  # the word of each column of `descriptions`

    @classmethod
    def of(cls, roles: Iterable[Role], levels: EntryLevels | None = None) -> Relatedness:
        """The index of `roles`; `levels`, their entry levels in natural code order when
        already built (a snapshot's), is used as it is."""
        ordered = sorted(roles, key=lambda r: natural_key(r.code))
        levels = EntryLevels.of(ordered) if levels is None else levels
        squares = levels.matrix.multiply(levels.matrix).sum(axis=1)
        family_numbers: dict[str, int] = {}
        titles, title_vocabulary = _tf_idf(
            [sorted(title_words(" ".join((r.title, *r.alt_titles)))) for r in ordered]
        )
        descriptions, description_vocabulary = _tf_idf([description_words(r) for r in ordered])
        return cls(
            levels,
            np.sqrt(np.asarray(squares, dtype=np.float64)),
            titles,
            descriptions,
            np.array([family_numbers.setdefault(r.family, len(family_numbers)) for r in ordered]),
            title_vocabulary,
            description_vocabulary,
        )

    def word_vectors(self, code: str) -> WordVectors:
        """Role `code`'s weighted title and description words: what the Cypher twin of next
        moves multiplies (graph.neo4j.seeding writes them on the role's node)."""
        row = self.levels.rows[code]
        return WordVectors(
            *_row_words(self.titles, row, self.title_vocabulary),
            *_row_words(self.descriptions, row, self.description_vocabulary),
        )

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
        return self._combined(profile[None, :], [self.levels.rows[code]])[0]

    def block(self, rows: Sequence[int]) -> Floats:
        """Relatedness of the roles at `rows` (sources) to every role: len(rows) x roles."""
        matrix = self.levels.matrix.astype(np.float64)
        products = (matrix[list(rows)] @ matrix.T).toarray()
        norms = self.level_norms[list(rows)][:, None] * self.level_norms[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            profile = np.where(norms > 0, products / norms, 0.0)
        return self._combined(profile, list(rows))

    def _combined(self, profile: Floats, rows: list[int]) -> Floats:
        """The weighted mean of the level cosines (rows x roles) and the other parts."""
        titles = (self.titles[rows] @ self.titles.T).toarray()
        descriptions = (self.descriptions[rows] @ self.descriptions.T).toarray()
        families = self.families[rows][:, None] == self.families[None, :]
        total = (
            profile
            + TITLE_WEIGHT * titles
            + DESCRIPTION_WEIGHT * descriptions
            + FAMILY_WEIGHT * families
        )
        return np.asarray(total / TOTAL_WEIGHT)


@dataclass(frozen=True)
class WordVectors:
    """A role's rows of the title and description matrices, as parallel word/weight lists."""

    title_words: list[str]
    title_weights: list[float]
    description_words: list[str]
    description_weights: list[float]


def _row_words(
    matrix: sparse.csr_array, row: int, vocabulary: Sequence[str]
) -> tuple[list[str], list[float]]:
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return (
        [vocabulary[column] for column in matrix.indices[start:end].tolist()],
        matrix.data[start:end].tolist(),
    )


def _cosines(products: Floats, norms: Floats, norm: float) -> Floats:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(norms * norm > 0, products / (norms * norm), 0.0)


def _tf_idf(documents: Sequence[Sequence[str]]) -> tuple[sparse.csr_array, tuple[str, ...]]:
    """Rows of length 1: each word weighted (1 + log count) * log(documents / its documents);
    and the word of each column."""
    columns: dict[str, int] = {}
    for document in documents:
        for word in document:
            columns.setdefault(word, len(columns))
    spread = [0] * len(columns)  # per word, the documents it is in
    for document in documents:
        for word in set(document):
            spread[columns[word]] += 1
    # Plain Python numbers: the same floats numpy scalars gave, several times faster.
    idf = [math.log(len(documents) / n) for n in spread]
    rows, cols, weights = [], [], []
    for i, document in enumerate(documents):
        weight = {
            word: (1 + math.log(count)) * idf[columns[word]]
            for word, count in Counter(document).items()
        }
        length = math.sqrt(sum(v * v for v in weight.values()))
        for word, value in weight.items():
            if length > 0:
                rows.append(i)
                cols.append(columns[word])
                weights.append(value / length)
    matrix = sparse.csr_array((weights, (rows, cols)), shape=(len(documents), len(columns)))
    return matrix, tuple(columns)


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
