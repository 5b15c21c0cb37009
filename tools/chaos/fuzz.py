"""`make fuzz`: random uploads to the dataset and workforce routes for a minute; a table.

    python -m tools.chaos.fuzz [--seconds 60] [--max-requests 5000] [--seed 1] [--out DIR]

Starts `careergraph serve` in its own process on the embedded store, with an empty
library and workforce in a temporary directory and a key with the write and workforce
scopes (loopback only), then sends uploads drawn by tools/chaos/shapes.py one after
another, until the time or the count runs out. Every answer must be a problem or a
success: a 500, a dropped connection or an answer slower than --slow seconds is a
failure, saved under --out (its body, and a line to reproduce it). Prints the figures
per shape family; exits 1 if anything failed. Everything stops by itself.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tools.chaos import faults, shapes

KEY = "fuzz-key-secret"
SLOW_S = 5.0
COLUMNS = ("family", "requests", "statuses", "p50 ms", "p99 ms", "max ms", "failed")


@dataclass
class Outcome:
    upload: shapes.Upload
    status: int  # 0: no answer (connection dropped or over the client's timeout)
    seconds: float

    def failed(self, slow: float) -> bool:
        return self.status == 0 or self.status >= 500 or self.seconds > slow


@dataclass
class Run:
    slow: float
    outcomes: list[Outcome] = field(default_factory=list)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.failed(self.slow)]

    def rows(self) -> list[dict[str, str]]:
        by_family: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            by_family[outcome.upload.family].append(outcome)
        return [_row(name, found, self.slow) for name, found in sorted(by_family.items())]


def _row(family: str, found: list[Outcome], slow: float) -> dict[str, str]:
    ms = sorted(o.seconds * 1000 for o in found)
    statuses = Counter(o.status for o in found)
    return {
        "family": family,
        "requests": str(len(found)),
        "statuses": " ".join(f"{s}x{n}" for s, n in sorted(statuses.items())),
        "p50 ms": f"{statistics.median(ms):.0f}",
        "p99 ms": f"{ms[min(len(ms) - 1, int(len(ms) * 0.99))]:.0f}",
        "max ms": f"{ms[-1]:.0f}",
        "failed": str(sum(o.failed(slow) for o in found)),
    }


def send(client: httpx.Client, upload: shapes.Upload, slow: float) -> Outcome:
    """One upload; an answer later than `slow` seconds (+1, to tell it) counts as none."""
    started = time.monotonic()
    try:
        response = client.post(
            upload.path,
            params=upload.params,
            content=upload.body,
            headers={"Content-Type": upload.content_type, "X-API-Key": KEY},
            timeout=slow + 1,
        )
        status = response.status_code
    except httpx.HTTPError:
        status = 0
    return Outcome(upload, status, time.monotonic() - started)


def fuzz(base_url: str, *, seconds: float, max_requests: int, seed: int, slow: float) -> Run:
    """Uploads one after another for `seconds` or `max_requests`, whichever ends first."""
    rng = random.Random(seed)
    run = Run(slow)
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base_url) as client:
        while time.monotonic() < deadline and len(run.outcomes) < max_requests:
            run.outcomes.append(send(client, shapes.draw(rng), slow))
    return run


def service_settings(state: Path) -> dict[str, str]:
    """An embedded service with its own empty library and workforce under `state`."""
    return {
        "CAREERGRAPH_STORE": "embedded",
        "CAREERGRAPH_DATASETS_DIR": str(state / "datasets"),
        "CAREERGRAPH_WORKFORCE_DIR": str(state / "workforce"),
        "CAREERGRAPH_API_KEYS": f"fuzz:write+workforce:{KEY}",
        "XDG_STATE_HOME": str(state / "xdg"),
    }


@contextmanager
def embedded_service(state: Path, log: Path) -> Iterator[str]:
    with faults.serving(service_settings(state), log) as (base, _):
        yield base


def save(failures: list[Outcome], out: Path) -> None:
    """Each failure's body as a file, and one line per failure saying how to send it again."""
    lines = []
    for number, outcome in enumerate(failures, start=1):
        body = out / f"failure-{number}.bin"
        body.write_bytes(outcome.upload.body)
        said = "no answer" if outcome.status == 0 else str(outcome.status)
        lines.append(
            f"{number}: {said} after {outcome.seconds:.1f}s: {outcome.upload.describe()} "
            f"body={body}"
        )
    (out / "failures.txt").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=SLOW_S, help="seconds an answer may take")
    parser.add_argument("--out", type=Path, default=Path("artifacts/fuzz"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    log = args.out / "service.log"
    with (
        tempfile.TemporaryDirectory(prefix="careergraph-fuzz-") as state,
        embedded_service(Path(state), log) as base,
    ):
        run = fuzz(
            base,
            seconds=args.seconds,
            max_requests=args.max_requests,
            seed=args.seed,
            slow=args.slow,
        )
    print(faults.table(COLUMNS, run.rows()))
    failures = run.failures()
    if failures:
        save(failures, args.out)
        print(f"{len(failures)} failed (500, no answer, or over {args.slow:g} s): {args.out}")
        print(f"the service's log: {log}")
        raise SystemExit(1)
    print(f"{len(run.outcomes)} uploads, none failed")


if __name__ == "__main__":
    main()
