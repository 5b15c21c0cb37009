"""The analysts' query library (cypher/library/*.cypher): what each query is and takes.

Every file opens with a comment block; this module reads it into a LibraryQuery:

    // <name>: <summary>
    //
    // Purpose: ...
    // Parameters: $a ...; $b ...
    // Example: {"a": 1, "b": null}
    // Columns: x, y, z
    // Twin: graph.algorithms.gap.gap — <which part of its answer>
    //   (or)  Twin: analyst-only — <why no Python function answers it>

Every query also takes `$dataset`, the id of the dataset it reads (several live side
by side); it is implicit, not listed, and `library_params` fills in the default.

A field's continuation lines are indented. `Twin` names the Python function whose
answer the query reproduces, so tests/neo4j/test_parity.py holds the two equal; a
query no Python function answers says `analyst-only` and why. Running a query (the
read-only gate) is graph/neo4j/console_gate.py's job, not this module's.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.cypher import CYPHER_DIR, load_query
from graph.errors import LibraryQueryNotFound, QueryFailed, QueryRefused, Suggestion

FIELDS = ("Purpose", "Parameters", "Example", "Columns", "Twin")
# The parameter every query takes without listing it: which dataset to read.
DATASET_PARAM = "dataset"
# The workforce queries' smallest group: never below the service's own.
GROUP_PARAM = "min_group_size"
ANALYST_ONLY = "analyst-only"
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# `<dotted.name>` or `analyst-only`, then a note after a dash (an em dash or -).
_TWIN = re.compile(rf"^(?P<twin>{_NAME}(?:\.{_NAME})+|{ANALYST_ONLY})(?:\s+[—-]+\s*(?P<note>.*))?$")


class LibraryQuery(BaseModel):
    """One cypher/library query, described by its file's comment block."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(examples=["gap"])
    summary: str
    purpose: str
    parameters: list[str] = Field(description="parameter names, without the $")
    parameters_doc: str = Field(description="what each parameter means, as documented")
    example: dict[str, Any] = Field(description="example parameters")
    columns: list[str]
    twin: str | None = Field(
        description="dotted name of the Python function whose answer the query reproduces "
        "(held equal by the parity test); null when the query is analyst-only",
        examples=["graph.algorithms.gap.gap"],
    )
    twin_note: str = Field(
        description="which part of the twin's answer the query gives, or why it has no twin"
    )
    query: str


@cache
def library() -> dict[str, LibraryQuery]:
    """Every library query by name, parsed once from cypher/library/*.cypher."""
    names = sorted(path.stem for path in (CYPHER_DIR / "library").glob("*.cypher"))
    return {name: parse_library_query(name, load_query(f"library/{name}")) for name in names}


def parse_library_query(name: str, text: str) -> LibraryQuery:
    """The LibraryQuery that `text`'s comment block describes; ValueError if it is incomplete."""
    where = f"cypher/library/{name}.cypher"
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line[2:])
    first, _, summary = (header or [""])[0].partition(":")
    fields: dict[str, str] = {}
    current = None
    for line in header[1:]:
        key, colon, rest = line.strip().partition(":")
        if colon and key in FIELDS and line[:2] != "  ":
            current, fields[key] = key, rest.strip()
        elif current and line.strip():
            fields[current] += " " + line.strip()
    missing = [key for key in FIELDS if key not in fields]
    if first.strip() != name or missing:
        raise ValueError(f"{where}: bad comment block (missing {', '.join(missing) or 'name'})")
    twin, twin_note = _twin(where, fields["Twin"])
    return LibraryQuery(
        name=name,
        summary=summary.strip().rstrip("."),
        purpose=fields["Purpose"],
        parameters=list(dict.fromkeys(re.findall(rf"\$({_NAME})", fields["Parameters"]))),
        parameters_doc=fields["Parameters"],
        example=json.loads(fields["Example"]),
        columns=[column.strip() for column in fields["Columns"].split(",")],
        twin=twin,
        twin_note=twin_note,
        query=text,
    )


def _twin(where: str, declared: str) -> tuple[str | None, str]:
    """(twin's dotted name or None, note) from a `Twin:` field; an analyst-only query says why."""
    found = _TWIN.match(declared)
    if not found:
        raise ValueError(
            f"{where}: 'Twin: {declared}' is neither a dotted Python name nor '{ANALYST_ONLY}'"
        )
    note = (found["note"] or "").strip()
    if found["twin"] == ANALYST_ONLY:
        if not note:
            raise ValueError(f"{where}: an {ANALYST_ONLY} query says why ('{ANALYST_ONLY} — ...')")
        return None, note
    return found["twin"], note


def library_query(name: str) -> LibraryQuery:
    """The library query `name`, or LibraryQueryNotFound naming the closest (see `library()`)."""
    queries = library()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, queries, n=3, cutoff=0.6)
    raise LibraryQueryNotFound(name, [Suggestion(n, queries[n].summary) for n in close])


def library_params(
    query: LibraryQuery,
    params: Mapping[str, Any],
    *,
    default_dataset: str,
    min_group_size: int | None = None,
) -> dict[str, Any]:
    """`params` for `query`: an unknown name is refused, a documented one left out is null,
    and `dataset` is the default dataset unless given. `$min_group_size` is the service's
    (`min_group_size`) unless a larger one is given; a smaller one is refused (None: the
    query's own default, for callers with no service settings, e.g. the parity test)."""
    unknown = sorted(set(params) - {DATASET_PARAM, *query.parameters})
    if unknown:
        takes = ", ".join(f"${p}" for p in (DATASET_PARAM, *query.parameters))
        raise QueryFailed(f"{query.name} takes {takes}; unknown: {', '.join(unknown)}.")
    dataset = params.get(DATASET_PARAM) or default_dataset
    chosen = {DATASET_PARAM: dataset, **{name: params.get(name) for name in query.parameters}}
    if GROUP_PARAM in chosen and min_group_size is not None:
        chosen[GROUP_PARAM] = _group_size(chosen[GROUP_PARAM], min_group_size)
    return chosen


def _group_size(given: Any, configured: int) -> int:
    if given is None:
        return configured
    if not isinstance(given, int) or isinstance(given, bool) or given < configured:
        raise QueryRefused(
            f"min_group_size {given!r} is refused: the service withholds groups of fewer than "
            f"{configured} people (CAREERGRAPH_MIN_GROUP_SIZE); give {configured} or more, or "
            "leave it out."
        )
    return given
