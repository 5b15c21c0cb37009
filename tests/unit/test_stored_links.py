"""Datasets open by reading (graph/stored_links.py, graph/embedded.py): the links kept with
a library dataset are the links inference gives, a policy change infers once and rewrites
them, a process reads only the dataset it is asked about, and a rewrite killed at any
point leaves a whole links file."""

from __future__ import annotations

import logging
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph.embedded
from app.cli.main import cli
from app.settings import get_settings
from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, release
from graph.datafiles import dataset_files, read_dataset
from graph.dataset_library import TEMPORARY, Library
from graph.embedded import EmbeddedStore
from graph.models import Dataset
from graph.release import Release
from graph.stored_links import LINKS_FILE, links_file, stored_links
from seed import DATA_DIR
from tools.bench.synthetic import catalogue

SEED = read_dataset(DATA_DIR)
OTHER_POLICY = LinkPolicy(top_k=3)


def no_inference(*_: object, **__: object) -> Release:
    raise AssertionError("links inferred where they were stored")


def stored(library: Path, dataset: Dataset) -> Release:
    linked = release(dataset)
    EmbeddedStore([], library=library).save(linked, replace=False)
    return linked


@pytest.mark.parametrize(
    "dataset",
    [SEED.model_copy(update={"id": "copy"}), catalogue(120, seed=7)],
    ids=["seed", "generated-120"],
)
def test_opening_from_the_store_gives_the_links_inference_gives(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored(tmp_path, dataset)
    fresh = release(read_dataset(tmp_path / dataset.id))  # the oracle: inferred from scratch
    monkeypatch.setattr(graph.embedded, "release", no_inference)
    store = EmbeddedStore.from_directories([], library=tmp_path)
    assert store.versions() == {dataset.id: fresh.version}  # from the header alone
    opened = store.load(dataset.id)
    assert opened.links == fresh.links and len(opened.links) > len(dataset.links)
    assert opened.version == fresh.version and opened.link_policy == DEFAULT_POLICY.fingerprint


def test_a_policy_change_infers_once_says_so_and_rewrites_the_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    before = stored(tmp_path, SEED.model_copy(update={"id": "copy"}))
    wanted = release(before.dataset, policy=OTHER_POLICY)
    assert wanted.links != before.links  # the policies differ in what they link
    store = EmbeddedStore.from_directories([], library=tmp_path, policy=OTHER_POLICY)
    assert store.versions() == {"copy": wanted.version}  # known before the links are redone
    with caplog.at_level(logging.INFO, logger="careergraph.embedded"):
        assert store.load("copy").links == wanted.links
    assert "links inferred again" in caplog.text and "link policy" in caplog.text
    directory = Library(tmp_path).served("copy")
    assert directory is not None
    assert stored_links(directory, before.dataset, OTHER_POLICY.fingerprint) == wanted.links
    monkeypatch.setattr(graph.embedded, "release", no_inference)  # the next open reads
    again = EmbeddedStore.from_directories([], library=tmp_path, policy=OTHER_POLICY)
    assert again.load("copy").links == wanted.links


def test_links_of_other_data_or_missing_are_inferred_again(tmp_path: Path) -> None:
    linked = stored(tmp_path, SEED.model_copy(update={"id": "copy"}))
    directory = Library(tmp_path).served("copy")
    assert directory is not None
    edited = linked.dataset.model_copy(update={"name": "edited by hand"})
    assert stored_links(directory, edited, linked.link_policy) is None  # not its data
    (directory / LINKS_FILE).write_text("not json\n")
    store = EmbeddedStore.from_directories([], library=tmp_path)
    assert store.load("copy").links == linked.links
    assert stored_links(directory, linked.dataset, linked.link_policy) == linked.links


@pytest.fixture
def library_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CAREERGRAPH_STORE", "embedded")
    monkeypatch.setenv("CAREERGRAPH_DATASETS_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_a_cli_command_reads_only_the_dataset_it_is_asked_about(
    library_cli: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored(library_cli, catalogue(60, seed=3).model_copy(update={"id": "big"}))
    stored(library_cli, SEED.model_copy(update={"id": "broken"}))
    broken = Library(library_cli).served("broken")
    assert broken is not None
    (broken / "roles.json").write_text("[{")
    read: list[str] = []
    reading = graph.embedded.read_dataset

    def noting(directory: Path) -> Dataset:
        read.append(directory.name)
        return reading(directory)

    monkeypatch.setattr(graph.embedded, "read_dataset", noting)
    answer = CliRunner().invoke(cli, ["gap", "3.2", "3.4", "--json"])
    assert answer.exit_code == 0, answer.output
    assert read == ["data"]  # the seed alone: neither "big" nor the broken one
    answer = CliRunner().invoke(cli, ["role", "3.2", "--dataset", "broken"])
    assert answer.exit_code == 1 and "broken" in answer.output and "roles.json" in answer.output


REWRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from graph.dataset_library import Library
    library, texts = Library(Path(sys.argv[1])), sys.argv[2:]
    for n in range(100_000):
        directory = library.served("copy")
        assert library.rewrite("copy", directory, {"career-links.jsonl": texts[n % 2]})
        print(n, flush=True)
    """
)


def test_a_rewrite_killed_mid_way_leaves_a_whole_links_file(tmp_path: Path) -> None:
    """kill -9 at random points of a rewrite loop: the links file is always one whole
    version (never a mix or a part), and the next rewrite clears what the kill left."""
    linked = stored(tmp_path, SEED.model_copy(update={"id": "copy"}))
    other = release(linked.dataset, policy=OTHER_POLICY)
    texts = [links_file(linked)[LINKS_FILE], links_file(other)[LINKS_FILE]]
    chance = random.Random(24)
    directory = Library(tmp_path).served("copy")
    assert directory is not None
    for _ in range(5):
        writer = subprocess.Popen(
            [sys.executable, "-c", REWRITER, str(tmp_path), *texts],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
        )
        assert writer.stdout is not None
        writer.stdout.readline()  # one rewrite done: the loop runs
        time.sleep(chance.uniform(0.0, 0.2))
        os.kill(writer.pid, signal.SIGKILL)
        writer.communicate()
        assert (directory / LINKS_FILE).read_text() in texts
        opened = EmbeddedStore.from_directories([], library=tmp_path).load("copy")
        assert opened.links == linked.links  # the other policy's file is inferred again
    Library(tmp_path).rewrite("copy", directory, links_file(linked))
    assert not list(directory.glob(f"{TEMPORARY}*"))


def test_a_rewrite_never_writes_into_a_version_switched_out(tmp_path: Path) -> None:
    linked = stored(tmp_path, SEED.model_copy(update={"id": "copy"}))
    library = Library(tmp_path)
    read = library.served("copy")
    EmbeddedStore([], library=tmp_path).save(linked, replace=True)  # another import
    assert read is not None and library.served("copy") != read
    assert library.rewrite("copy", read, links_file(linked)) is False
    current = library.served("copy")
    assert current is not None
    with library.lock("copy"):  # a writer at work: the rewrite is left to it
        assert library.rewrite("copy", current, links_file(linked)) is False


def test_a_library_from_before_stored_links_tells_versions_without_inferring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = SEED.model_copy(update={"id": "copy"})
    Library(tmp_path).write("copy", dataset_files(copy), replace=False)  # no links file
    expected = release(read_dataset(tmp_path / "copy"))
    store = EmbeddedStore.from_directories([], library=tmp_path)
    with monkeypatch.context() as patched:  # the version needs the data, not the links
        patched.setattr(graph.embedded, "release", no_inference)
        assert store.versions() == {"copy": expected.version}
    assert store.load("copy").links == expected.links  # inferred once, then stored
    assert (tmp_path / "copy" / LINKS_FILE).is_file()
