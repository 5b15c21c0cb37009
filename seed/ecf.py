"""Annex 2: the e-CF 2.0 competences, one four-'Dimension' block each.

Dimension 1 is the area, 2 the code, title and description run together, 3 the
five level descriptors ('not applicable' for the levels that do not exist), 4
the knowledge (K1..) and skill (S1..) items on one line, flattened: the item
markers are the only item boundaries left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from graph.models import Competence, KnowledgeItem, LevelDescriptor
from seed.anomalies import AnomalyLog
from seed.cigref import AREA_NAMES
from seed.errors import SourceFormatError
from seed.text import Line, capitalise_first, clean

DIMENSION = re.compile(r"^Dimension ([1-4])\t(.*)$")
HEAD = re.compile(r"^([A-E])(\d{1,2})\.\s+(.*)$")
AREA_LABEL = re.compile(r"^([A-E])\.\s+([A-Z]+)")
# An item marker: K or S, its number, then a separator before the item's text. The
# source mostly prints 'S5 text', but also 'S6. Text' (D4) and 'S5,text' (E2): any run
# of spaces and punctuation after the number separates; a letter or digit does not.
ITEM = re.compile(r"\b([KS])(\d{1,2})([\s.,:;)-]+)")
NOT_APPLICABLE = "not applicable"


def blocks(lines: list[Line]) -> list[dict[int, list[Line]]]:
    """Each competence block as dimension -> its header line and the lines after it."""
    result: list[dict[int, list[Line]]] = []
    dimension = 0
    for number, raw in lines:
        match = DIMENSION.match(raw)
        if match:
            dimension = int(match.group(1))
            if dimension == 1:
                result.append({})
            result[-1][dimension] = [(number, match.group(2))]
        elif raw.strip() and result and dimension:
            result[-1][dimension].append((number, raw))
    return result


def competence(block: dict[int, list[Line]], titles: Iterable[str], log: AnomalyLog) -> Competence:
    """One competence from its block; `titles` are the known titles used to cut dimension 2."""
    number, head = block[2][0]
    match = HEAD.match(clean(head))
    if not match:
        raise SourceFormatError(f"line {number}: no competence code in {head[:60]!r}")
    area, index, text = match.groups()
    code = f"{area}{index}"
    _check_area(block[1][0], code, log)
    title, description = split_title(number, text, titles, log)
    knowledge, skills = knowledge_items(code, block.get(4, []), log)
    return Competence(
        code=code,
        area=area,
        title=title,
        description=description,
        levels=level_descriptors(block[3], log),
        knowledge=knowledge,
        skills=skills,
    )


def _check_area(label_line: Line, code: str, log: AnomalyLog) -> None:
    number, text = label_line
    label = AREA_LABEL.match(text.strip())
    if not label or label.group(1) != code[0] or AREA_NAMES[code[0]] != label.group(2):
        log.add(number, "area label", text, f"annex label disagrees with {code}; the code decides")


def split_title(number: int, text: str, titles: Iterable[str], log: AnomalyLog) -> tuple[str, str]:
    """Cut 'IS and Business Strategy Alignment Anticipates ...' after the longest known title."""
    folded = text.casefold()
    fits = [t for t in titles if folded.startswith(t.casefold() + " ")]
    if not fits:
        raise SourceFormatError(f"line {number}: no known competence title starts {text[:60]!r}")
    size = max(len(t) for t in fits)
    title, description = text[:size], text[size:].strip()
    if title != capitalise_first(title):
        log.add(number, "lower-case title", title, "first letter capitalised")
    return capitalise_first(title), description


def level_descriptors(lines: list[Line], log: AnomalyLog) -> tuple[LevelDescriptor, ...]:
    """The applicable levels: the row under 'Level 1 .. Level 5', 'not applicable' skipped."""
    number, raw = lines[1]
    texts = [clean(cell) for cell in raw.split("\t")[1:]]
    if len(texts) != 5:
        log.add(number, "level row", raw, f"{len(texts)} cells instead of 5; read left to right")
    return tuple(
        LevelDescriptor(level=level, descriptor=text)
        for level, text in enumerate(texts[:5], start=1)
        if text and text.casefold() != NOT_APPLICABLE
    )


def knowledge_items(
    code: str, lines: list[Line], log: AnomalyLog
) -> tuple[tuple[KnowledgeItem, ...], tuple[KnowledgeItem, ...]]:
    """K1.. and S1.. items of the line under the 'Knowledge / Skills' header, keyed 'A1.K1'."""
    if len(lines) < 2:
        number = lines[0][0] if lines else 0
        log.add(number, "missing knowledge and skills", code, "document ends; none recorded")
        return (), ()
    number, raw = lines[1]
    found: dict[str, list[KnowledgeItem]] = {"K": [], "S": []}
    for item in split_items(raw):
        key = f"{code}.{item.kind}{item.number}"
        found[item.kind].append(KnowledgeItem(key=key, text=item.text))
        if item.separator != " ":
            printed = f"{item.kind}{item.number}{item.separator}{item.text}"
            log.add(number, "item marker", printed, f"read as item {key}")
    for kind, listed in found.items():
        numbers = [int(item.key.split(kind)[-1]) for item in listed]
        if numbers != list(range(1, len(numbers) + 1)):
            log.add(number, "item numbering", raw, f"{code} {kind} items numbered {numbers}; kept")
    return tuple(found["K"]), tuple(found["S"])


class Item(NamedTuple):
    """One knowledge (K) or skill (S) item as printed: marker, separator, text."""

    kind: str
    number: int
    separator: str
    text: str


def split_items(line: str) -> list[Item]:
    """The K/S items of a flattened line, each running from its marker to the next one.

    Items are cut at markers only, so the layout (the cell an item sits in, how many
    tabs between the knowledge and the skills) does not matter.
    """
    marks = list(ITEM.finditer(line))
    return [
        Item(
            kind=mark.group(1),
            number=int(mark.group(2)),
            separator=mark.group(3),
            text=clean(line[mark.end() : following.start() if following else len(line)]),
        )
        for mark, following in zip(marks, [*marks[1:], None], strict=True)
    ]
