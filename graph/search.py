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


def matches(query: str, texts: Iterable[str]) -> bool:
    """Every word of the query occurs in one of the texts, as a substring or a word stem.

    Stems catch word forms: 'developer' finds 'Development Analyst', 'manager' finds
    'Management', because the words share their first STEM letters.
    """
    haystack = " | ".join(normalise(t) for t in texts)
    words = haystack.replace("|", " ").split()
    return all(
        word in haystack or (len(word) >= STEM and any(w.startswith(word[:STEM]) for w in words))
        for word in normalise(query).split()
    )


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
