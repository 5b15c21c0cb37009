"""graph/neo4j/library.py: every library file declares its Python twin or why it has none."""

from __future__ import annotations

import dataclasses
import importlib
from functools import cached_property

import pytest

from graph.neo4j.library import library, parse_library_query

HEADER = """// demo: a query for the test.
//
// Purpose: shows the header.
// Parameters: $role role code.
// Example: {"role": "3.2"}
// Columns: code, title
"""


def resolve(dotted: str) -> object:
    """The object a dotted name points at: a module's function or class, a class's method,
    or a dataclass's field (which has no class attribute)."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            fields = (
                dataclasses.fields(found)
                if isinstance(found, type) and dataclasses.is_dataclass(found)
                else ()
            )
            by_name = {f.name: f for f in fields}
            found = by_name[name] if name in by_name else getattr(found, name)
        return found
    raise LookupError(f"no module in {dotted}")


def test_every_library_file_declares_a_twin_or_why_it_has_none() -> None:
    queries = library()  # a file without a proper `Twin:` line does not load
    assert queries
    for query in queries.values():
        assert query.twin or query.twin_note, query.name


@pytest.mark.parametrize("name", sorted(n for n, q in library().items() if q.twin))
def test_every_declared_twin_exists_in_the_service(name: str) -> None:
    twin = library()[name].twin
    assert twin is not None
    assert twin.startswith(("graph.", "app.")), twin
    found = resolve(twin)
    # A function, a dataclass field, or a value a snapshot computes on first use.
    assert callable(found) or isinstance(found, dataclasses.Field | cached_property), twin


def test_a_twin_is_a_dotted_name_with_an_optional_note() -> None:
    query = parse_library_query(
        "demo", HEADER + "// Twin: graph.algorithms.similarity.related_roles — its answer\n"
    )
    assert (query.twin, query.twin_note) == (
        "graph.algorithms.similarity.related_roles",
        "its answer",
    )
    bare = parse_library_query("demo", HEADER + "// Twin: app.views.role_sheet\n")
    assert (bare.twin, bare.twin_note) == ("app.views.role_sheet", "")


def test_an_analyst_only_query_says_why_across_lines() -> None:
    query = parse_library_query(
        "demo",
        HEADER
        + "// Twin: analyst-only — counts the database,\n//   which the service never reads\n",
    )
    assert query.twin is None
    assert query.twin_note == "counts the database, which the service never reads"


@pytest.mark.parametrize(
    ("twin_line", "message"),
    [
        ("", "missing Twin"),
        ("// Twin: analyst-only\n", "says why"),
        ("// Twin: analyst-only —\n", "says why"),
        ("// Twin: related_roles — no module\n", "neither a dotted Python name"),
        ("// Twin: see the gap API\n", "neither a dotted Python name"),
    ],
)
def test_a_file_without_a_proper_declaration_is_refused(twin_line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_library_query("demo", HEADER + twin_line)
