"""Issue 22, the dataset library over real HTTP on both stores: bounded, linear-time input
checks; ids checked whole; one writer per dataset; located problems, never a 500; the
default dataset kept; per-dataset ETags; the export never cached.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

import app.routers.meta
import graph.formats.importing
from app.main import create_app
from app.settings import Settings
from graph.datafiles import dataset_files, read_dataset
from graph.dataset_library import Library
from graph.embedded import EmbeddedStore
from graph.formats.csvtext import MAX_COLUMNS
from graph.store import GraphStore
from seed import DATA_DIR
from tests.api import test_datasets_api
from tests.api.test_datasets_api import KEY, MAX_BYTES, WRITE, example_zip, upload
from tests.fixtures.live import serving

IMPORTED = ("race", "race-replace", "tagged", "wide", "acme-engineering")


# The served app of the dataset routes' tests: both stores, the same keys and bounds.
store, url, http = test_datasets_api.store, test_datasets_api.url, test_datasets_api.http


@pytest.fixture(scope="module", autouse=True)
def removed_afterwards(store: GraphStore) -> Iterator[None]:
    for dataset in IMPORTED:
        store.remove(dataset)
    yield
    for dataset in IMPORTED:
        store.remove(dataset)


def problem(answer: httpx.Response, status: int, kind: str) -> str:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["type"] == f"/problems/{kind}", body
    detail: str = body["detail"]
    return detail


def json_zip(edit: dict[str, bytes]) -> bytes:
    """The seed's JSON directory as a zip, with some files replaced."""
    files = {p.name: p.read_bytes() for p in sorted(DATA_DIR.iterdir()) if p.is_file()}
    files.update(edit)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# Finding 3: a wide header is refused in time, and at the bound, with a 413.


def test_a_header_of_100k_columns_is_refused_at_once(http: httpx.Client) -> None:
    header = ",".join(map(str, range(100_000))).encode()
    matrix = b"role," + header + b"\nR" + b"," * 100_000 + b"\n"
    assert len(matrix) < MAX_BYTES
    detail = problem(
        upload(http, matrix, "?format=matrix&id=wide", "text/csv"), 413, "upload-too-large"
    )
    assert detail.startswith("upload.csv:1:1: 100,001 cells in one row"), detail
    assert http.get("/health").status_code == 200


def test_the_column_bound_is_exact(http: httpx.Client) -> None:
    def matrix(columns: int) -> bytes:
        header = ",".join(f"c{n}" for n in range(columns)).encode()
        return b"role," + header + b"\nR," + b",".join([b"0.9"] * columns) + b"\n"

    wide = upload(http, matrix(MAX_COLUMNS), "?format=matrix&id=wide", "text/csv")
    assert problem(wide, 413, "upload-too-large").startswith("upload.csv:1:1")
    fits = upload(http, matrix(MAX_COLUMNS - 1), "?format=matrix&id=wide&replace=true", "text/csv")
    assert fits.status_code == 201, fits.text
    assert http.delete("/api/v1/datasets/wide", headers=WRITE).status_code == 204


def test_what_an_import_would_store_is_bounded(
    http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graph.formats.importing, "MAX_STORED_BYTES", 1_000)  # the server's
    detail = problem(upload(http, example_zip(), "?id=tagged"), 413, "upload-too-large")
    assert "bytes to store; at most 1,000" in detail
    assert "tagged" not in {d["id"] for d in http.get("/api/v1/datasets").json()}


# Finding 4: ids checked as a whole string.


@pytest.mark.parametrize("given", ["x%0A", "cigref-2011%0A", "x%0D%0A"])
def test_an_id_with_a_trailing_newline_is_refused(http: httpx.Client, given: str) -> None:
    detail = problem(upload(http, example_zip(), f"?id={given}"), 422, "invalid-dataset")
    assert detail.startswith("dataset id"), detail
    assert all("\n" not in d["id"] for d in http.get("/api/v1/datasets").json())


# Finding 5a: one writer per dataset.


def test_two_first_imports_at_once_never_both_create(http: httpx.Client, store: GraphStore) -> None:
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: upload(http, example_zip(), "?id=race"), range(4)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201, 409, 409, 409], [a.text for a in answers]
    assert "race" in store.versions()


def test_two_first_replacing_imports_say_which_one_replaced(http: httpx.Client) -> None:
    query = "?id=race-replace&replace=true"
    with ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda _: upload(http, example_zip(), query), range(3)))
    assert all(a.status_code == 201 for a in answers), [a.text for a in answers]
    assert sorted(a.json()["replaced"] for a in answers) == [False, True, True]


# Finding 7, the dataset parts.


def test_deep_json_is_a_located_problem(http: httpx.Client) -> None:
    deep = b"[" + b"[" * 100_000 + b"]" * 100_000 + b"]"
    detail = problem(upload(http, json_zip({"areas.json": deep})), 422, "invalid-dataset")
    assert detail.startswith("areas.json:1:2: invalid JSON: nested too deeply"), detail
    meta = problem(upload(http, json_zip({"dataset.json": deep})), 422, "invalid-dataset")
    assert meta.startswith("dataset.json:1:1: invalid JSON: nested too deeply"), meta


def test_a_cell_over_the_csv_field_limit_is_a_located_problem(http: httpx.Client) -> None:
    matrix = b"role,a\nR," + b"1" * 140_000 + b"\n"
    detail = problem(
        upload(http, matrix, "?format=matrix&id=wide", "text/csv"), 422, "invalid-dataset"
    )
    assert detail.startswith("upload.csv:2:1: unreadable CSV: field larger than field limit")


def test_a_role_with_no_requirement_is_refused_at_its_line(http: httpx.Client) -> None:
    roles = json.loads((DATA_DIR / "roles.json").read_text())
    roles[2]["requirements"] = []
    text = json.dumps(roles, indent=2).encode()
    line = text[: text.index(f'"code": "{roles[2]["code"]}"'.encode())].count(b"\n")
    detail = problem(
        upload(http, json_zip({"roles.json": text}), "?id=tagged"), 422, "invalid-dataset"
    )
    assert detail.startswith(f"roles.json:{line}:"), detail
    assert "requirements: a role needs at least one requirement" in detail
    csv_answer = upload(http, example_zip(("requirements.csv", b"ENG-1,", b"ENG-9,")))
    assert "unknown role 'ENG-9'" in problem(csv_answer, 422, "invalid-dataset")


def test_the_default_dataset_is_not_replaced_through_the_api(http: httpx.Client) -> None:
    before = http.get("/api/v1/datasets/cigref-2011").json()["dataset_version"]
    exported = http.get("/api/v1/datasets/cigref-2011/export", headers=WRITE).content
    answer = upload(http, exported, "?replace=true&name=Hijacked")
    assert "careergraph dataset import --replace" in problem(answer, 409, "default-dataset")
    assert http.get("/api/v1/datasets/cigref-2011").json()["dataset_version"] == before


@pytest.mark.parametrize("kind", ["text/plain", "application/json", "multipart/form-data", ""])
def test_the_upload_content_type_is_checked(http: httpx.Client, kind: str) -> None:
    answer = http.post(
        "/api/v1/datasets?id=tagged", content=example_zip(), headers={**WRITE, "Content-Type": kind}
    )
    problem(answer, 415, "unsupported-media-type")


def test_dataset_etags_follow_each_dataset_version(http: httpx.Client) -> None:
    listing = http.get("/api/v1/datasets")
    tag = listing.headers["etag"]
    assert http.get("/api/v1/datasets", headers={"If-None-Match": tag}).status_code == 304
    assert upload(http, example_zip(), "?id=tagged").status_code == 201
    after = http.get("/api/v1/datasets", headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag  # not a stale 304
    assert "tagged" in {d["id"] for d in after.json()}

    one = http.get("/api/v1/datasets/tagged")
    assert one.headers["etag"].startswith(f'"{one.json()["dataset_version"]}')
    default = http.get("/api/v1/datasets/cigref-2011")
    assert default.headers["etag"] != one.headers["etag"]
    changed = example_zip(("dataset.csv", b"Acme engineering roles", b"Acme v2"))
    assert upload(http, changed, "?id=tagged&replace=true").status_code == 201
    again = http.get("/api/v1/datasets/tagged", headers={"If-None-Match": one.headers["etag"]})
    assert again.status_code == 200 and again.json()["name"] == "Acme v2"


def test_the_listing_builds_each_dataset_description_once(
    http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    original = app.routers.meta.dataset_info

    def counting(snapshot, *, default):  # type: ignore[no-untyped-def]
        built.append(snapshot.id)
        return original(snapshot, default=default)

    monkeypatch.setattr(app.routers.meta, "dataset_info", counting)
    first = http.get("/api/v1/datasets").json()
    built.clear()
    for _ in range(3):
        assert http.get("/api/v1/datasets").json() == first
    assert built == []  # the counts are not walked again per call


def test_the_export_is_never_cached_nor_revalidated_without_a_key(http: httpx.Client) -> None:
    exported = http.get("/api/v1/datasets/cigref-2011/export", headers=WRITE)
    assert exported.headers["cache-control"] == "private, no-store"
    assert "etag" not in exported.headers
    version = http.get("/api/v1/datasets/cigref-2011").json()["dataset_version"]
    for tag in (f'"{version}"', "*"):
        anonymous = http.get("/api/v1/datasets/cigref-2011/export", headers={"If-None-Match": tag})
        assert anonymous.status_code == 401


def test_nothing_above_answered_500(http: httpx.Client) -> None:
    """Every module test above ran on this server: it still answers and is ready."""
    ready = http.get("/ready").json()
    assert ready["status"] == "ready", ready["reasons"]


def test_one_bad_library_dataset_is_reported_on_ready_and_the_rest_served(
    tmp_path: Path,
) -> None:
    """Issue 22: one invalid dataset in the library failed the whole start."""
    library = tmp_path / "library"
    copy = read_dataset(DATA_DIR).model_copy(update={"id": "copy"})
    Library(library).write("copy", dataset_files(copy), replace=False)
    shutil.copytree(DATA_DIR, library / "broken")
    (library / "broken" / "competences.json").write_text('[{"code": "A1"}]')
    shutil.copytree(DATA_DIR, library / "cigref-2011\n")
    store = EmbeddedStore.from_directories([DATA_DIR], library=library)
    settings = Settings(careergraph_api_keys=[f"ops:write:{KEY}"], careergraph_reload_check_s=3600)
    with (
        serving(create_app(settings, store=store)) as base,
        httpx.Client(base_url=base, timeout=30) as http,
    ):
        ready = http.get("/ready").json()
        assert ready["status"] == "degraded"
        assert sorted(ready["left_out"]) == ["broken", "cigref-2011\n"]
        assert ready["left_out"]["broken"].startswith("competences.json:1:2: competence A1:")
        assert any(r.startswith("dataset broken is left out: ") for r in ready["reasons"])
        assert {d["id"] for d in http.get("/api/v1/datasets").json()} == {"cigref-2011", "copy"}
        assert http.get("/api/v1/gap?from=3.2&to=3.4&dataset=copy").status_code == 200
        assert http.delete("/api/v1/datasets/broken", headers=WRITE).status_code == 204
        assert list(http.get("/ready").json()["left_out"]) == ["cigref-2011\n"]
        assert not (library / "broken").exists()
