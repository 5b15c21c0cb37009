"""cypher/library: every query is documented, runs on the seed and returns its columns."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph.cypher import CYPHER_DIR, load_query
from graph.models import Dataset
from graph.neo4j.library import library
from graph.neo4j.workforce import write_people
from graph.workforce.models import Workforce

pytestmark = pytest.mark.neo4j

LIBRARY = sorted(p.stem for p in (CYPHER_DIR / "library").glob("*.cypher"))
HEADER = ("Purpose:", "Parameters:", "Example:", "Columns:", "Twin:")


def header(name: str, field: str) -> str:
    """The text after `// <field>` in the query's opening comment block."""
    found = re.search(rf"^// {field} (.*)$", load_query(f"library/{name}"), re.MULTILINE)
    assert found, f"library/{name}.cypher documents no {field!r}"
    return found.group(1).strip()


def run(driver: Driver, database: str, name: str, **params: Any) -> list[dict[str, Any]]:
    records = driver.execute_query(
        load_query(f"library/{name}"), {"dataset": "cigref-2011", **params}, database_=database
    )
    return [r.data() for r in records.records]


@pytest.mark.parametrize("name", LIBRARY)
def test_each_query_opens_with_its_documentation(name: str) -> None:
    text = load_query(f"library/{name}")
    opening = text.split("\n\n")[0] if text.startswith("//") else ""
    assert opening.startswith(f"// {name}:")
    for field in HEADER:
        assert header(name, field)


@pytest.mark.parametrize("name", LIBRARY)
def test_each_query_runs_its_example_and_returns_its_columns(
    seeded_neo4j: Driver, neo4j_database: str, generated_workforce: Workforce, name: str
) -> None:
    query = library()[name]
    params = {"dataset": "cigref-2011", **query.example}
    with seeded_neo4j.session(database=neo4j_database) as session:
        tx = session.begin_transaction()
        if name.startswith("workforce_"):  # these read people: a workforce, never committed
            write_people(tx, generated_workforce)
        result = tx.run(query.query, params)
        keys, records = result.keys(), list(result)
        tx.rollback()
    assert keys == query.columns
    assert records, f"{name}'s example returns no row on the seed"


def test_the_readme_lists_every_query() -> None:
    readme = (CYPHER_DIR / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`library/(\w+)\.cypher`", readme))
    assert listed == set(LIBRARY)


def test_the_library_is_read_only() -> None:
    writes = re.compile(r"\b(CREATE|MERGE|DELETE|SET|REMOVE|DROP)\b")
    for name in LIBRARY:
        body = "\n".join(
            line for line in load_query(f"library/{name}").splitlines() if not line.startswith("//")
        )
        assert not writes.search(body), name


def test_gap_statuses_follow_have_and_need(seeded_neo4j: Driver, neo4j_database: str) -> None:
    rows = run(seeded_neo4j, neo4j_database, "gap", source="3.2", target="3.4", basis="mastery")
    for row in rows:
        have, need = row["have"], row["need"]
        assert row["delta"] == max(0, need - have)
        expected = "met" if have >= need else "missing" if have == 0 else "raise"
        assert row["status"] == expected


def test_an_unknown_role_gives_no_gap(seeded_neo4j: Driver, neo4j_database: str) -> None:
    assert run(seeded_neo4j, neo4j_database, "gap", source="9.9", target="3.4", basis=None) == []


def test_shortest_moves_over_documented_links_use_only_those(
    seeded_neo4j: Driver, neo4j_database: str
) -> None:
    links = run(seeded_neo4j, neo4j_database, "career_links", source=None, kind="documented")
    first = links[0]
    rows = run(
        seeded_neo4j,
        neo4j_database,
        "shortest_moves",
        source=first["source"],
        target=first["target"],
        kinds=["documented"],
    )
    assert rows == [
        {
            "roles": [first["source"], first["target"]],
            "titles": [first["source_title"], first["target_title"]],
            "moves": 1,
            "kinds": ["documented"],
            "level_steps": first["level_steps"],
        }
    ]


def test_roles_requiring_respects_the_minimum_level(
    seeded_neo4j: Driver, neo4j_database: str
) -> None:
    every = run(seeded_neo4j, neo4j_database, "roles_requiring", competence="B1", min_level=1)
    high = run(seeded_neo4j, neo4j_database, "roles_requiring", competence="B1", min_level=4)
    assert {r["code"] for r in high} == {r["code"] for r in every if r["level_max"] >= 4}
    assert len(high) < len(every)


def test_the_heatmap_is_the_full_grid_of_requirements(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    rows = run(seeded_neo4j, neo4j_database, "competence_heatmap")
    assert len(rows) == len(seed_dataset.families) * len(seed_dataset.areas)
    total = sum(len(r.requirements) for r in seed_dataset.roles)
    assert sum(r["requirements"] for r in rows) == total


def test_unused_competences_are_required_by_no_role(
    seeded_neo4j: Driver, neo4j_database: str, seed_dataset: Dataset
) -> None:
    required = {q.competence for r in seed_dataset.roles for q in r.requirements}
    expected = [c.code for c in seed_dataset.competences if c.code not in required]
    assert [r["code"] for r in run(seeded_neo4j, neo4j_database, "unused_competences")] == expected


def test_readme_examples_name_real_files() -> None:
    readme = (CYPHER_DIR / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"cypher/[\w/]+\.cypher", readme):
        assert (CYPHER_DIR.parent / Path(path)).is_file(), path
