"""Documented career links: moves between named roles that the source states in words.

Every sentence inside a role sheet is scanned for a career cue ("may lead to",
"possibility of becoming", "comes from", ...). The cue fixes the direction;
role names found after it (titles, alternative titles, and the few aliases
below) fix the other end. A cue sentence that names no other role of the
nomenclature is kept as a career mention of the sheet's role instead.

A sentence that opens with a conditional clause ("If they initially came from
Business departments, they could move on to ...") limits the move to the people
the clause names: the clause, as written, becomes the link's `condition`. Only a
leading "If", "Only if", "Provided (that)" or "Where" clause counts; a sentence
that merely describes the role's holder ("Entrusted to an experienced Manager,
...") states no condition on the move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from graph.models import DocumentedLink, Evidence, Role
from seed.roles import SheetText
from seed.text import clean

Direction = Literal["to", "from"]

# Cue -> direction of the move relative to the sheet's role:
# "to": the sheet's role leads to the named role; "from": the named role leads to it.
CUE_PATTERNS: tuple[tuple[str, Direction], ...] = (
    (r"\bmay lead to\b", "to"),
    (r"\bpossibility of becoming\b", "to"),
    (r"\bpotential for becoming\b", "to"),
    (r"\bcould move on to\b", "to"),
    (r"\bmay move into\b", "to"),
    (r"\bstepping stone\b", "to"),
    (r"\bcareer development\b", "to"),
    (r"\bpromotions? within\b", "to"),
    (r"\bjob mobility\b", "to"),
    (r"\bcomes? from\b", "from"),
    (r"\bcame from\b", "from"),
    (r"\bmoving towards\b", "from"),
    (r"\beither as an?\b", "from"),
    (r"\bpossible profiles\b", "from"),
    (r"\bexperience in [\w ]+ roles\b", "from"),
)
CUES = tuple((re.compile(pattern, re.IGNORECASE), d) for pattern, d in CUE_PATTERNS)

# Names the document uses for a role that are neither its title nor an alternative title.
ALIASES: dict[str, tuple[str, str]] = {
    "Project Director": (
        "2.1",
        "the 2.1 Head of Project sheet calls its holder 'the Project Director' (lines 826, 909)",
    ),
}

# Names in cue sentences that look like destinations or origins but are not roles of the
# nomenclature: the report gives the reason next to the career mention.
NOT_ROLES: dict[str, str] = {
    "Information Systems Department": "a department of the company, not a role",
    "Business departments": "the business side of the company, not a role",
    "Business users": "users from the business, not a role",
    "research functions": "no research role in the nomenclature",
    "developer": "no role is called developer (the closest, 3.2, is 'Programmer')",
    "management positions": "no particular management role is named",
    "higher functions": "no particular role is named",
    "IT personnel": "any IT staff, not a role",
    "experienced user": "a user, not a role",
    "within the company": "no particular role is named",
}

# A leading conditional clause, up to its comma (module docstring).
CONDITION = re.compile(r"^((?:Only if|If|Provided(?: that)?|Where)\b[^,]+),")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z])")
# Where a sheet talks about careers; activity and competence text never does.
SCANNED_SECTIONS = ("mission", "career", "trends")


@dataclass(frozen=True)
class Mention:
    """A cue sentence of a role sheet and the roles it names (none: a career mention)."""

    role: str
    line: int
    quote: str
    direction: Direction
    cue: str
    targets: tuple[tuple[str, str], ...]  # (role code, how the name was mapped)


def mentions(sheets: list[SheetText], roles: list[Role]) -> list[Mention]:
    """Every cue sentence of the mission, career and trends sections, with the roles it names."""
    names = _role_names(roles)
    found: list[Mention] = []
    for sheet in sheets:
        for section in SCANNED_SECTIONS:
            for number, raw in sheet.sections.get(section, []):
                for sentence in _sentences(raw):
                    mention = _mention(sheet.code, number, sentence, names)
                    if mention:
                        found.append(mention)
    return found


def _sentences(raw: str) -> list[str]:
    """Sentences of each table cell of a line, list bullets removed."""
    return [
        sentence.strip(" -")
        for cell in raw.split("\t")
        for sentence in SENTENCE_END.split(clean(cell).replace("• ", ""))
        if sentence.strip(" -")
    ]


def _mention(
    role: str, number: int, sentence: str, names: dict[str, list[tuple[str, str]]]
) -> Mention | None:
    """The mention in one sentence: the named roles after the last cue before them."""
    cues = [(m.start(), m.group(), d) for p, d in CUES for m in p.finditer(sentence)]
    if not cues:
        return None
    cues.sort()
    named = _named_roles(sentence, names, exclude=role)
    if named:
        start = min(position for position, _, _ in named)
        before = [c for c in cues if c[0] < start] or cues
        _, cue, direction = before[-1]
    else:
        _, cue, direction = cues[0]
    targets = tuple((code, how) for _, code, how in named)
    return Mention(role, number, sentence, direction, cue, targets)


def _role_names(roles: list[Role]) -> dict[str, list[tuple[str, str]]]:
    """Every name -> the roles it designates, with how (title, alt title or alias)."""
    names: dict[str, list[tuple[str, str]]] = {}
    for role in roles:
        names.setdefault(role.title, []).append((role.code, f"title of {role.code}"))
        for alt in role.alt_titles:
            names.setdefault(alt, []).append(
                (role.code, f"alternative title of {role.code} {role.title}")
            )
    for alias, (code, why) in ALIASES.items():
        names.setdefault(alias, []).append((code, f"alias: {why}"))
    return names


def _named_roles(
    sentence: str, names: dict[str, list[tuple[str, str]]], exclude: str
) -> list[tuple[int, str, str]]:
    """(position, role code, mapping) for each role named; longest names win overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name)}\b", sentence, re.IGNORECASE):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            for code, how in names[name]:
                if code != exclude:
                    found.append((span[0], code, f"'{match.group()}' is the {how}"))
    return sorted(found)


def unnamed_reasons(mention: Mention) -> list[str]:
    """Why a cue sentence without a named role is not a link, from `NOT_ROLES`."""
    reasons = [
        f"'{name}': {why}"
        for name, why in NOT_ROLES.items()
        if name.casefold() in mention.quote.casefold()
    ]
    return reasons or ["names no role of the nomenclature"]


def attach_mentions(roles: list[Role], found: list[Mention]) -> list[Role]:
    """Roles with their career mentions: cue sentences that name no other role."""
    by_role: dict[str, list[str]] = {}
    for mention in found:
        if not mention.targets:
            by_role.setdefault(mention.role, []).append(mention.quote)
    return [
        role.model_copy(update={"career_mentions": tuple(by_role.get(role.code, ()))})
        for role in roles
    ]


def documented_links(found: list[Mention]) -> list[DocumentedLink]:
    """One link per (mention, named role), directed by the cue."""
    links: list[DocumentedLink] = []
    for mention in found:
        for code, how in mention.targets:
            source, target = (
                (mention.role, code) if mention.direction == "to" else (code, mention.role)
            )
            note = f"{how}; cue '{mention.cue}': {source} -> {target}"
            evidence = Evidence(quote=mention.quote, line=mention.line)
            links.append(
                DocumentedLink(
                    source=source,
                    target=target,
                    evidence=evidence,
                    note=note,
                    condition=condition_of(mention.quote),
                )
            )
    return links


def condition_of(quote: str) -> str:
    """The conditional clause a quote opens with, if any: who the move is for."""
    found = CONDITION.match(quote)
    return found.group(1) if found else ""
