"""The matrix format: roles x competences with numeric ratings, quantised into levels.

The first column holds the roles' labels, the header row the competences' labels, each
cell a rating (an empty cell is "not rated"). A quantisation (graph.formats.quantise)
turns ratings into levels of a scale; a rating below its floor is not a requirement.
Codes are derived from the labels (graph.formats.slugs); competences fall into areas
by a label prefix when a separator is given ("Skill:Active Listening" -> area Skill),
else into one area; roles into one family, or the families of a roles -> family CSV.
Every competence has every level of the scale, each described by its rating range.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from pydantic import ValidationError

from graph.errors import DatasetError
from graph.formats.csvtext import (
    Progress,
    check_header,
    check_width,
    decode,
    located,
    read_table,
    records,
)
from graph.formats.quantise import Quantisation, QuantisationReport
from graph.formats.slugs import codes
from graph.models import (
    Area,
    Competence,
    Dataset,
    Family,
    LevelDescriptor,
    Requirement,
    Role,
    Scale,
)
from graph.validation import problems

Floats = npt.NDArray[np.float64]
OTHER_AREA = "Other"


@dataclass(frozen=True)
class MatrixOptions:
    """How to read a matrix: the dataset's identity and provenance, and the quantisation.

    `thresholds`, when given, replace `levels`/`floor`/`top` (see graph.formats.quantise).
    """

    id: str
    name: str = ""
    levels: int = 5
    floor: float = 0.5
    top: float | None = None  # the top level's upper end; default: the highest rating
    thresholds: tuple[float, ...] = ()
    labels: tuple[str, ...] = ()
    area_separator: str = ""  # e.g. ":" for O*NET's "Skill:Active Listening"
    family_name: str = "All roles"
    area_name: str = "All competences"
    source: str = ""
    licence: str = ""
    attribution: str = ""


@dataclass(frozen=True)
class Matrix:
    file: str
    header: str  # the first column's header (names the roles' column)
    roles: list[str]
    lines: list[int]  # where each role's row starts
    competences: list[str]
    ratings: Floats = field(repr=False)  # roles x competences; NaN where not rated


def read_matrix(file: str, data: bytes, *, progress: Progress | None = None) -> Matrix:
    """The labels and ratings of a matrix CSV, every cell checked (file, line, column)."""
    found = records(file, decode(file, data), progress=progress)
    _, header = next(found)
    names = check_header(file, header, expected=2)
    if len(names) < 2:
        raise located(
            file, 1, 1, "one column: a matrix has the roles, then one column per competence"
        )
    for column, name in enumerate(names[1:], start=2):
        if not name:
            raise located(file, 1, column, "empty competence label")
    roles: list[str] = []
    lines: list[int] = []
    first: dict[str, int] = {}
    rows: list[list[float]] = []
    for line, cells in found:
        check_width(file, line, cells, len(names))
        label = cells[0].strip()
        if not label:
            raise located(file, line, 1, "empty role label")
        if label in first:
            raise located(file, line, 1, f"duplicate role {label!r} (first on line {first[label]})")
        first[label] = line
        roles.append(label)
        lines.append(line)
        rows.append(
            [_rating(file, line, column, cell) for column, cell in enumerate(cells[1:], start=2)]
        )
    if not rows:
        raise located(file, 2, 1, "no role: the matrix has a header row only")
    ratings = np.asarray(rows, dtype=np.float64)
    return Matrix(file, names[0], roles, lines, names[1:], ratings)


def _rating(file: str, line: int, column: int, cell: str) -> float:
    text = cell.strip()
    if not text:
        return math.nan
    try:
        value = float(text)
    except ValueError:
        raise located(file, line, column, f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise located(file, line, column, f"{text!r} is not a finite number")
    return value


def read_families(file: str, data: bytes, matrix: Matrix) -> list[str]:
    """Each matrix role's family name, from a CSV of role (label or code), family rows."""
    _, rows = read_table(file, decode(file, data), required=("role", "family"))
    index = {label: i for i, label in enumerate(matrix.roles)}
    index.update({code: i for i, code in enumerate(codes(matrix.roles, kind="role"))})
    names: list[str | None] = [None] * len(matrix.roles)
    for row in rows:
        at = index.get(row["role"].strip())
        if at is None:
            raise row.error("role", f"unknown role {row['role'].strip()!r} (not in {matrix.file})")
        if names[at] is not None:
            raise row.error("role", f"role {row['role'].strip()!r} given a family twice")
        family = row["family"].strip()
        if not family:
            raise row.error("family", "empty family")
        names[at] = family
    for at, name in enumerate(names):
        if name is None:
            raise located(
                matrix.file,
                matrix.lines[at],
                1,
                f"role {matrix.roles[at]!r} has no family in {file}",
            )
    return [name for name in names if name is not None]


def quantisation_for(matrix: Matrix, options: MatrixOptions) -> Quantisation:
    labels = options.labels or None
    if options.thresholds:
        return Quantisation.explicit(options.thresholds, labels)
    rated = matrix.ratings[~np.isnan(matrix.ratings)]
    top = options.top if options.top is not None else float(rated.max(initial=-math.inf))
    return Quantisation.equal_width(options.levels, options.floor, top, labels)


def matrix_dataset(
    matrix: Matrix, options: MatrixOptions, families: Sequence[str] | None = None
) -> tuple[Dataset, QuantisationReport]:
    """The dataset a matrix stands for under `options`, and what the quantisation chose.

    `families`: each role's family name (read_families); None puts every role in one.
    """
    quantisation = quantisation_for(matrix, options)
    levels = quantisation.levels(matrix.ratings)
    _check_every_role_requires(matrix, levels)
    role_codes = codes(matrix.roles, kind="role")
    competence_codes = codes(matrix.competences, kind="competence")
    areas, area_of, titles = _areas(matrix.competences, options)
    family_names = (
        list(families) if families is not None else [options.family_name] * len(matrix.roles)
    )
    family_list = list(dict.fromkeys(family_names))
    family_codes = dict(zip(family_list, codes(family_list, kind="family"), strict=True))
    scale_levels = tuple(
        LevelDescriptor(level=n, descriptor=quantisation.describe(n))
        for n in range(1, len(quantisation.thresholds) + 1)
    )
    competences = tuple(
        Competence(code=code, area=area_of[i], title=titles[i], levels=scale_levels)
        for i, code in enumerate(competence_codes)
    )
    roles = tuple(
        Role(
            code=code,
            family=family_codes[family_names[i]],
            title=matrix.roles[i],
            requirements=tuple(
                Requirement(competence=competence_codes[j], levels=(int(levels[i, j]),))
                for j in np.flatnonzero(levels[i]).tolist()
            ),
        )
        for i, code in enumerate(role_codes)
    )
    try:
        dataset = Dataset(
            id=options.id,
            name=options.name or options.id,
            source=options.source or matrix.file,
            licence=options.licence,
            attribution=options.attribution,
            scale=Scale(labels=quantisation.labels),
            families=tuple(Family(code=c, name=n) for n, c in family_codes.items()),
            areas=areas,
            competences=competences,
            roles=roles,
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise DatasetError(f"{matrix.file}: {where}: {first['msg']}") from None
    found = [str(p) for p in problems(dataset)]
    if found:  # codes are derived unique and levels in range: this would be a bug
        raise DatasetError(f"{matrix.file}: {found[0]}", tuple(found))
    report = QuantisationReport.of(quantisation, levels, role_codes, competence_codes)
    return dataset, report


def _check_every_role_requires(matrix: Matrix, levels: npt.NDArray[np.int64]) -> None:
    """A role left with no requirement is refused at its line (graph.validation's rule)."""
    empty = np.flatnonzero(~levels.any(axis=1))
    if empty.size:
        at = int(empty[0])
        raise located(
            matrix.file,
            matrix.lines[at],
            1,
            f"role {matrix.roles[at]!r} has no rating at or above the floor, so no requirement; "
            "a role needs at least one (lower the floor, or leave the row out)",
        )


def _areas(
    labels: Sequence[str], options: MatrixOptions
) -> tuple[tuple[Area, ...], list[str], list[str]]:
    """The areas, each competence's area code and its title (the label less its prefix)."""
    if not options.area_separator:
        (code,) = codes([options.area_name], kind="area")
        return (Area(code=code, name=options.area_name),), [code] * len(labels), list(labels)
    names, titles = [], []
    for label in labels:
        prefix, found, rest = label.partition(options.area_separator)
        names.append(prefix.strip() if found and prefix.strip() else OTHER_AREA)
        titles.append(rest.strip() if found and rest.strip() else label)
    unique = list(dict.fromkeys(names))
    area_codes = dict(zip(unique, codes(unique, kind="area"), strict=True))
    areas = tuple(Area(code=area_codes[n], name=n) for n in unique)
    return areas, [area_codes[n] for n in names], titles
