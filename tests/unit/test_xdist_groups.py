"""Which xdist worker group a test id falls in (tests/fixtures/groups.py).

A Neo4j test outside the `neo4j` group starts a Neo4j server of its own on its worker:
correct, but a JVM start and a seed more on a 2-core CI machine.
"""

from __future__ import annotations

import pytest

from tests.fixtures.groups import group_of


@pytest.mark.parametrize(
    ("nodeid", "group"),
    [
        ("tests/neo4j/test_store.py::test_x", "neo4j"),
        ("tests/neo4j/test_launcher.py::test_x", "tests/neo4j/test_launcher.py"),
        ("tests/api/test_endpoints.py::test_x[neo4j]", "neo4j"),
        ("tests/api/test_endpoints.py::test_x[3.2-neo4j]", "neo4j"),
        ("tests/api/test_endpoints.py::test_x[neo4j-3.2]", "neo4j"),
        ("tests/api/test_schemathesis.py::test_api_conforms[GET /health][neo4j]", "neo4j"),
        (
            "tests/api/test_schemathesis.py::test_api_conforms[GET /health][embedded]",
            "tests/api/test_schemathesis.py",
        ),
        ("tests/api/test_endpoints.py::test_x[embedded]", "tests/api/test_endpoints.py"),
        ("tests/api/test_endpoints.py::test_neo4j_words[a]", "tests/api/test_endpoints.py"),
        ("tests/e2e/test_ui.py::test_x", "e2e"),
    ],
)
def test_a_test_id_falls_in_its_group(nodeid: str, group: str) -> None:
    assert group_of(nodeid) == group
