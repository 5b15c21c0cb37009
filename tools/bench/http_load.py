"""HTTP figures: requests/s, p50 and p99 per endpoint, as a ratio of the bare FastAPI app.

Each group (one store, one worker count) first loads the bare app (tools/bench/bare_app.py)
and then the service, with the same uvicorn settings, wrk settings and duration, so a
ratio compares two runs a few seconds apart on the same machine. Every run is preceded
by a one-second warm-up, and a run with any failed answer aborts the bench: a fast 404
is not a figure.

Run alone: .venv/bin/python -m tools.bench.http_load [--seconds 5] [--workers 1 2]
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass

from tools.bench import wrk
from tools.bench.servers import BARE_APP, SERVICE_APP, serve
from tools.bench.table import Row, markdown, ms, ratio, seconds
from tools.bench.wrk import Load, Request

WARM_UP_S = 1.0
STARTUP_TARGET_S = 2.0


@dataclass(frozen=True)
class Case:
    name: str
    request: Request
    floor: float | None = None  # the least acceptable ratio to the bare app (issue 14)


def _pairs(codes: list[str], count: int) -> list[dict[str, str]]:
    ordered = [(a, b) for a in codes for b in codes if a != b]
    return [{"from": a, "to": b} for a, b in ordered[:count]]


def cases(codes: list[str]) -> list[Case]:
    """The endpoints of issue 14, on the default dataset (CIGREF 2011)."""
    return [
        Case("/health", Request("/health"), 0.8),
        Case("GET gap 3.2 -> 3.4", Request("/api/v1/gap?from=3.2&to=3.4"), 0.8),
        Case(
            "POST gap, profile -> 3.4",
            Request("/api/v1/gap", {"from": {"profile": {"B1": 3, "B2": 2, "A6": 1}}, "to": "3.4"}),
            0.6,
        ),
        Case(
            "POST gap batch, 100 pairs", Request("/api/v1/gap/batch", {"pairs": _pairs(codes, 100)})
        ),
        Case("next moves of 3.2", Request("/api/v1/roles/3.2/next-moves"), 0.6),
        Case("paths 3.2 -> 2.3 (k=3)", Request("/api/v1/paths?from=3.2&to=2.3")),
        Case("role sheet 3.2", Request("/api/v1/roles/3.2")),
        Case("search roles 'developer'", Request("/api/v1/roles?q=developer")),
    ]


def load(base_url: str, request: Request, run_s: float, **options: float) -> Load:
    wrk.run(base_url, request, seconds=WARM_UP_S, **options)
    found = wrk.run(base_url, request, seconds=run_s, **options)
    if found.failed:
        raise RuntimeError(f"{request.method} {request.path}: {found.failed} failed answers")
    return found


def _figures(found: Load, bare: Load) -> str:
    return (
        f"{found.requests_per_s:,.0f} req/s = {ratio(found.requests_per_s / bare.requests_per_s)}"
        f" bare; p50 {ms(found.p50_ms)}, p99 {ms(found.p99_ms)}"
    )


def group(
    label: str, codes: list[str], env: Mapping[str, str], *, run_s: float, workers: int
) -> tuple[list[Row], Load, dict[str, Load]]:
    """The bare app, then every case on the service: rows, the bare figures, each case's."""
    with serve(BARE_APP, workers=workers) as bare_server:
        bare = load(bare_server.base_url, Request("/health"), run_s)
    section = f"HTTP, {label}, {workers} worker{'s' * (workers > 1)}"
    rows = [
        Row(
            section,
            "bare FastAPI app, /health (reference)",
            f"{bare.requests_per_s:,.0f} req/s; p50 {ms(bare.p50_ms)}, p99 {ms(bare.p99_ms)}",
        )
    ]
    found: dict[str, Load] = {}
    with serve(SERVICE_APP, workers=workers, env=env) as service:
        for case in cases(codes):
            found[case.name] = figures = load(service.base_url, case.request, run_s)
            share = figures.requests_per_s / bare.requests_per_s
            rows.append(
                Row(
                    section,
                    case.name,
                    _figures(figures, bare),
                    f">= {case.floor}x bare" if case.floor else "",
                    None if case.floor is None else share >= case.floor,
                )
            )
    return rows, bare, found


def latency_rows(
    codes: list[str], env: Mapping[str, str], *, run_s: float, gap_rate: float
) -> list[Row]:
    """Start-up, gap p99 at half the maximum rate, and unloaded paths latency (1 worker)."""
    section = "HTTP, embedded store, latency"
    with serve(SERVICE_APP, env=env) as service:
        rows = [
            Row(
                section,
                "service start-up to first /health answer",
                seconds(service.started_in_s),
                f"< {STARTUP_TARGET_S:.0f} s",
                service.started_in_s < STARTUP_TARGET_S,
            )
        ]
        # Closed loop: 16 connections each pausing 16 / (rate / 2) seconds between requests.
        paced = load(
            service.base_url,
            Request("/api/v1/gap?from=3.2&to=3.4"),
            run_s,
            pause_ms=1000 * wrk.CONNECTIONS / (gap_rate / 2),
        )
        rows.append(
            Row(
                section,
                f"GET gap at half its maximum rate "
                f"({paced.requests_per_s:,.0f} of {gap_rate:,.0f} req/s)",
                f"p50 {ms(paced.p50_ms)}, p99 {ms(paced.p99_ms)}",
                "p99 < 10 ms",
                paced.p99_ms < 10,
            )
        )
        alone = load(
            service.base_url, Request("/api/v1/paths?from=3.2&to=2.3"), run_s, connections=1
        )
        rows.append(
            Row(
                section,
                "paths 3.2 -> 2.3, one connection (no queueing)",
                f"p50 {ms(alone.p50_ms)}, p99 {ms(alone.p99_ms)}",
                "p50 < 5 ms",
                alone.p50_ms < 5,
            )
        )
    return rows


EMBEDDED = {"CAREERGRAPH_STORE": "embedded", "NEO4J_URI": ""}


def main() -> None:
    from graph.datafiles import read_dataset
    from graph.models import natural_key
    from seed import DATA_DIR

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="each measured run")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    wrk.require()
    codes = sorted((r.code for r in read_dataset(DATA_DIR).roles), key=natural_key)
    rows: list[Row] = []
    for workers in args.workers:
        found, _, loads = group(
            "embedded store", codes, EMBEDDED, run_s=args.seconds, workers=workers
        )
        rows += found
        if workers == 1:
            rate = loads["GET gap 3.2 -> 3.4"].requests_per_s
            rows += latency_rows(codes, EMBEDDED, run_s=args.seconds, gap_rate=rate)
    print(markdown(rows))


if __name__ == "__main__":
    main()
