"""An open embedded store follows its library: what another process adds, replaces or
removes is seen at the next `versions()`, by the library's stamp, without reading the
datasets it did not change."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph.embedded
from app.snapshots import SnapshotProvider
from graph.algorithms.links import release
from graph.datafiles import read_dataset
from graph.dataset_library import Library
from graph.embedded import EmbeddedStore
from graph.errors import DatasetNotFound
from graph.models import Dataset
from graph.release import Release
from graph.stored_links import stored_version
from seed import DATA_DIR
from tests.factories import tiny_dataset


def another_process(library: Path) -> EmbeddedStore:
    """A writer of its own, as the CLI opens one."""
    return EmbeddedStore([], library=library)


def test_a_write_or_removal_changes_the_stamp_and_nothing_else_does(tmp_path: Path) -> None:
    library = Library(tmp_path)
    assert library.stamp() == {}
    another_process(tmp_path).save(release(tiny_dataset()), replace=False)
    first = library.stamp()
    assert set(first) == {"test"}
    assert library.stamp() == first
    another_process(tmp_path).save(release(tiny_dataset()), replace=True)
    assert library.stamp() != first
    library.remove("test")
    assert library.stamp() == {}


def test_an_open_store_sees_what_another_process_adds_replaces_and_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EmbeddedStore.from_directories([DATA_DIR], library=tmp_path)
    seed_version = store.versions()["cigref-2011"]
    served = store.load("cigref-2011")
    added = release(tiny_dataset())
    another_process(tmp_path).save(added, replace=False)
    reads: list[Path] = []

    def reading(directory: Path) -> Dataset:
        reads.append(directory)
        return read_dataset(directory)

    monkeypatch.setattr(graph.embedded, "read_dataset", reading)
    assert store.versions() == {"cigref-2011": seed_version, "test": added.version}
    assert reads == []  # the version comes from the stored links' header; the seed stays read
    assert store.load("cigref-2011") is served
    assert store.load("test").version == added.version

    changed = release(tiny_dataset(links=()))
    assert changed.version != added.version
    another_process(tmp_path).save(changed, replace=True)
    assert store.versions()["test"] == changed.version
    assert store.load("test").version == changed.version

    another_process(tmp_path).remove("test")
    assert store.versions() == {"cigref-2011": seed_version}
    with pytest.raises(DatasetNotFound):
        store.load("test")


def test_a_library_copy_of_a_seed_dataset_removed_falls_back_to_the_seed(tmp_path: Path) -> None:
    store = EmbeddedStore.from_directories([DATA_DIR], library=tmp_path)
    seed_version = store.versions()["cigref-2011"]
    seed = read_dataset(DATA_DIR)
    kept = release(seed.model_copy(update={"name": "A kept copy"}))
    another_process(tmp_path).save(kept, replace=False)
    assert store.versions()["cigref-2011"] == kept.version != seed_version
    another_process(tmp_path).remove("cigref-2011")
    assert store.versions()["cigref-2011"] == seed_version
    assert store.load("cigref-2011").dataset.name == seed.name


def test_a_check_of_an_unchanged_library_reads_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    another_process(tmp_path).save(release(tiny_dataset()), replace=False)
    store = EmbeddedStore.from_directories([], library=tmp_path)
    first = store.versions()
    headers: list[Path] = []

    def header(directory: Path, policy: str) -> str | None:
        headers.append(directory)
        return stored_version(directory, policy)

    monkeypatch.setattr(graph.embedded, "stored_version", header)
    assert store.versions() == first
    assert headers == []  # the stamp alone: a scan and a readlink
    another_process(tmp_path).save(release(tiny_dataset(links=())), replace=True)
    assert store.versions() != first
    assert len(headers) == 1  # the changed entry, once


def test_the_service_lists_a_new_dataset_as_loading_while_built_then_serves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EmbeddedStore.from_directories([DATA_DIR], library=tmp_path)
    provider = SnapshotProvider(store, default="cigref-2011", check_every_s=3600)
    added = release(tiny_dataset())
    another_process(tmp_path).save(added, replace=False)
    loading_then: list[list[str]] = []
    load = store.load

    def loading(dataset: str) -> Release:
        loading_then.append(provider.loading())
        return load(dataset)

    monkeypatch.setattr(store, "load", loading)
    provider.refresh()
    assert loading_then == [["test"]]
    assert provider.loading() == [] and provider.snapshot("test").version == added.version
    another_process(tmp_path).remove("test")
    provider.refresh()
    with pytest.raises(DatasetNotFound):
        provider.snapshot("test")
