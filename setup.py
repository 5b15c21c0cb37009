"""Which packages ship: the one packaging fact that depends on the checkout.

The built web UI (frontend/dist, installed as the data-only package careergraph_ui)
exists once the UI is built (`make ui`, or `npm ci && npm run build` in frontend/); the
Makefile also makes the directory before an editable install, so a later build is
found. On a clean clone without Node there is none: `pip install .` then installs the
service, the CLI, the Cypher library and the data without the UI, and the service
says at / how to build it (app/frontend.py). Everything else is in pyproject.toml.
"""

import warnings
from pathlib import Path

from setuptools import setup
from setuptools.warnings import InformationOnly

# An editable install (`make run`, `make dev`) of this layout, where cypher/ and
# frontend/dist are mapped to packages, goes through setuptools' import finder, which then
# prints a notice that is information only (folders named like a package may shadow it):
# nothing here to act on, and it buried the first `make run` (issue 25).
warnings.filterwarnings("ignore", category=InformationOnly)

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
    PACKAGE_DATA["careergraph_ui"] = ["*.html", "*.svg"]
    if (UI / "assets").is_dir():
        # A data-only package too: setuptools sees any directory as one, and warns when
        # one holding package data is not listed.
        PACKAGES.append("careergraph_ui.assets")
        PACKAGE_DATA["careergraph_ui.assets"] = ["*.js", "*.css", "*.br"]

setup(packages=PACKAGES, package_dir=PACKAGE_DIR, package_data=PACKAGE_DATA)
