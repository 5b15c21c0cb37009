"""Codes from labels, for catalogues that have labels but no codes (a matrix's headers).

When every label of a list is already a valid code (graph.models.CODE_PATTERN) and they
are unique, the labels are the codes. Otherwise every label becomes a slug: accents
transliterated (unidecode), lower case, each run of other characters one '-', at most
MAX_LENGTH characters; a slug taken by an earlier label gets '-2', '-3'... so codes are
unique and the same labels in the same order always give the same codes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from unidecode import unidecode

from graph.models import CODE_PATTERN

MAX_LENGTH = 60  # leaves room for a '-NN' suffix within the 64 characters of a code
_CODE = re.compile(CODE_PATTERN)
_OTHER = re.compile(r"[^a-z0-9]+")


def slug(label: str, *, fallback: str) -> str:
    """'Skill:Active Learning' -> 'skill-active-learning'; `fallback` when nothing is left."""
    text = _OTHER.sub("-", unidecode(label).lower()).strip("-")
    return text[:MAX_LENGTH].rstrip("-") or fallback


def codes(labels: Sequence[str], *, kind: str) -> list[str]:
    """A unique code per label, in order: the labels themselves if they are all codes."""
    if all(_CODE.fullmatch(label) for label in labels) and len(set(labels)) == len(labels):
        return list(labels)
    bases = [slug(label, fallback=f"{kind}-{n}") for n, label in enumerate(labels, start=1)]
    taken = set(bases)
    seen: set[str] = set()
    # The next suffix to try for each base: restarting at 2 made many equal slugs quadratic.
    next_suffix: dict[str, int] = {}
    found = []
    for base in bases:
        code = base
        if code in seen:
            suffix = next_suffix.get(base, 2)
            while f"{base}-{suffix}" in taken:
                suffix += 1
            code = f"{base}-{suffix}"
            next_suffix[base] = suffix + 1
            taken.add(code)
        seen.add(code)
        found.append(code)
    return found
