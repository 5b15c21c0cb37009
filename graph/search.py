"""Finding roles and competences by text: case- and accent-insensitive, with suggestions.

A role found by a query (`role_match`) falls in the first of these tiers that holds:

0. its title is the query;
1. another of its names (an alternative or reported title, its code) is the query, or
   the query is the acronym of its title or of another name ("CIO": Chief Information
   Officer; small words such as "of" and "and", and text in brackets, are skipped);
2. to 4. the word tiers of `match_rank` (every word in the title; in some name; as a
   word stem), where tier 4 also takes a word with a typo: a word of a name at least
   TYPO_RATIO alike ("programer" finds Programmer).

Within a tier, the closer the query to the role's nearest name (difflib's ratio), the
earlier, so the exact and near-exact titles come first. `match_rank` alone (the word
tiers, no typos) is what cypher/library/role_search.cypher computes in Neo4j.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from unidecode import unidecode

from graph.errors import Suggestion

# Shared leading letters that make two words forms of one another.
STEM = 6
# How alike (difflib's ratio) a word and a word of a name must be to count as a typo,
# for words of at least TYPO_LENGTH letters ('programer' ~ 'programmer' is 0.95).
TYPO_RATIO = 0.8
TYPO_LENGTH = 5
# Words an acronym skips ('Head of Project' is HP, not HOP).
SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"})
_WORD = re.compile(r"[a-z0-9]+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold case and accents so 'Développeur' matches 'developpeur'."""
    return " ".join(unidecode(text).casefold().split())


def _finds(words: list[str], haystack: str) -> bool:
    return all(word in haystack for word in words)


def _finds_stems(words: list[str], haystack: str) -> bool:
    tokens = haystack.split()
    return all(
        word in haystack or (len(word) >= STEM and any(t.startswith(word[:STEM]) for t in tokens))
        for word in words
    )


def match_rank(query: str, title: str, other_names: Iterable[str]) -> int | None:
    """How well a thing known by `title` and `other_names` matches `query`; None: not at all.

    0: every word is in the title; 1: every word is in some name; 2: only as word
    stems ('developer' finds 'Development Analyst', 'manager' finds 'Management':
    the words share their first STEM letters). Lower ranks first.
    """
    return _word_rank(normalise(query).split(), [normalise(n) for n in [title, *other_names]])


def _word_rank(words: list[str], names: list[str]) -> int | None:
    """match_rank over normalised names, the title first."""
    if _finds(words, names[0]):
        return 0
    joined = " | ".join(names)
    if _finds(words, joined):
        return 1
    return 2 if _finds_stems(words, joined) else None


def role_match(query: str, title: str, other_names: Sequence[str]) -> tuple[int, float] | None:
    """(tier, -closeness) of a role known by `title` and `other_names`, or None; lower
    sorts first (see the module's docstring)."""
    wanted = normalise(query)
    if not wanted:
        return 0, 0.0  # no text: every role, in its natural order
    names = [normalise(title), *(normalise(n) for n in other_names)]
    tier = _tier(wanted, names)
    if tier is None:
        return None
    return tier, -max(_ratio(wanted, name) for name in names)


def _tier(wanted: str, names: list[str]) -> int | None:
    if wanted == names[0]:
        return 0
    if wanted in names[1:] or (" " not in wanted and wanted in map(acronym, names)):
        return 1
    words = wanted.split()
    rank = _word_rank(words, names)
    if rank is not None:
        return 2 + rank
    return 4 if _finds_typos(words, names) else None


@lru_cache(maxsize=65536)
def acronym(name: str) -> str:
    """'chief information officer (cio)' -> 'cio': initials, small words and brackets left out."""
    words = _WORD.findall(_BRACKETS.sub(" ", name))
    return "".join(w[0] for w in words if w not in SMALL_WORDS) if len(words) > 1 else ""


def _finds_typos(words: list[str], names: list[str]) -> bool:
    tokens = {t for name in names for t in _WORD.findall(name)}
    return all(
        any(word in name for name in names)
        or (len(word) >= STEM and any(t.startswith(word[:STEM]) for t in tokens))
        or (len(word) >= TYPO_LENGTH and any(_ratio(word, t) >= TYPO_RATIO for t in tokens))
        for word in words
    )


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def nearest(
    query: str, candidates: dict[str, list[str]], titles: dict[str, str], *, limit: int = 3
) -> list[Suggestion]:
    """The codes whose code or any name is closest to `query`, best first.

    `candidates` maps a code to the names it is known by (title, alternative titles).
    """
    wanted = normalise(query)
    scored: list[tuple[float, str]] = []
    for code, names in candidates.items():
        keys = [code.casefold(), *(normalise(n) for n in names)]
        best = max(difflib.SequenceMatcher(None, wanted, key).ratio() for key in keys)
        if any(wanted and wanted in key for key in keys):
            best = max(best, 0.9)
        scored.append((best, code))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [Suggestion(code, titles[code]) for score, code in scored[:limit] if score >= 0.3]
