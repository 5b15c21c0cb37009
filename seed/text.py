"""Text clean-up for the PDF conversion: HTML fragments, markdown emphasis, split items."""

from __future__ import annotations

import html
import re

# A source line: its 1-based number and its text.
Line = tuple[int, str]

_BREAKS = re.compile(r"</?p>|</?li>|<br\s*/?>|</?ul[^>]*>|[➤•]")
_TAGS = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"\*{1,2}([^*]+)\*{1,2}")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of plain text: tags and emphasis markers removed, spaces collapsed."""
    text = _TAGS.sub(" ", text)
    text = _EMPHASIS.sub(r"\1", html.unescape(text))
    return _SPACES.sub(" ", text).strip()


def items(cell: str) -> list[str]:
    """The items of a cell whose list structure survives as <p>, <li>, ➤ or • markers."""
    parts = (clean(part) for part in _BREAKS.split(cell))
    return [part for part in parts if part]


def cells(line: str) -> list[str]:
    """The non-empty tab-separated cells of a table row, cleaned."""
    return [c for c in (clean(part) for part in line.split("\t")) if c]


def capitalise_first(text: str) -> str:
    """Upper-case the first letter only ('architecture Design' -> 'Architecture Design')."""
    return text[:1].upper() + text[1:]
