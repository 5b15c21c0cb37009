"""The one loader of .cypher files: Cypher lives in cypher/, values travel as $params.

Queries are read once and cached. Names are paths relative to the repository's
cypher/ directory without the suffix, e.g. "library/gap" or "schema"; installed,
that directory is the package careergraph_cypher (graph/resources.py).
"""

from __future__ import annotations

from functools import cache

from graph.resources import package_dir

_found = package_dir("careergraph_cypher")
if _found is None:
    raise ImportError("the Cypher files (package careergraph_cypher) are not installed")
CYPHER_DIR = _found.resolve()


@cache
def load_query(name: str) -> str:
    """The text of cypher/<name>.cypher (one query, or the schema's `;`-separated list)."""
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if not path.is_relative_to(CYPHER_DIR) or not path.is_file():
        raise FileNotFoundError(f"no query {name!r} under {CYPHER_DIR}")
    return path.read_text(encoding="utf-8").strip()


def statements(name: str) -> list[str]:
    """The `;`-separated statements of a multi-statement file such as the schema.

    Line comments (`//`) are dropped first so a `;` inside a comment cannot split.
    """
    lines = (line.split("//", 1)[0] for line in load_query(name).splitlines())
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
