"""`careergraph up` as a user runs it: no NEO4J_URI, no server running, nothing seeded."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app import neo4j_launcher
from graph.release import Release
from tests.fixtures.neo4j import SHORT_LIVED_JVM

pytestmark = pytest.mark.neo4j


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def wait_ready(url: str, process: subprocess.Popen[str], timeout: float) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"careergraph up exited with {process.returncode}")
        try:
            answer = httpx.get(f"{url}/ready", timeout=5)
            if answer.status_code == 200:
                ready: dict[str, object] = answer.json()
                return ready
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"careergraph up did not become ready in {timeout:.0f} s")


HR_KEY = "test-hr-key"


def served_people(url: str, timeout: float) -> int:
    """The people GET /api/v1/workforce counts, once it counts some (0 after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        answer = httpx.get(f"{url}/api/v1/workforce", headers={"X-API-Key": HR_KEY}, timeout=30)
        assert answer.status_code == 200, answer.text
        people = int(answer.json()["people"])
        if people or time.monotonic() > deadline:
            return people
        time.sleep(0.25)


def test_up_starts_seeds_serves_and_stops_neo4j(tmp_path: Path, seed_release: Release) -> None:
    """...and a workforce generated from another terminal goes to its Neo4j and is served
    to /hr's key (issue 25: it went to the embedded file)."""
    port, bolt = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    env["XDG_STATE_HOME"] = str(tmp_path)  # its own local server, not a developer's
    env["CAREERGRAPH_WORKFORCE_DIR"] = str(tmp_path / "workforce")
    env["CAREERGRAPH_API_KEYS"] = f"hr:workforce:{HR_KEY}"
    env["CAREERGRAPH_RELOAD_CHECK_S"] = "0.5"
    env.update(SHORT_LIVED_JVM)
    command = [sys.executable, "-c", "from app.cli.main import main; main()"]
    process = subprocess.Popen(
        [*command, "up", "--port", str(port), "--neo4j-port", str(bolt)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        ready = wait_ready(url, process, timeout=240)
        assert ready["store"] == "neo4j"
        assert ready["dataset_version"] == seed_release.version
        server = neo4j_launcher.status(tmp_path / "careergraph" / "neo4j")
        assert server is not None and server.port == bolt
        gap = httpx.get(f"{url}/api/v1/gap", params={"from": "3.2", "to": "3.4"}).json()
        assert gap["summary"]["level_steps"] == 5
        generated = subprocess.run(
            [*command, "workforce", "generate", "--people", "300", "--seed", "1"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert generated.returncode == 0, generated.stderr
        assert f"in Neo4j at bolt://127.0.0.1:{bolt} (the local server)" in generated.stdout
        assert served_people(url, timeout=30) == 300
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    assert f"http://127.0.0.1:{port}/" in output
    assert "state.json" in output  # where the credentials are
    assert "the HR screens (/hr): type the secret of key hr" in output
    assert "closed (no API key has their scope): people's records" in output
    assert "CAREERGRAPH_API_KEYS=$CAREERGRAPH_API_KEYS,dpo:steward:" in output
    assert "Ctrl+C stops the service and the local Neo4j" in output
    assert neo4j_launcher.status(tmp_path / "careergraph" / "neo4j") is None
    assert not Path(f"/proc/{server.pid}").exists()
