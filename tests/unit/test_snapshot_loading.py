"""The service builds only the default dataset before it answers (app/snapshots.py): the
others load in its refresh thread, or at once on their first use, and are listed as
loading until then."""

from __future__ import annotations

import time
from pathlib import Path

from app.snapshots import SnapshotProvider
from graph.algorithms.links import release
from graph.datafiles import read_dataset
from graph.embedded import EmbeddedStore
from seed import DATA_DIR

SEED = read_dataset(DATA_DIR)


def library_store(root: Path) -> EmbeddedStore:
    for dataset in ("first", "second"):
        linked = release(SEED.model_copy(update={"id": dataset, "name": dataset}))
        EmbeddedStore([], library=root).save(linked, replace=False)
    return EmbeddedStore.from_directories([DATA_DIR], library=root)


def test_only_the_default_is_built_and_a_first_use_builds_the_one_asked(tmp_path: Path) -> None:
    provider = SnapshotProvider(library_store(tmp_path), default="cigref-2011", check_every_s=3600)
    assert [s.id for s in provider.snapshots()] == ["cigref-2011"]
    assert provider.loading() == ["first", "second"]
    assert provider.snapshot("second").dataset.name == "second"  # built on its first use
    assert provider.loading() == ["first"]
    assert [s.id for s in provider.snapshots()] == ["cigref-2011", "second"]


def test_the_refresh_thread_loads_the_rest(tmp_path: Path) -> None:
    provider = SnapshotProvider(library_store(tmp_path), default="cigref-2011", check_every_s=3600)
    provider.start()
    try:
        deadline = time.monotonic() + 30
        while provider.loading() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert provider.loading() == []
        assert [s.id for s in provider.snapshots()] == ["cigref-2011", "first", "second"]
    finally:
        provider.stop()


def test_a_broken_dataset_is_left_out_when_its_turn_comes(tmp_path: Path) -> None:
    store = library_store(tmp_path)
    (tmp_path / "first" / "roles.json").write_text("[{")  # its stored header still reads
    provider = SnapshotProvider(store, default="cigref-2011", check_every_s=3600)
    assert provider.loading() == ["first", "second"]
    provider.refresh()
    assert provider.loading() == [] and list(provider.left_out()) == ["first"]
    assert provider.left_out()["first"].startswith("roles.json:1:")
