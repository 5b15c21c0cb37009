"""Import, export and remove datasets over real HTTP, with the write scope, on both stores.

A bad upload answers a problem naming file, line and column, and changes nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.formats.bundles import to_zip
from graph.formats.importing import export_files, import_bundle, read_path
from graph.store import GraphStore
from seed import DATA_DIR
from tests.fixtures.live import serving
from tests.fixtures.stores import STORE_KINDS, store_of_kind

KEY, CONSOLE_KEY = "write-secret", "console-secret"
WRITE = {"X-API-Key": KEY}
MAX_BYTES = 1_000_000
EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "csv-catalogue"
# Every id these tests import, removed from the store when the module ends.
IMPORTED = ("acme-engineering", "acme-copy", "acme-bad", "ratings", "acme-json")


def example_zip(edit: tuple[str, bytes, bytes] | None = None) -> bytes:
    """The documented CSV example as a zip, with one replacement in one file."""
    files = {p.name: p.read_bytes() for p in sorted(EXAMPLE.iterdir())}
    if edit is not None:
        name, old, new = edit
        assert old in files[name]
        files[name] = files[name].replace(old, new)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"acme/{name}", data)
    return buffer.getvalue()


@pytest.fixture(scope="module", params=STORE_KINDS)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    if request.param == "embedded":
        library = tmp_path_factory.mktemp("library")
        opened: GraphStore = EmbeddedStore.from_directories([DATA_DIR], library=library)
    else:
        opened = store_of_kind(request)
    yield opened
    for dataset in IMPORTED:
        opened.remove(dataset)


@pytest.fixture(scope="module")
def url(store: GraphStore) -> Iterator[str]:
    settings = Settings(
        careergraph_api_keys=[f"ops:write:{KEY}", f"hr:console:{CONSOLE_KEY}"],
        careergraph_import_max_bytes=MAX_BYTES,
        careergraph_reload_check_s=3600,
    )
    with serving(create_app(settings, store=store)) as base:
        yield base


@pytest.fixture
def http(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=120) as client:
        yield client


def upload(
    http: httpx.Client, body: bytes, query: str = "", kind: str = "application/zip"
) -> httpx.Response:
    return http.post(
        f"/api/v1/datasets{query}", content=body, headers={**WRITE, "Content-Type": kind}
    )


def served(http: httpx.Client) -> dict[str, str]:
    return {d["id"]: d["dataset_version"] for d in http.get("/api/v1/datasets").json()}


def test_a_csv_zip_is_imported_served_at_once_and_exported_back(
    http: httpx.Client, store: GraphStore
) -> None:
    answer = upload(http, example_zip())
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert answer.headers["location"] == "/api/v1/datasets/acme-engineering"
    assert (body["format"], body["replaced"], body["quantisation"]) == ("csv", False, None)
    assert body["dataset"]["counts"]["roles"] == 5
    version = body["dataset"]["dataset_version"]
    assert served(http)["acme-engineering"] == version
    assert store.versions()["acme-engineering"] == version  # in the store, not only in memory

    gap = http.get("/api/v1/gap?from=ENG-1&to=ENG-2&dataset=acme-engineering")
    assert gap.status_code == 200
    assert gap.headers["etag"] == f'"{version}"'
    assert {i["competence"]["code"] for i in gap.json()["items"]} == {"BUILD.1", "BUILD.2", "RUN.1"}

    exported = http.get("/api/v1/datasets/acme-engineering/export?format=csv", headers=WRITE)
    assert exported.status_code == 200
    assert exported.headers["content-type"] == "application/zip"
    members = zipfile.ZipFile(io.BytesIO(exported.content)).namelist()
    assert sorted(members) == sorted(f"acme-engineering/{p.name}" for p in EXAMPLE.iterdir())
    expected = import_bundle(read_path(EXAMPLE)).dataset
    assert exported.content == to_zip(export_files(expected, "csv"), "acme-engineering")


def test_an_existing_id_needs_replace(http: httpx.Client) -> None:
    upload(http, example_zip())
    again = upload(http, example_zip())
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/dataset-exists"
    changed = example_zip(("dataset.csv", b"Acme engineering roles", b"Acme engineering v2"))
    replaced = upload(http, changed, "?replace=true")
    assert replaced.status_code == 201 and replaced.json()["replaced"] is True
    assert http.get("/api/v1/datasets/acme-engineering").json()["name"] == "Acme engineering v2"


def test_a_json_export_imports_under_another_id(http: httpx.Client) -> None:
    exported = http.get("/api/v1/datasets/cigref-2011/export?format=json", headers=WRITE)
    assert exported.status_code == 200
    answer = upload(http, exported.content, "?id=acme-json&name=Copy")
    assert answer.status_code == 201, answer.text
    copy = answer.json()["dataset"]
    original = http.get("/api/v1/datasets/cigref-2011").json()
    assert copy["counts"] == original["counts"]
    assert (copy["id"], copy["name"]) == ("acme-json", "Copy")
    one = http.get("/api/v1/gap?from=3.2&to=3.4").json()["summary"]
    other = http.get("/api/v1/gap?from=3.2&to=3.4&dataset=acme-json").json()["summary"]
    assert one == other


@pytest.mark.parametrize(
    ("edit", "detail"),
    [
        (("requirements.csv", b"ENG-2,BUILD.2,2", b"ENG-2,BUILD.9,2"), "requirements.csv:5:2"),
        (("links.csv", b"ENG-3,MGT-1,", b"ENG-3,MGT-9,"), "links.csv:3:2 (target): unknown role"),
        (("roles.csv", b"Junior Developer", b"Junior D\xe9veloper"), "roles.csv:2:19: not UTF-8"),
        (("areas.csv", b"code,name", b"code,title"), "areas.csv:1:2: unknown column 'title'"),
    ],
)
def test_a_bad_upload_is_a_located_problem_and_loads_nothing(
    http: httpx.Client, store: GraphStore, edit: tuple[str, str, str], detail: str
) -> None:
    before_served, before_stored = served(http), store.versions()
    bad = example_zip(edit)
    answer = upload(http, bad, "?id=acme-bad")
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["type"] == "/problems/invalid-dataset"
    assert problem["detail"].startswith(detail), problem["detail"]
    assert (served(http), store.versions()) == (before_served, before_stored)


def test_a_matrix_upload_reports_its_quantisation(http: httpx.Client) -> None:
    ratings = b"role,Skill:A b,Skill:C d\nRole One,0.9,0.2\nRole Two,0.55,0.7\n"
    query = "?format=matrix&id=ratings&levels=2&floor=0.5&top=1&area_separator=:&labels=low,high"
    answer = upload(http, ratings, query, "text/csv")
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["quantisation"]["thresholds"] == [0.5, 0.75]
    assert body["quantisation"]["per_level"] == [2, 1]
    assert body["dataset"]["scale"]["labels"] == ["low", "high"]
    moves = http.get("/api/v1/roles/role-two/next-moves?dataset=ratings").json()
    assert [m["role"]["code"] for m in moves["moves"]] == ["role-one"]


def test_uploads_are_bounded_before_and_after_unzipping(http: httpx.Client) -> None:
    answer = upload(http, b"x" * (MAX_BYTES + 1), "?format=matrix&id=ratings", "text/csv")
    assert answer.status_code == 413
    assert answer.json()["type"] == "/problems/body-too-large"  # refused as it streams in
    bomb = to_zip({"matrix.csv": "x" * (MAX_BYTES + 1)}, "bomb")
    assert len(bomb) < MAX_BYTES
    unzipped = upload(http, bomb, "?format=matrix&id=ratings")
    assert unzipped.status_code == 413
    assert "once unpacked" in unzipped.json()["detail"]


def test_writes_need_a_key_with_the_write_scope(http: httpx.Client) -> None:
    anonymous = http.post("/api/v1/datasets", content=example_zip())
    assert anonymous.status_code == 401
    console = http.delete("/api/v1/datasets/acme-engineering", headers={"X-API-Key": CONSOLE_KEY})
    assert console.status_code == 403
    assert console.json()["type"] == "/problems/scope-missing"
    assert http.get("/api/v1/datasets/cigref-2011/export").status_code == 401


def test_remove_then_gone_and_the_default_stays(http: httpx.Client, store: GraphStore) -> None:
    assert upload(http, example_zip(), "?id=acme-copy").status_code == 201
    assert http.delete("/api/v1/datasets/acme-copy", headers=WRITE).status_code == 204
    assert "acme-copy" not in served(http) and "acme-copy" not in store.versions()
    gone = http.delete("/api/v1/datasets/acme-copy", headers=WRITE)
    assert (gone.status_code, gone.json()["type"]) == (404, "/problems/unknown-dataset")
    kept = http.delete("/api/v1/datasets/cigref-2011", headers=WRITE)
    assert (kept.status_code, kept.json()["type"]) == (409, "/problems/default-dataset")
    unknown = http.get("/api/v1/roles?dataset=acme-copy")
    assert unknown.status_code == 404
