"""Workforce analytics for HR analysts (docs/workforce.md): readiness, bench strength,
heatmap, single points of failure, what-if; import, export and erase people.

Each route needs the key of the duty it serves (app/security.py, docs/workforce.md
"Privacy"): aggregates for `workforce` keys, passed through graph/workforce/disclosure.py
(small groups withheld, complementary suppression, what-if targets of at least the minimum
group size); individuals (a person's readiness and record, a role's candidates, erasure,
what-if on a list of people) for `steward` keys; imports for `importer` keys. Every call
is audited with the key's name (never the key) and its target, people pseudonymised
(graph/workforce/audit.py), and answered `Cache-Control: no-store`. Person ids travel as
query parameters, which the access log leaves out.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.deps import SettingsDep, SnapshotDep
from app.problems import Problem, ProblemError
from app.schemas import Erased, ImportAnswer, PersonRecord, WhatIfRequest
from app.security import (
    WORKFORCE_DUTIES,
    AnyDutyKey,
    ApiKey,
    ImporterKey,
    StewardKey,
    WorkforceKey,
    require_scope,
)
from app.settings import Settings
from app.workforce import WorkforceProvider, open_workforce
from graph.csvsafe import csv_text
from graph.errors import InvalidWorkforce
from graph.workforce import audit, disclosure
from graph.workforce.bench import bench_board, bench_strength
from graph.workforce.best_raise import best_single_raise
from graph.workforce.heatmap import HEATMAP_COLUMNS, heatmap, heatmap_rows
from graph.workforce.imports import Format, read_people
from graph.workforce.index import WorkforceIndex
from graph.workforce.readiness import readiness
from graph.workforce.results import (
    BenchBoard,
    BenchStrength,
    BestRaise,
    Heatmap,
    PersonReadiness,
    SinglePoints,
    WhatIf,
    WorkforceStatus,
)
from graph.workforce.spof import single_points_of_failure
from graph.workforce.whatif import what_if

_creating = threading.Lock()

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in {
        401: "Missing or wrong X-API-Key",
        403: "No key has the duty's scope (workforce, steward, importer), or this key lacks it",
        404: "Unknown dataset, role, competence, unit or person",
        422: "Invalid input, or invalid rows in an import (file:line:column)",
        503: "The store is unavailable",
    }.items()
}


def private(response: Response) -> None:
    """People's data is never kept by a browser or a shared cache."""
    response.headers["Cache-Control"] = "no-store"


router = APIRouter(
    prefix="/api/v1/workforce",
    tags=["workforce"],
    responses=ERRORS,
    # The key is checked before anything else is resolved (no index is built for a stranger).
    dependencies=[Depends(require_scope(*WORKFORCE_DUTIES)), Depends(private)],
)


def get_workforce(request: Request) -> WorkforceProvider:
    """The app's workforce provider, made on first use beside the app's store."""
    state = request.app.state
    with _creating:
        if getattr(state, "workforce", None) is None:
            settings: Settings = state.settings
            state.workforce = WorkforceProvider(
                open_workforce(settings, state.snapshots.store),
                state.snapshots,
                check_every_s=settings.careergraph_reload_check_s,
                min_group_size=settings.careergraph_min_group_size,
            )
    provider: WorkforceProvider = state.workforce
    return provider


WorkforceDep = Annotated[WorkforceProvider, Depends(get_workforce)]


def get_index(snapshot: SnapshotDep, workforce: WorkforceDep) -> WorkforceIndex:
    return workforce.index(snapshot.id)


IndexDep = Annotated[WorkforceIndex, Depends(get_index)]
Threshold = Annotated[
    float | None,
    Query(gt=0, le=1, description="readiness from which a person is ready soon (default: 0.8)"),
]
RolePath = Annotated[str, Path(min_length=1, max_length=64, examples=["3.4"])]
PersonQuery = Annotated[str, Query(min_length=1, max_length=64, examples=["P00001"])]


def logged(key: ApiKey, action: str, dataset: str, target: str | None = None) -> None:
    audit.record(f"key {key.name}", action, dataset, target)


def person_target(settings: Settings, dataset: str, person: str) -> str:
    """How the audit log names a person: a pseudonym (graph/workforce/audit.py)."""
    return f"person {audit.pseudonym(settings.workforce_dir, dataset, person.strip())}"


def soon(threshold: float | None, settings: Settings) -> float:
    return settings.careergraph_ready_soon if threshold is None else threshold


@router.get("", response_model=WorkforceStatus)
def status(index: IndexDep, settings: SettingsDep, key: AnyDutyKey) -> WorkforceStatus:
    """How many people, units and roles; the settings; the index's memory; stale people
    (listed to stewards and importers only: ids are individuals)."""
    logged(key, "status", index.snapshot.id)
    return WorkforceStatus(
        dataset_version=index.dataset_version,
        workforce_version=index.workforce_version,
        dataset=index.snapshot.id,
        people=index.size,
        units=len(index.units),
        with_role=int((index.role_of >= 0).sum()),
        min_group_size=settings.careergraph_min_group_size,
        threshold=settings.careergraph_ready_soon,
        index_bytes=index.nbytes(),
        stale=list(index.stale) if key.scopes & {"steward", "importer"} else [],
    )


@router.get("/readiness", response_model=PersonReadiness)
def person_readiness(
    index: IndexDep,
    settings: SettingsDep,
    key: StewardKey,
    person: PersonQuery,
    role: Annotated[str | None, Query(max_length=64, description="one role (default: all)")] = None,
    threshold: Threshold = None,
) -> PersonReadiness:
    """A person's readiness for one role or every role, best first."""
    logged(key, "readiness", index.snapshot.id, person_target(settings, index.snapshot.id, person))
    return readiness(index, person, threshold=soon(threshold, settings), role=role)


@router.get("/bench", response_model=BenchBoard)
def bench_all(
    index: IndexDep, settings: SettingsDep, key: WorkforceKey, threshold: Threshold = None
) -> BenchBoard:
    """Bench strength of every role: holders, ready now, ready soon."""
    logged(key, "bench", index.snapshot.id)
    k = settings.careergraph_min_group_size
    return disclosure.board(bench_board(index, soon(threshold, settings)), k)


@router.get("/bench/{role}", response_model=BenchStrength)
def bench_one(
    role: RolePath,
    index: IndexDep,
    settings: SettingsDep,
    key: Annotated[ApiKey, Depends(require_scope("workforce", "steward"))],
    threshold: Threshold = None,
    limit: Annotated[int, Query(ge=0, le=10_000)] = 50,
) -> BenchStrength:
    """Bench strength of one role; its first `limit` candidates for stewards only."""
    logged(key, "bench of one role", index.snapshot.id, f"role {role}")
    answer = bench_strength(index, role, threshold=soon(threshold, settings), limit=limit)
    k = settings.careergraph_min_group_size
    return disclosure.bench(answer, k, individuals="steward" in key.scopes)


@router.get("/bench/{role}/best-raise", response_model=BestRaise)
def best_raise(
    role: RolePath,
    index: IndexDep,
    settings: SettingsDep,
    key: WorkforceKey,
    threshold: Threshold = None,
) -> BestRaise:
    """The one (competence, level) that, given to every candidate, makes most ready now."""
    logged(key, "best raise", index.snapshot.id, f"role {role}")
    answer = best_single_raise(index, role, threshold=soon(threshold, settings))
    return disclosure.best_raise(answer, settings.careergraph_min_group_size)


@router.get("/heatmap", response_model=Heatmap, responses={200: {"content": {"text/csv": {}}}})
def unit_heatmap(
    request: Request,
    index: IndexDep,
    settings: SettingsDep,
    key: WorkforceKey,
    format: Literal["json", "csv"] | None = None,
) -> Heatmap | Response:
    """Units x competences: who holds what their role requires; small cells withheld.
    `format=csv` (or `Accept: text/csv`) for a table."""
    logged(key, "heatmap", index.snapshot.id)
    k = settings.careergraph_min_group_size
    answer = disclosure.heatmap(heatmap(index, min_group_size=k), k)
    wants_csv = format == "csv" or (
        format is None and "text/csv" in request.headers.get("accept", "")
    )
    return _heatmap_csv(index, answer) if wants_csv else answer


def _heatmap_csv(index: WorkforceIndex, answer: Heatmap) -> Response:
    """graph/workforce/heatmap.py's rows (what workforce_heatmap.cypher returns too)."""
    titles = {code: c.title for code, c in index.snapshot.competences.items()}
    return Response(
        csv_text(HEATMAP_COLUMNS, heatmap_rows(answer, titles)),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="heatmap_{index.snapshot.id}.csv"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/single-points-of-failure", response_model=SinglePoints)
def single_points(index: IndexDep, settings: SettingsDep, key: WorkforceKey) -> SinglePoints:
    """What each unit's roles require that at most one of its people holds."""
    logged(key, "single points of failure", index.snapshot.id)
    k = settings.careergraph_min_group_size
    return disclosure.single_points(single_points_of_failure(index, min_group_size=k), k)


@router.post("/what-if", response_model=WhatIf)
def what_if_raises(
    body: WhatIfRequest,
    workforce: WorkforceDep,
    settings: SettingsDep,
    key: Annotated[ApiKey, Depends(require_scope("workforce", "steward"))],
) -> WhatIf:
    """Bench strength of every role before and after the raises. Aggregate readers aim at
    units and roles of at least the minimum group size; lists of people are for stewards."""
    index = workforce.index(body.dataset)
    targets = "; ".join(r.target() for r in body.raises)
    logged(key, "what-if", index.snapshot.id, targets)
    answer = what_if(index, body.raises, threshold=soon(body.threshold, settings))
    if "steward" in key.scopes:
        return answer
    if any(r.people is not None for r in body.raises):
        raise ProblemError(
            403,
            "Key lacks the scope",
            f"The key {key.name!r} reads aggregates; a raise for a list of people is for a "
            "key with the 'steward' scope. Aim at a unit or a role instead.",
            "scope-missing",
        )
    k = settings.careergraph_min_group_size
    for applied in answer.raises:
        disclosure.check_target(applied.people, applied.target, k)
    return disclosure.what_if(answer, k)


MEDIA_FORMATS: dict[str, Format] = {"text/csv": "csv", "application/json": "json"}
IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "description": "people as CSV (one row per person and competence) or a JSON list "
        "(docs/workforce.md)",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
        },
    }
}


@router.post(
    "/import",
    response_model=ImportAnswer,
    openapi_extra=IMPORT_BODY,
    responses={
        413: {
            "model": Problem,
            "description": "Larger than CAREERGRAPH_WORKFORCE_IMPORT_MAX_BYTES",
        },
        415: {"model": Problem, "description": "Neither text/csv nor application/json"},
    },
)
async def import_people(
    request: Request,
    snapshot: SnapshotDep,
    workforce: WorkforceDep,
    key: ImporterKey,
    mode: Annotated[
        Literal["merge", "replace"],
        Query(description="merge: add or update these people; replace: they are everyone"),
    ] = "merge",
) -> ImportAnswer:
    """Import people from CSV or JSON: every row is checked first; any bad row (located as
    line:column) and nothing is written."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in MEDIA_FORMATS:
        raise ProblemError(
            415, "Unsupported media type", "Send text/csv or application/json.", "media-type"
        )
    body = await request.body()  # bounded by the request limits (app/main.py, uploads)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidWorkforce(f"the body is not UTF-8 text (byte {error.start})") from None
    format = MEDIA_FORMATS[media]
    people = await run_in_threadpool(
        read_people, text, snapshot.dataset, format=format, name=f"import.{format}"
    )
    index = await run_in_threadpool(workforce.write, people, replace=mode == "replace")
    logged(key, f"import ({mode}, {len(people.people)} people)", snapshot.id)
    return ImportAnswer(
        dataset=snapshot.id,
        mode=mode,
        imported=len(people.people),
        people=index.size,
        workforce_version=index.workforce_version,
        stale=len(index.stale),
    )


@router.get("/person", response_model=PersonRecord)
def export_person(
    snapshot: SnapshotDep,
    workforce: WorkforceDep,
    settings: SettingsDep,
    key: StewardKey,
    person: PersonQuery,
) -> PersonRecord:
    """Everything stored about one person (the data steward's access request)."""
    logged(key, "export of a person", snapshot.id, person_target(settings, snapshot.id, person))
    return PersonRecord(dataset=snapshot.id, person=workforce.person(snapshot.id, person))


@router.delete("/person", response_model=Erased)
def erase_person(
    snapshot: SnapshotDep,
    workforce: WorkforceDep,
    settings: SettingsDep,
    key: StewardKey,
    person: PersonQuery,
) -> Erased:
    """Erase everything stored about one person, every copy in the store that holds them."""
    target = person_target(settings, snapshot.id, person)
    logged(key, "erasure of a person", snapshot.id, target)
    index = workforce.erase(snapshot.id, person)
    return Erased(dataset=snapshot.id, person=person, workforce_version=index.workforce_version)
