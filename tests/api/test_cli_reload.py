"""Issue 24: a running service serves what another process imports, replaces or removes,
within its reload interval, on both stores. The other process is the real `careergraph`
CLI in a child process; the service answers real HTTP and checks the store every 0.1 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.algorithms.links import release
from graph.datafiles import dataset_files, write_files
from graph.embedded import EmbeddedStore
from graph.models import Dataset
from graph.store import GraphStore
from seed import DATA_DIR
from tests.factories import tiny_dataset
from tests.fixtures.live import serving
from tests.fixtures.stores import STORE_KINDS, store_of_kind

CHECK_S = 0.1
# Served within the interval plus a snapshot build; the generous bound only tells "seen"
# from "never seen" (before issue 24, an embedded service never saw a CLI import).
SEEN_WITHIN_S = 10.0
IMPORTED = ("reload-added", "reload-replaced", "reload-removed")

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module", params=STORE_KINDS)
def store_and_env(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[GraphStore, dict[str, str]]]:
    """The service's store, and the environment that points the CLI at the same one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    if request.param == "embedded":
        library = tmp_path_factory.mktemp("library")
        store: GraphStore = EmbeddedStore.from_directories([DATA_DIR], library=library)
        env |= {"CAREERGRAPH_STORE": "embedded", "CAREERGRAPH_DATASETS_DIR": str(library)}
    else:
        store = store_of_kind(request)
        user, password = request.getfixturevalue("neo4j_auth")
        env |= {
            "CAREERGRAPH_STORE": "neo4j",
            "NEO4J_URI": request.getfixturevalue("neo4j_uri"),
            "NEO4J_USER": user,
            "NEO4J_PASSWORD": password,
            "NEO4J_DATABASE": request.getfixturevalue("neo4j_database"),
        }
    env["CAREERGRAPH_RELOAD_CHECK_S"] = str(CHECK_S)
    for dataset in IMPORTED:
        store.remove(dataset)
    yield store, env
    for dataset in IMPORTED:
        store.remove(dataset)


@pytest.fixture(scope="module")
def http(store_and_env: tuple[GraphStore, dict[str, str]]) -> Iterator[httpx.Client]:
    settings = Settings(careergraph_reload_check_s=CHECK_S)
    with (
        serving(create_app(settings, store=store_and_env[0])) as url,
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        yield client


@pytest.fixture
def careergraph(store_and_env: tuple[GraphStore, dict[str, str]]) -> Cli:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", "from app.cli.main import main; main()", *args]
        done = subprocess.run(
            command, env=store_and_env[1], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done

    return run


def written(dataset: Dataset, directory: Path) -> Path:
    write_files(dataset_files(dataset), directory)
    return directory


def tiny(dataset_id: str, *, architect_b1: int = 4) -> Dataset:
    """The tiny dataset under `dataset_id`; another `architect_b1` level is another version."""
    base = tiny_dataset().model_copy(update={"id": dataset_id})
    roles = tuple(
        role.model_copy(
            update={
                "requirements": tuple(
                    r.model_copy(update={"levels": (architect_b1,)}) if r.competence == "B1" else r
                    for r in role.requirements
                )
            }
        )
        if role.code == "3.4"
        else role
        for role in base.roles
    )
    return base.model_copy(update={"roles": roles})


def served_version(http: httpx.Client, dataset: str) -> str | None:
    """The version the service serves `dataset` at, or None when it answers unknown-dataset."""
    answer = http.get(f"/api/v1/datasets/{dataset}")
    if answer.status_code == 404:
        assert answer.json()["type"] == "/problems/unknown-dataset"
        return None
    assert answer.status_code == 200, answer.text
    version: str = answer.json()["dataset_version"]
    return version


def seen(http: httpx.Client, dataset: str, version: str | None) -> float:
    """Seconds until the service serves `dataset` at `version` (None: no longer serves it)."""
    start = time.monotonic()
    while served_version(http, dataset) != version:
        if time.monotonic() - start > SEEN_WITHIN_S:
            pytest.fail(f"{dataset} not served at {version} {SEEN_WITHIN_S} s after the CLI")
        time.sleep(CHECK_S / 2)
    return time.monotonic() - start


def ready_lists(http: httpx.Client) -> dict[str, str]:
    ready = http.get("/ready").json()
    assert ready["loading"] == [] and ready["left_out"] == {}, ready
    return {d["id"]: d["version"] for d in ready["datasets"]}


def test_a_cli_import_is_served_at_the_next_check(
    http: httpx.Client, careergraph: Cli, tmp_path: Path
) -> None:
    added = tiny("reload-added")
    assert served_version(http, added.id) is None
    done = careergraph("dataset", "import", str(written(added, tmp_path / "added")))
    assert f"sees it within {CHECK_S:g} s" in done.stdout
    version = release(added).version
    assert f"version {version}" in done.stdout
    seen(http, added.id, version)
    assert ready_lists(http)[added.id] == version
    answer = http.get("/api/v1/gap", params={"from": "3.2", "to": "3.4", "dataset": added.id})
    assert answer.status_code == 200 and answer.json()["dataset_version"] == version


def test_a_cli_replace_is_served_at_the_next_check(
    http: httpx.Client,
    careergraph: Cli,
    store_and_env: tuple[GraphStore, dict[str, str]],
    tmp_path: Path,
) -> None:
    before = release(tiny("reload-replaced"))
    store_and_env[0].save(before, replace=True)
    seen(http, "reload-replaced", before.version)
    after = tiny("reload-replaced", architect_b1=5)
    careergraph("dataset", "import", "--replace", str(written(after, tmp_path / "replaced")))
    version = release(after).version
    assert version != before.version
    seen(http, after.id, version)
    assert ready_lists(http)[after.id] == version
    gap = {"from": "3.2", "to": "3.4", "dataset": after.id}
    items = http.get("/api/v1/gap", params=gap).json()["items"]
    assert {i["competence"]["code"]: i["need"] for i in items}["B1"] == 5


def test_a_cli_removal_is_served_at_the_next_check(
    http: httpx.Client,
    careergraph: Cli,
    store_and_env: tuple[GraphStore, dict[str, str]],
) -> None:
    kept = release(tiny("reload-removed"))
    store_and_env[0].save(kept, replace=True)
    seen(http, kept.dataset.id, kept.version)
    done = careergraph("dataset", "remove", kept.dataset.id)
    assert "sees it within" in done.stdout
    seen(http, kept.dataset.id, None)
    assert kept.dataset.id not in ready_lists(http)
    assert "cigref-2011" in ready_lists(http)
