"""Which packages ship: the one packaging fact that depends on the checkout.

The built web UI (frontend/dist, installed as the data-only package careergraph_ui)
exists once the UI is built (`make ui`, or `npm ci && npm run build` in frontend/); the
Makefile also makes the directory before an editable install, so a later build is
found. On a clean clone without Node there is none: `pip install .` then installs the
service, the CLI, the Cypher library and the data without the UI, and the service
says at / how to build it (app/frontend.py). Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup

UI = Path(__file__).resolve().parent / "frontend" / "dist"
PACKAGES = [
    "app", "app.cli", "app.routers",
    "graph", "graph.algorithms", "graph.evaluation", "graph.formats", "graph.reference",
    "graph.neo4j", "graph.workforce",
    "seed", "seed.data", "seed.source",
    "careergraph_cypher", "careergraph_cypher.admin", "careergraph_cypher.library",
    "careergraph_cypher.seed", "careergraph_cypher.store",
]  # fmt: skip
PACKAGE_DIR = {"careergraph_cypher": "cypher"}
PACKAGE_DATA = {
    "app": ["neo4j_pom.xml"],
    "seed.data": ["*.json"],
    "seed.source": ["*.txt"],
    "graph.reference": ["onet-29-3/*.txt.gz", "onet-29-3/README.md"],
    "graph.evaluation": ["*.json"],
    "careergraph_cypher": ["*.cypher", "README.md"],
    "careergraph_cypher.admin": ["*.cypher"],
    "careergraph_cypher.library": ["*.cypher"],
    "careergraph_cypher.seed": ["*.cypher"],
    "careergraph_cypher.store": ["*.cypher"],
}
if UI.is_dir():
    PACKAGES.append("careergraph_ui")
    PACKAGE_DIR["careergraph_ui"] = "frontend/dist"
    # assets/ as a glob, not a package: it exists only once the UI is built.
    PACKAGE_DATA["careergraph_ui"] = [
        "*.html",
        "*.svg",
        "assets/*.js",
        "assets/*.css",
        "assets/*.br",
    ]

setup(packages=PACKAGES, package_dir=PACKAGE_DIR, package_data=PACKAGE_DATA)
