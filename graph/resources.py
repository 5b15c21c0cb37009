"""Where the data-only packages are: the Cypher files and the built UI.

pyproject.toml maps cypher/ and frontend/dist to the packages careergraph_cypher
and careergraph_ui, so a checkout (editable install) and a wheel find them the
same way: through the import system, never through a path relative to this file.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_dir(name: str) -> Path | None:
    """The directory of the data-only package `name`, or None when it is not installed."""
    spec = importlib.util.find_spec(name)
    locations = spec.submodule_search_locations if spec else None
    return next((Path(p) for p in locations or () if Path(p).is_dir()), None)
