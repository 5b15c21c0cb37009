"""docker-compose.yml cannot run here (no Docker engine): read it for the promises it makes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_and_start_order() -> None:
    services = COMPOSE["services"]
    assert set(services) == {"neo4j", "seed", "api"}
    assert services["seed"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    api_deps = services["api"]["depends_on"]
    assert api_deps["neo4j"]["condition"] == "service_healthy"
    assert api_deps["seed"]["condition"] == "service_completed_successfully"
    assert services["seed"]["command"] == ["careergraph", "seed", "load"]


def test_neo4j_is_the_lts_with_apoc_and_a_real_healthcheck() -> None:
    neo4j = COMPOSE["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5.26")
    assert "apoc" in neo4j["environment"]["NEO4J_PLUGINS"]
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert "RETURN 1" in " ".join(neo4j["healthcheck"]["test"])


def test_no_default_secret_and_loopback_ports() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    for use in re.findall(r"\$\{NEO4J_PASSWORD[^}]*\}", text):
        assert use.startswith("${NEO4J_PASSWORD:?"), f"{use} would fall back to a default"
    for service in COMPOSE["services"].values():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), port


def test_dockerfile_copies_what_exists() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    for source in re.findall(r"^COPY (?!--from)(\S+)", dockerfile, flags=re.M):
        assert (ROOT / source).exists() or (ROOT / "frontend" / source).exists(), source


def megabytes(size: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([MG])", size.upper()).groups()
    return int(number) * (1024 if unit == "G" else 1)


def test_transactions_cannot_take_the_whole_heap() -> None:
    """Issue 15, failure 3: one query ran Neo4j out of heap; transactions are bounded."""
    env = COMPOSE["services"]["neo4j"]["environment"]
    heap = megabytes(env["NEO4J_server_memory_heap_max__size"])
    total = megabytes(env["NEO4J_db_memory_transaction_total_max"])
    each = megabytes(env["NEO4J_db_memory_transaction_max"])
    assert each < total < heap


def test_a_hung_neo4j_fails_its_clients_in_seconds() -> None:
    """Frozen, Neo4j sends nothing: drivers give up after keep_alive x probes (its hint)."""
    env = COMPOSE["services"]["neo4j"]["environment"]
    seconds = int(env["NEO4J_server_bolt_connection__keep__alive"].removesuffix("s"))
    assert seconds * int(env["NEO4J_server_bolt_connection__keep__alive__probes"]) <= 10
