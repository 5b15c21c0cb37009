"""Servers under test, each a uvicorn process with the same settings, on a free local port.

The settings are those of `careergraph serve` (uvicorn's defaults: INFO logging and its
access log), written to a file rather than a terminal, with `--workers` as asked.
Only 127.0.0.1 is ever bound or loaded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BARE_APP = "tools.bench.bare_app:app"
SERVICE_APP = "app.main:app"
START_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class Server:
    base_url: str
    started_in_s: float  # from spawning the process to the first answered /health


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def serve(app: str, *, workers: int = 1, env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """Run `app` under uvicorn until the block ends; its log goes to a temporary file."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            while not _answers(base + "/health"):
                if process.poll() is not None or time.perf_counter() - started > START_TIMEOUT_S:
                    log.seek(0)
                    tail = log.read().decode(errors="replace")[-3000:]
                    raise RuntimeError(f"{app} did not start:\n{tail}")
                time.sleep(0.02)
            yield Server(base, time.perf_counter() - started)
        finally:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate, and kill after 30 s of not stopping."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
