"""Parse the CIGREF 2011 source document into a `Dataset`, recording its anomalies.

The document has three parts, found by their headings: the families with their
role data sheets, Annex 1 (the roles x competences matrix, used only as a
cross-check) and Annex 2 (the e-CF 2.0). Parsing is deterministic: the same
source always gives the same dataset and the same anomaly list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from graph.datafiles import canonical
from graph.models import Area, Dataset, Family, Role
from seed import cigref, ecf, links, matrix, roles
from seed.anomalies import Anomaly, AnomalyLog
from seed.errors import SourceFormatError
from seed.text import Line, clean

SEED_DIR = Path(__file__).resolve().parent
DEFAULT_SOURCE = SEED_DIR / "source" / "cigref_2011_en.txt"

FAMILY_HEADING = re.compile(r"^([1-7])\.\s+([^\t]+)$")
FAMILY_ROLES_LEAD = "This family comprises the following roles:"
ROLE_HEADING = re.compile(r"^([1-7]\.\d{1,2})\s+([^\t]+)$")
ANNEX_1 = "ANNEX 1"
ANNEX_2 = "ANNEX 2"


@dataclass(frozen=True)
class Parsed:
    """The dataset and what parsing it revealed, for the report."""

    dataset: Dataset
    anomalies: tuple[Anomaly, ...]
    matrix: tuple[matrix.MatrixRow, ...]
    multi_level: tuple[roles.RequirementRow, ...]
    mentions: tuple[links.Mention, ...]


def read_lines(path: Path) -> list[Line]:
    """The source as (1-based line number, text) pairs."""
    text = path.read_text(encoding="utf-8")
    return list(enumerate(text.split("\n"), start=1))


def parse(path: Path = DEFAULT_SOURCE) -> Parsed:
    """Parse the whole document; a document of another shape raises `SourceFormatError`."""
    try:
        return _parse(read_lines(path))
    except SourceFormatError as error:
        raise SourceFormatError(f"{path.name}: {error.detail}") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise SourceFormatError(
            f"{path.name}: the parsed {error.title} is invalid: {where}: {first['msg']}"
        ) from None


def _parse(lines: list[Line]) -> Parsed:
    """Parse the numbered lines of the document."""
    log = AnomalyLog()
    annex1 = _first(lines, ANNEX_1)
    annex2 = _first(lines, ANNEX_2)
    body, matrix_lines, ecf_lines = (
        lines[: annex1 - 1],
        lines[annex1 - 1 : annex2 - 1],
        lines[annex2 - 1 :],
    )
    family_lines = _family_headings(body)
    sheets = [roles.split_sections(c, t, ls, log) for c, t, ls in _sheets(body, family_lines)]
    rows = {sheet.code: roles.requirement_rows(sheet, log) for sheet in sheets}
    parsed_roles = [_role(sheet, rows[sheet.code], log) for sheet in sheets]
    titles = _known_titles(rows, matrix.header_titles(matrix_lines))
    competences = [ecf.competence(block, titles, log) for block in ecf.blocks(ecf_lines)]
    _check_sheet_titles(rows, {c.code: c.title for c in competences}, log)
    matrix.check_header(matrix_lines, log)
    matrix_rows = matrix.rows(matrix_lines, log)
    found = links.mentions(sheets, parsed_roles)
    dataset = canonical(
        Dataset(
            id=cigref.ID,
            name=cigref.NAME,
            source=cigref.SOURCE,
            licence=cigref.LICENCE,
            attribution=cigref.ATTRIBUTION,
            scale=cigref.SCALE,
            families=tuple(_family(body, n, log) for n in family_lines),
            areas=tuple(Area(code=c, name=n) for c, n in cigref.AREA_NAMES.items()),
            competences=tuple(competences),
            roles=tuple(links.attach_mentions(parsed_roles, found)),
            links=tuple(links.documented_links(found)),
        )
    )
    multi = tuple(r for rs in rows.values() for r in rs if len(r.levels) > 1)
    return Parsed(
        dataset,
        tuple(log.sorted()),
        tuple(matrix_rows),
        multi,
        tuple(found),
    )


def _first(lines: list[Line], prefix: str) -> int:
    """Line number of the first line starting with `prefix` (a part heading)."""
    found = next((n for n, text in lines if text.startswith(prefix)), None)
    if found is None:
        raise SourceFormatError(f"no line starts with {prefix!r}")
    return found


def _family_headings(body: list[Line]) -> list[int]:
    """Line numbers of family headings: the numbered line before 'This family comprises ...'."""
    found: list[int] = []
    for index, (_, text) in enumerate(body):
        if text.strip() == FAMILY_ROLES_LEAD:
            heading = (n for n, t in reversed(body[:index]) if FAMILY_HEADING.match(t.strip()))
            found.append(next(heading, 0) or _missing_family_heading(body[index][0]))
    return found


def _missing_family_heading(line: int) -> int:
    raise SourceFormatError(f"line {line}: no numbered family heading before this line")


def _family(body: list[Line], heading: int, log: AnomalyLog) -> Family:
    """A family from its heading and the description paragraphs under it."""
    match = FAMILY_HEADING.match(body[heading - 1][1].strip())
    assert match, heading
    end = next(
        i for i, (_, t) in enumerate(body) if i >= heading and t.strip() == FAMILY_ROLES_LEAD
    )
    description = roles.paragraphs(body[heading:end], log)
    if match.group(2) != match.group(2).upper():
        log.add(heading, "family heading case", match.group(2), "name normalised to sentence case")
    return Family(
        code=match.group(1),
        name=match.group(2).strip().capitalize(),
        description="\n".join(description),
    )


def _sheets(body: list[Line], family_lines: list[int]) -> list[tuple[str, str, list[Line]]]:
    """(code, title, lines) of each role sheet: from its title to the next sheet or family."""
    starts: list[tuple[int, str, str]] = []
    for number, text in body[family_lines[0] :]:
        match = ROLE_HEADING.match(text.strip())
        if match and (not starts or starts[-1][1] != match.group(1)):
            starts.append((number, match.group(1), match.group(2).strip()))
    ends = [n for n, _, _ in starts[1:]] + [len(body) + 1]
    result = []
    for (start, code, title), end in zip(starts, ends, strict=True):
        stop = min([end, *(f for f in family_lines if start < f < end)])
        result.append((code, title, body[start - 1 : stop - 1]))
    return result


def _role(sheet: roles.SheetText, rows: list[roles.RequirementRow], log: AnomalyLog) -> Role:
    """A role from its parsed sheet."""
    activities, intro = roles.activities(sheet, log)
    return Role(
        code=sheet.code,
        family=sheet.code.split(".")[0],
        title=sheet.title,
        alt_titles=roles.alt_titles(sheet, log),
        mission="\n".join(roles.paragraphs(sheet.sections.get("mission", []), log)),
        activities=activities,
        activities_intro=intro,
        requirements=roles.requirements(rows, log),
        deliverables=roles.bullet_list(sheet.sections.get("deliverables", [])),
        kpis=roles.bullet_list(sheet.sections.get("kpis", [])),
        career=roles.career(sheet, log),
        trends="\n".join(roles.paragraphs(sheet.sections.get("trends", []), log)),
        source_lines=(sheet.first_line, sheet.last_line),
    )


def _check_sheet_titles(
    rows: dict[str, list[roles.RequirementRow]], titles: dict[str, str], log: AnomalyLog
) -> None:
    """Record competence titles a sheet prints differently from Annex 2."""
    for row in (r for rs in rows.values() for r in rs):
        printed = clean(row.title)
        if printed != titles.get(row.competence, printed):
            log.add(
                row.line,
                "competence title",
                printed,
                f"{row.competence} titled '{titles[row.competence]}' as in Annex 2",
            )


def _known_titles(rows: dict[str, list[roles.RequirementRow]], header: list[str]) -> list[str]:
    """Competence titles printed in the sheets and in the matrix header, to cut Annex 2 text."""
    from_sheets = {clean(r.title) for rs in rows.values() for r in rs}
    return sorted(from_sheets | set(header))
