"""The CSV format: a dataset as the spreadsheets an HR department keeps (docs/datasets.md).

One UTF-8 CSV file per table, each with a header row; columns may come in any order and
optional columns (and the optional files items.csv, role_details.csv, links.csv) may be
left out. Lists become rows (a role's requirements in requirements.csv, its deliverables
in role_details.csv), so no cell needs a list syntax; the one exception is a
requirement's levels: "3", "2;3;4" (all of them: And) or "1|3" (either: Or).

Reading checks everything before returning: each cell as it is read (codes, numbers,
levels within the scale), then the whole dataset through graph.validation, whose
findings are mapped back to the cell they come from. Every error names file, line and
column. Writing gives the same dataset back: read(write(d)) == canonical(d).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from graph.csvsafe import csv_text
from graph.datafiles import canonical
from graph.errors import DatasetError
from graph.formats.bundles import Bundle
from graph.formats.csvtext import Progress, Row, decode, located, read_table
from graph.models import (
    Activity,
    Area,
    Combine,
    Competence,
    Dataset,
    DocumentedLink,
    Evidence,
    Family,
    KnowledgeItem,
    LevelDescriptor,
    Requirement,
    Role,
    Scale,
)
from graph.validation import problems

ModelT = TypeVar("ModelT", bound=BaseModel)
CodedT = TypeVar("CodedT", Family, Area)

DATASET = "dataset.csv"
SCALE = "scale.csv"
AREAS = "areas.csv"
COMPETENCES = "competences.csv"
LEVELS = "levels.csv"
ITEMS = "items.csv"
FAMILIES = "families.csv"
ROLES = "roles.csv"
REQUIREMENTS = "requirements.csv"
DETAILS = "role_details.csv"
LINKS = "links.csv"

# file -> its columns, in the order the writer puts them.
COLUMNS: dict[str, tuple[str, ...]] = {
    DATASET: ("field", "value"),
    SCALE: ("level", "label"),  # every other column is a mapping (e.g. EQF)
    AREAS: ("code", "name"),
    COMPETENCES: ("code", "area", "title", "description"),
    LEVELS: ("competence", "level", "descriptor"),
    ITEMS: ("competence", "kind", "key", "text"),
    FAMILIES: ("code", "name", "description"),
    ROLES: (
        "code",
        "family",
        "title",
        "mission",
        "trends",
        "career_profile",
        "career_experience",
        "career_note",
        "career_min_years",
        "source_lines",
        "job_zone",
    ),
    REQUIREMENTS: ("role", "competence", "levels"),
    DETAILS: ("role", "field", "heading", "text"),
    LINKS: ("source", "target", "quote", "line", "note", "condition"),
}
# Columns a file may leave out (every cell of them empty).
OPTIONAL_COLUMNS = frozenset(
    {
        "description",
        "descriptor",
        "mission",
        "trends",
        "career_profile",
        "career_experience",
        "career_note",
        "career_min_years",
        "source_lines",
        "job_zone",
        "heading",
        "line",
        "note",
        "condition",
    }
)
OPTIONAL_FILES = frozenset({ITEMS, DETAILS, LINKS})
FILES = tuple(COLUMNS)
META_FIELDS = ("id", "name", "source", "licence", "attribution")
ITEM_KINDS = ("knowledge", "skill")
# A requirement's levels: all of them (And) or either (Or).
AND, OR = ";", "|"
# role_details.csv `field` -> the Role field whose list it fills.
DETAIL_FIELDS = {
    "alt_title": "alt_titles",
    "activity_intro": "activities_intro",
    "activity": "activities",
    "deliverable": "deliverables",
    "kpi": "kpis",
    "career_mention": "career_mentions",
}
# Role model field -> roles.csv column, for model errors.
ROLE_COLUMNS = {
    "career.profile": "career_profile",
    "career.experience": "career_experience",
    "career.note": "career_note",
    "career.min_experience_years": "career_min_years",
}

# (JSON file, record, field) as graph.validation names a finding -> the cell it comes from
# (row and column, formatted only when a finding needs it).
Places = dict[tuple[str, str, str], tuple[Row, str]]


def write_catalogue(dataset: Dataset) -> dict[str, str]:
    """The CSV files of `dataset`, by name, in canonical order: equal data, equal bytes."""
    d = canonical(dataset)
    mappings = d.scale.mappings
    tables: dict[str, list[Sequence[object]]] = {
        DATASET: [(name, getattr(d, name)) for name in META_FIELDS],
        SCALE: [
            (level, label, *(values[level - 1] for values in mappings.values()))
            for level, label in enumerate(d.scale.labels, start=1)
        ],
        AREAS: [(a.code, a.name) for a in d.areas],
        COMPETENCES: [(c.code, c.area, c.title, c.description) for c in d.competences],
        LEVELS: [(c.code, v.level, v.descriptor) for c in d.competences for v in c.levels],
        ITEMS: [
            (c.code, kind, item.key, item.text)
            for c in d.competences
            for kind, items in zip(ITEM_KINDS, (c.knowledge, c.skills), strict=True)
            for item in items
        ],
        FAMILIES: [(f.code, f.name, f.description) for f in d.families],
        ROLES: [_role_row(r) for r in d.roles],
        REQUIREMENTS: [
            (r.code, q.competence, levels_text(q)) for r in d.roles for q in r.requirements
        ],
        DETAILS: [row for r in d.roles for row in _detail_rows(r)],
        LINKS: [
            (k.source, k.target, k.evidence.quote, k.evidence.line or "", k.note, k.condition)
            for k in d.links
        ],
    }
    headers = {**COLUMNS, SCALE: (*COLUMNS[SCALE], *mappings)}
    return {name: csv_text(headers[name], rows) for name, rows in tables.items()}


def levels_text(requirement: Requirement) -> str:
    return (OR if requirement.combine == "or" else AND).join(map(str, requirement.levels))


def _role_row(role: Role) -> tuple[object, ...]:
    career = role.career
    return (
        role.code,
        role.family,
        role.title,
        role.mission,
        role.trends,
        career.profile if career else "",
        career.experience if career else "",
        (career.note or "") if career else "",
        _blank_if_none(career.min_experience_years if career else None),
        f"{role.source_lines[0]}-{role.source_lines[1]}" if role.source_lines else "",
        _blank_if_none(role.job_zone),
    )


def _blank_if_none(value: int | None) -> object:
    return "" if value is None else value


def _detail_rows(role: Role) -> Iterable[tuple[str, str, str, str]]:
    """(role, field, heading, text); an activity without tasks is one row with no text."""
    for field, attribute in DETAIL_FIELDS.items():
        if field == "activity":
            for activity in role.activities:
                for task in activity.tasks or ("",):
                    yield role.code, field, activity.name, task
        else:
            for text in getattr(role, attribute):
                yield role.code, field, "", text


def read_catalogue(bundle: Bundle, *, progress: Progress | None = None) -> Dataset:
    """The dataset in `bundle`'s CSV files, validated whole; errors name file, line, column."""
    tables = {name: _rows(bundle, name, progress) for name in FILES}
    meta = _meta(tables[DATASET])
    scale = _scale(tables[SCALE])
    places: Places = {}
    areas = _simple(tables[AREAS], Area, "areas.json", "area", places)
    families = _simple(tables[FAMILIES], Family, "families.json", "family", places)
    competences = _competences(tables, scale, places)
    roles = _roles(tables, scale, places)
    links = _links(tables[LINKS], places)
    dataset = _dataset(tables[DATASET], meta, scale, families, areas, competences, roles, links)
    found = [
        f"{_where(places[key])}: {p.message}"
        if (key := (p.file, p.record, p.field)) in places
        else str(p)
        for p in problems(dataset)
    ]
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise DatasetError(f"{found[0]}{more}", tuple(found))
    return dataset


def _where(place: tuple[Row, str]) -> str:
    row, column = place
    return row.where(column)


def _rows(bundle: Bundle, name: str, progress: Progress | None) -> list[Row]:
    data = bundle.get(name) if name in OPTIONAL_FILES else bundle.require(name)
    if data is None:
        return []
    columns = COLUMNS[name]
    _, rows = read_table(
        name,
        decode(name, data),
        required=[c for c in columns if c not in OPTIONAL_COLUMNS],
        optional=[c for c in columns if c in OPTIONAL_COLUMNS],
        free=name == SCALE,
        progress=progress,
    )
    return rows


def _build(
    model: type[ModelT], row: Row, data: Mapping[str, Any], columns: Mapping[str, str] = {}
) -> ModelT:
    """`data` through `model`; its first error is reported at the cell of the failing field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        column = columns.get(field, field.split(".")[0])
        raise row.error(column, first["msg"].removeprefix("Value error, ")) from None


def _number(row: Row, column: str, *, minimum: int = 0) -> int:
    text = row[column].strip()
    if not text.isdigit() or int(text) < minimum:
        raise row.error(column, f"{text!r} is not a whole number of at least {minimum}")
    return int(text)


def _meta(rows: list[Row]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in rows:
        field = row["field"].strip()
        if field not in META_FIELDS:
            raise row.error("field", f"unknown field {field!r} (fields: {', '.join(META_FIELDS)})")
        if field in meta:
            raise row.error("field", f"duplicate field {field!r}")
        meta[field] = row["value"].strip() if field == "id" else row["value"]
    for field in ("id", "name"):
        if not meta.get(field, "").strip():
            raise located(DATASET, 1, 1, f"no {field!r} row with a value: the dataset needs one")
    return meta


def _scale(rows: list[Row]) -> Scale:
    if not rows:
        raise located(SCALE, 1, 1, "no level: the scale needs at least one row")
    labels: list[str] = []
    for expected, row in enumerate(rows, start=1):
        if _number(row, "level", minimum=1) != expected:
            raise row.error(
                "level", f"levels are numbered 1, 2, 3... in order: expected {expected}"
            )
        label = row["label"].strip()
        if not label or label in labels:
            raise row.error("label", f"{'duplicate' if label else 'empty'} label {label!r}")
        labels.append(label)
    names = [c for c in rows[0].columns if c not in ("level", "label")]
    return _build(
        Scale,
        rows[-1],
        {"labels": labels, "mappings": {n: [row[n] for row in rows] for n in names}},
    )


def _simple(
    rows: list[Row], model: type[CodedT], file: str, what: str, places: Places
) -> list[CodedT]:
    """Families or areas: one record per row, codes located for duplicates."""
    found = []
    for row in rows:
        record = _build(model, row, {**row.values, "code": row["code"].strip()})
        places[file, f"{what} {record.code}", "code"] = (row, "code")
        found.append(record)
    return found


def _grouped(rows: list[Row], column: str, known: set[str], what: str) -> dict[str, list[Row]]:
    """Rows by the code in `column`, which must be one of `known` (e.g. a competence)."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        code = row[column].strip()
        if code not in known:
            raise row.error(column, f"unknown {what} {code!r}")
        groups[code].append(row)
    return groups


def _competences(tables: dict[str, list[Row]], scale: Scale, places: Places) -> list[Competence]:
    rows = tables[COMPETENCES]
    codes = {row["code"].strip() for row in rows}
    levels = _grouped(tables[LEVELS], "competence", codes, "competence")
    items = _grouped(tables[ITEMS], "competence", codes, "competence")
    found = []
    for row in rows:
        code = row["code"].strip()
        record = f"competence {code}"
        places["competences.json", record, "code"] = (row, "code")
        places["competences.json", record, "area"] = (row, "area")
        descriptors = _levels(levels.get(code, []), scale)
        if not descriptors:
            raise row.error("code", f"competence {code} has no level in {LEVELS}")
        for index, (level_row, _) in enumerate(descriptors):
            places["competences.json", record, f"levels[{index}].level"] = (level_row, "level")
        knowledge, skills = _items(items.get(code, []), places)
        data = {
            "code": code,
            "area": row["area"].strip(),
            "title": row["title"],
            "description": row["description"],
            "levels": [descriptor for _, descriptor in descriptors],
            "knowledge": knowledge,
            "skills": skills,
        }
        found.append(_build(Competence, row, data))
    return found


def _levels(rows: list[Row], scale: Scale) -> list[tuple[Row, LevelDescriptor]]:
    """One competence's level rows, ascending; a level twice or outside the scale fails."""
    seen: dict[int, Row] = {}
    for row in rows:
        level = _number(row, "level", minimum=1)
        if level > scale.top:
            raise row.error("level", f"level {level} is outside the scale 1..{scale.top}")
        if level in seen:
            first = seen[level].line
            raise row.error("level", f"level {level} given twice (first on line {first})")
        seen[level] = row
    return [
        (row, _build(LevelDescriptor, row, {"level": level, "descriptor": row["descriptor"]}))
        for level, row in sorted(seen.items())
    ]


def _items(rows: list[Row], places: Places) -> tuple[list[KnowledgeItem], list[KnowledgeItem]]:
    found: dict[str, list[KnowledgeItem]] = {kind: [] for kind in ITEM_KINDS}
    for row in rows:
        kind = row["kind"].strip()
        if kind not in found:
            raise row.error("kind", f"{kind!r} is neither {' nor '.join(ITEM_KINDS)}")
        item = _build(KnowledgeItem, row, {"key": row["key"].strip(), "text": row["text"]})
        places["competences.json", f"item {item.key}", "key"] = (row, "key")
        found[kind].append(item)
    return found["knowledge"], found["skill"]


def _roles(tables: dict[str, list[Row]], scale: Scale, places: Places) -> list[Role]:
    rows = tables[ROLES]
    codes = {row["code"].strip() for row in rows}
    requirements = _grouped(tables[REQUIREMENTS], "role", codes, "role")
    details = _grouped(tables[DETAILS], "role", codes, "role")
    found = []
    for row in rows:
        code = row["code"].strip()
        places["roles.json", f"role {code}", "code"] = (row, "code")
        places["roles.json", f"role {code}", "family"] = (row, "family")
        places["roles.json", f"role {code}", "requirements"] = (row, "code")
        data = {
            "code": code,
            "family": row["family"].strip(),
            "title": row["title"],
            "mission": row["mission"],
            "trends": row["trends"],
            "career": _career(row),
            "source_lines": _source_lines(row),
            "job_zone": _number(row, "job_zone", minimum=1) if row["job_zone"].strip() else None,
            "requirements": _requirements(code, requirements.get(code, []), scale, places),
            **_details(details.get(code, [])),
        }
        found.append(_build(Role, row, data, ROLE_COLUMNS))
    return found


def _career(row: Row) -> dict[str, Any] | None:
    """The career section when any career cell is filled, even with blanks only: the
    writer puts a profile of " " as is, and it must read back as a career, not as none."""
    cells = ("career_profile", "career_experience", "career_note", "career_min_years")
    if not any(row[c] for c in cells):
        return None
    years = row["career_min_years"].strip()
    return {
        "profile": row["career_profile"],
        "experience": row["career_experience"],
        "note": row["career_note"] or None,
        "min_experience_years": _number(row, "career_min_years") if years else None,
    }


def _source_lines(row: Row) -> tuple[int, int] | None:
    text = row["source_lines"].strip()
    if not text:
        return None
    first, _, last = text.partition("-")
    if not (first.isdigit() and last.isdigit()):
        raise row.error("source_lines", f"{text!r} is not a line range like 396-465")
    return int(first), int(last)


def _requirements(role: str, rows: list[Row], scale: Scale, places: Places) -> list[Requirement]:
    found: list[Requirement] = []
    first: dict[str, Row] = {}
    for row in rows:
        competence = row["competence"].strip()
        if competence in first:
            raise row.error(
                "competence",
                f"role {role} requires {competence} twice (first on line {first[competence].line})",
            )
        first[competence] = row
        levels, combine = parse_levels(row, scale)
        index = len(found)
        for field in ("competence", "levels"):
            key = f"requirements[{index}].{field}"
            places["roles.json", f"role {role}", key] = (row, field)
        data = {"competence": competence, "levels": levels, "combine": combine}
        found.append(_build(Requirement, row, data))
    return found


def parse_levels(row: Row, scale: Scale) -> tuple[tuple[int, ...], Combine]:
    """'3', '2;3;4' (And) or '1|3' (Or); each a level number or a label of the scale."""
    text = row["levels"].strip()
    if AND in text and OR in text:
        raise row.error("levels", f"{text!r} mixes {AND!r} (and) with {OR!r} (or)")
    combine: Combine = "or" if OR in text else "and"
    parts = [part.strip() for part in text.split(OR if combine == "or" else AND)]
    return tuple(sorted(_level(row, part, scale) for part in parts)), combine


def _level(row: Row, text: str, scale: Scale) -> int:
    if text.isdigit():
        level = int(text)
    elif text in scale.labels:
        level = scale.labels.index(text) + 1
    else:
        labels = ", ".join(scale.labels)
        raise row.error(
            "levels", f"{text!r} is not a level: a number 1..{scale.top} or a label ({labels})"
        )
    if not 1 <= level <= scale.top:
        raise row.error("levels", f"level {level} is outside the scale 1..{scale.top}")
    return level


def _details(rows: list[Row]) -> dict[str, Any]:
    """A role's list fields from its role_details.csv rows, in row order."""
    lists: dict[str, list[Any]] = {attribute: [] for attribute in DETAIL_FIELDS.values()}
    activities: dict[str, list[str]] = {}
    for row in rows:
        field, text, heading = row["field"].strip(), row["text"], row["heading"].strip()
        if field not in DETAIL_FIELDS:
            known = ", ".join(DETAIL_FIELDS)
            raise row.error("field", f"unknown field {field!r} (fields: {known})")
        if field == "activity":
            if not heading:
                raise row.error("heading", "an activity row needs the activity's name as heading")
            tasks = activities.setdefault(heading, [])
            if text:
                tasks.append(text)
            continue
        if heading:
            raise row.error("heading", "a heading belongs to activity rows only")
        if not text:
            raise row.error("text", "empty text")
        lists[DETAIL_FIELDS[field]].append(text)
    lists["activities"] = [Activity(name=name, tasks=tuple(t)) for name, t in activities.items()]
    return lists


def _links(rows: list[Row], places: Places) -> list[DocumentedLink]:
    found = []
    for index, row in enumerate(rows):
        source, target = row["source"].strip(), row["target"].strip()
        line = _number(row, "line", minimum=1) if row["line"].strip() else None
        data = {
            "source": source,
            "target": target,
            "evidence": Evidence(quote=row["quote"], line=line),
            "note": row["note"],
            "condition": row["condition"],
        }
        link = _build(DocumentedLink, row, data)
        for end in ("source", "target"):
            places["links.json", f"link {index} ({source} -> {target})", end] = (row, end)
        found.append(link)
    return found


def _dataset(
    meta_rows: list[Row],
    meta: dict[str, str],
    scale: Scale,
    families: list[Family],
    areas: list[Area],
    competences: list[Competence],
    roles: list[Role],
    links: list[DocumentedLink],
) -> Dataset:
    """The Dataset; a bad id or name is reported on its dataset.csv row."""
    try:
        return Dataset(
            **{field: meta.get(field, "") for field in META_FIELDS},
            scale=scale,
            families=tuple(families),
            areas=tuple(areas),
            competences=tuple(competences),
            roles=tuple(roles),
            links=tuple(links),
        )
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0])
        row = next((r for r in meta_rows if r["field"].strip() == field), meta_rows[0])
        raise row.error("value", error.errors()[0]["msg"]) from None
