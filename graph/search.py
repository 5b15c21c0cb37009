"""Finding roles and competences by text: case- and accent-insensitive, with suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from unidecode import unidecode

from graph.errors import Suggestion

# Shared leading letters that make two words forms of one another.
STEM = 6


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
    words = normalise(query).split()
    names = " | ".join(normalise(n) for n in [title, *other_names])
    if _finds(words, normalise(title)):
        return 0
    if _finds(words, names):
        return 1
    return 2 if _finds_stems(words, names) else None


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
