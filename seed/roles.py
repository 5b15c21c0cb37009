"""One role data sheet -> the fields of a `Role`.

A sheet is a run of source lines between two role titles. Page furniture (page
numbers, repeated titles, footers, "COMPETENCES (continued)") is dropped and
recorded; every section is parsed by its own small function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.models import Activity, CareerProfile, Requirement
from seed.anomalies import AnomalyLog
from seed.cigref import AREA_NAMES
from seed.errors import SourceFormatError
from seed.text import Line, cells, clean, items

# The headings a sheet uses, as the source prints them most of the time.
CANONICAL_HEADINGS: dict[str, str] = {
    "MISSION": "mission",
    "ACTIVITIES AND TASKS": "activities",
    "COMPETENCES *(taken from the European e-Competence Framework)*": "competences",
    "DELIVERABLES": "deliverables",
    "PERFORMANCE INDICATORS": "kpis",
    "CAREER PATH": "career",
    "TRENDS AND FACTORS INFLUENCING CHANGE": "trends",
}
# Heading prefixes that identify a section whatever the variant (French, no emphasis...).
HEADING_PREFIXES: dict[str, str] = {
    "COMPETENCES": "competences",
    "TRENDS AND FACTORS": "trends",
}
CONTINUED_HEADING = "COMPETENCES (continued)"
KNOWLEDGE_POINTER = "The list of knowledge and skills corresponding"

PAGE_NUMBER = re.compile(r"^\d+/\d+$")
TABLE_RULE = re.compile(r"^-{3,}(\t-{3,})*$")
PAGE_FOOTER = "CIGREF"
PLACEHOLDER = "--"

REQUIREMENT = re.compile(r"(?:^|\t)([A-E])(\d{1,2})\.\s+([^\t]+?)\s*\t+\s*Level\s+([1-5])\b")
EXTRA_LEVEL = re.compile(r"(?:^|\t|<p>)\s*(?:<p>)?\s*(And|Or)\s+Level\s+([1-5])\b")
AREA_LABEL = re.compile(r"^([A-E])\.\s+(PLAN|BUILD|RUN|ENABLE|MANAGE)\t")
SENTENCE_END = re.compile(r"[.:;!?)]\W?$")
YEARS = re.compile(r"(\d+)\s*\+?\s*(?:(?:to|or|-)\s*\d+\s*)?years?\b", re.IGNORECASE)


@dataclass
class SheetText:
    """The lines of one sheet, grouped by section, page furniture removed."""

    code: str
    title: str
    first_line: int
    last_line: int
    sections: dict[str, list[Line]] = field(default_factory=dict)
    headings: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RequirementRow:
    """A requirement as the sheet states it, before validation."""

    competence: str
    title: str
    levels: tuple[int, ...]
    connectors: tuple[str, ...]
    line: int


def split_sections(code: str, title: str, lines: list[Line], log: AnomalyLog) -> SheetText:
    """Group a sheet's lines under their headings; the lines before MISSION are 'titles'."""
    non_blank = [n for n, text in lines if text.strip()]
    sheet = SheetText(code, title, lines[0][0], non_blank[-1])
    current = "titles"
    for number, raw in lines[1:]:
        text = raw.strip()
        if not text or _is_furniture(code, title, number, text, current, log):
            continue
        section = _heading(number, text, log)
        if section:
            current = section
            sheet.headings.setdefault(section, number)
            continue
        sheet.sections.setdefault(current, []).append((number, raw))
    _check_sections(sheet, log)
    return sheet


def _check_sections(sheet: SheetText, log: AnomalyLog) -> None:
    """Record sections the sheet lacks or leaves empty."""
    for section in CANONICAL_HEADINGS.values():
        if section not in sheet.headings:
            log.add(sheet.first_line, "missing section", section, "field left empty")
        elif section not in sheet.sections:
            log.add(sheet.headings[section], "empty section", section, "field left empty")


def _is_furniture(
    code: str, title: str, number: int, text: str, current: str, log: AnomalyLog
) -> bool:
    """Page numbers, footers, repeated titles and table rules: recorded, then dropped."""
    if text == f"{code} {title}":
        log.add(number, "repeated role title", text, "page header inside the sheet; dropped")
    elif PAGE_NUMBER.match(text):
        log.add(number, "page number", text, "page marker inside the sheet; dropped")
    elif text == PAGE_FOOTER:
        log.add(number, "page footer", text, "stray page footer inside the sheet; dropped")
    elif TABLE_RULE.match(text):
        log.add(number, "table rule", text, "markdown table rule under the titles; dropped")
    elif text.startswith(KNOWLEDGE_POINTER):
        return True
    elif text == CONTINUED_HEADING and current == "competences":
        log.add(number, "continued heading", text, "competence table continues; dropped")
    else:
        return False
    return True


def _heading(number: int, text: str, log: AnomalyLog) -> str | None:
    """The section a heading line opens, recording non-standard spellings."""
    if text in CANONICAL_HEADINGS:
        return CANONICAL_HEADINGS[text]
    for prefix, section in HEADING_PREFIXES.items():
        if text.startswith(prefix):
            log.add(number, "heading variant", text, f"read as the {section} heading")
            return section
    return None


def alt_titles(sheet: SheetText, log: AnomalyLog) -> tuple[str, ...]:
    """Other names of the role: every cell of the title table, once, not the role's own title."""
    seen: dict[str, str] = {}
    for number, names in _title_rows(sheet.sections.get("titles", []), log):
        for name in names:
            key = name.casefold()
            if key == sheet.title.casefold():
                log.add(number, "own title among alt titles", name, "left out of alt_titles")
            elif key in seen:
                log.add(number, "duplicate alt title", name, "kept once")
            else:
                seen[key] = name
    return tuple(seen.values())


def _title_rows(lines: list[Line], log: AnomalyLog) -> list[tuple[int, list[str]]]:
    """Cells of each title row; a one-cell line right under another is its wrapped end."""
    rows: list[tuple[int, list[str]]] = []
    previous = 0
    for number, raw in lines:
        names = cells(raw)
        if rows and "\t" not in raw and number == previous + 1 and len(rows[-1][1]) == 1:
            log.add(number, "wrapped title", raw, f"joined to {rows[-1][1][0]!r}")
            rows[-1] = (rows[-1][0], [f"{rows[-1][1][0]} {names[0]}"])
        else:
            rows.append((number, names))
        previous = number
    return rows


def paragraphs(lines: list[Line], log: AnomalyLog) -> list[str]:
    """Paragraphs of running text; a paragraph cut in two by the conversion is rejoined."""
    result: list[Line] = []
    for number, raw in lines:
        text = clean(raw)
        if text == PLACEHOLDER:
            log.add(number, "empty placeholder", text, "section left empty")
        elif result and text[:1].islower() and not SENTENCE_END.search(result[-1][1]):
            log.add(number, "split paragraph", text, "joined to the previous line")
            result[-1] = (result[-1][0], f"{result[-1][1]} {text}")
        elif text:
            result.append((number, text))
    for number, text in result:
        if not text.startswith("- ") and not SENTENCE_END.search(text):
            log.add(number, "unfinished sentence", text[-80:], "kept as printed")
    return [text for _, text in result]


def activities(sheet: SheetText, log: AnomalyLog) -> tuple[tuple[Activity, ...], tuple[str, ...]]:
    """Activities with their tasks, and the introductory sentences around the table."""
    named: list[tuple[str, list[str]]] = []
    intro: list[str] = []
    for number, raw in sheet.sections.get("activities", []):
        if "\t" not in raw.strip("\t") and not raw.startswith("\t"):
            intro.append(clean(raw))
            continue
        name, _, rest = raw.partition("\t")
        tasks = task_items(number, rest, log)
        if not clean(name) and named:
            log.add(number, "split row", raw, f"tasks added to activity {named[-1][0]!r}")
            named[-1][1].extend(tasks)
        else:
            named.append((clean(name), tasks))
    return tuple(Activity(name=n, tasks=tuple(t)) for n, t in named), tuple(intro)


LIST_START = re.compile(r"<ul[^>]*>")
# A task of a flattened list starts with a capitalised third-person verb ("Monitors",
# "Is", "Can") right after the end of the previous task.
TASK_START = re.compile(r"(?<=[a-z0-9).])\s+(?=(?:[A-Z][a-z]*s|Can)\b)")
WORD = re.compile(r"[A-Za-z]+")
# Capitalised plural nouns the document uses mid-sentence; they never start a task.
NOT_VERBS = frozenset(
    {"Agreements", "Business", "Businesses", "Managers", "Operations", "Services", "Systems"}
)


def task_items(number: int, cell: str, log: AnomalyLog) -> list[str]:
    """The tasks in one activity cell, splitting lists the conversion flattened."""
    tasks: list[str] = []
    for item in items(LIST_START.sub("", cell)):
        split = _split_flattened(item)
        if len(split) > 1:
            log.add(number, "flattened task list", item, f"split into {len(split)} tasks")
        tasks.extend(split)
    return tasks


def _split_flattened(text: str) -> list[str]:
    """Split 'Does A Does B' before each verb that starts a task, not before a plural noun."""
    pieces: list[str] = []
    start = 0
    for match in TASK_START.finditer(text):
        word = WORD.match(text, match.end())
        if word and word.group() not in NOT_VERBS:
            pieces.append(text[start : match.start()].strip())
            start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def requirement_rows(sheet: SheetText, log: AnomalyLog) -> list[RequirementRow]:
    """Competence rows with every level stated for them ('Level 2', 'And Level 3', 'Or ...')."""
    rows: list[RequirementRow] = []
    for number, raw in sheet.sections.get("competences", []):
        _check_area_label(number, raw, log)
        match = REQUIREMENT.search(raw)
        if match:
            area, index, title, level = match.groups()
            rows.append(RequirementRow(f"{area}{index}", title, (int(level),), (), number))
        rest = raw[match.end() :] if match else raw
        for extra in EXTRA_LEVEL.finditer(rest):
            if rows:
                rows[-1] = _with_extra_level(rows[-1], extra, number, rest, log)
    return rows


def _with_extra_level(
    row: RequirementRow, extra: re.Match[str], number: int, line: str, log: AnomalyLog
) -> RequirementRow:
    """The row with one more stated level; one hidden inside a description cell is recorded."""
    connector, level = extra.group(1), int(extra.group(2))
    if clean(line[: extra.start()]):
        log.add(
            number,
            "level inside description",
            f"{row.competence}: {connector} Level {level}",
            f"added to {row.competence} (row at line {row.line})",
        )
    return RequirementRow(
        row.competence,
        row.title,
        (*row.levels, level),
        (*row.connectors, connector),
        row.line,
    )


def _check_area_label(number: int, raw: str, log: AnomalyLog) -> None:
    """Area labels printed in the sheets are unreliable: record every wrong or misplaced one."""
    label = AREA_LABEL.match(raw)
    if not label:
        return
    letter, name = label.groups()
    code = REQUIREMENT.search(raw)
    if AREA_NAMES[letter] != name:
        log.add(number, "area label", raw, f"label '{letter}. {name}' mixes two areas; ignored")
    elif code is None:
        log.add(number, "area label", raw, "label on the description row (split row); ignored")
    elif code.group(1) != letter:
        log.add(
            number,
            "area label",
            raw,
            f"label '{letter}. {name}' on {code.group(1)}{code.group(2)}; the code decides",
        )


def requirements(rows: list[RequirementRow], log: AnomalyLog) -> tuple[Requirement, ...]:
    """Requirements with their exact, sorted level sets and how the sheet joins them.

    A repeated competence is merged; "And" and "Or" mixed in one requirement cannot be
    kept, so they stop the parse.
    """
    merged: dict[str, set[int]] = {}
    connectors: dict[str, set[str]] = {}
    for row in rows:
        if list(row.levels) != sorted(set(row.levels)):
            log.add(row.line, "level order", str(row.levels), "levels sorted")
        if row.competence in merged:
            log.add(row.line, "repeated competence", row.competence, "levels merged")
        merged.setdefault(row.competence, set()).update(row.levels)
        joined = connectors.setdefault(row.competence, set())
        joined.update(c.casefold() for c in row.connectors)
        if len(joined) > 1:
            raise SourceFormatError(
                f"line {row.line}: {row.competence} joins its levels with both And and Or"
            )
    return tuple(
        Requirement(
            competence=code,
            levels=tuple(sorted(levels)),
            combine="or" if connectors[code] == {"or"} else "and",
        )
        for code, levels in merged.items()
    )


def bullet_list(lines: list[Line]) -> tuple[str, ...]:
    """'- item' lines; a lead-in line ending with ':' is prefixed to the items it introduces."""
    result: list[str] = []
    lead = ""
    for _, raw in lines:
        text = clean(raw)
        if text.startswith("- "):
            item = text[2:].strip()
            result.append(f"{lead} {item[:1].lower()}{item[1:]}" if lead else item)
        elif text.endswith(":"):
            lead = text
        elif text:
            result.append(text)
            lead = ""
    return tuple(result)


def career(sheet: SheetText, log: AnomalyLog) -> CareerProfile:
    """Profile and experience from the two-column table; a one-column row is the note."""
    profile: list[str] = []
    experience: list[str] = []
    notes: list[str] = []
    for number, raw in sheet.sections.get("career", []):
        parts = [*raw.split("\t", 1), ""]
        left, right = clean(parts[0]), clean(parts[1])
        if (left, right) == ("PROFILE", "EXPERIENCE"):
            continue
        if profile and right:
            log.add(number, "second career row", raw, "appended to profile and experience")
        if not profile or right:
            profile.append(left)
            experience.append(right)
        else:
            notes.append("\n".join(items(parts[0])))
    text = " ".join(experience).strip()
    return CareerProfile(
        profile=" ".join(profile).strip(),
        experience=text,
        note="\n".join(notes) or None,
        min_experience_years=min_years(text),
    )


def min_years(experience: str) -> int | None:
    """The smallest number of years the experience text states ('3 to 5 years' -> 3)."""
    match = YEARS.search(experience)
    return int(match.group(1)) if match else None
