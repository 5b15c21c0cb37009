"""Every Python package of the code ships: setup.py lists packages (it cannot find them,
the top-level layout maps data-only ones), so a new one must be added there by hand."""

import ast
from pathlib import Path

ROOT = Path(__file__).parents[2]


def listed() -> set[str]:
    tree = ast.parse((ROOT / "setup.py").read_text())
    assigned = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PACKAGES"
    )
    return {ast.literal_eval(element) for element in assigned.elts}  # type: ignore[attr-defined]


def test_every_package_of_the_code_is_listed() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("app", "graph", "seed")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found - listed() == set()
