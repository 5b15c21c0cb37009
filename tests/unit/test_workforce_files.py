"""The embedded store's workforce files: replace, merge, export, erase, and what is on disk."""

from __future__ import annotations

import stat
from pathlib import Path

from graph.workforce.files import WorkforceFiles
from graph.workforce.models import Person, Workforce
from graph.workforce.store import EMPTY
from tests.workforce_factory import assessed, tiny_workforce


def test_a_replaced_workforce_loads_back(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path / "workforce")
    assert store.version("test") == EMPTY
    assert store.load("test") == Workforce(dataset="test")
    version = store.replace(tiny_workforce())
    assert version != EMPTY and store.version("test") == version
    assert store.load("test") == tiny_workforce()
    assert store.load("other") == Workforce(dataset="other")


def test_files_are_for_the_owner_only(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path / "workforce")
    store.replace(tiny_workforce())
    assert stat.S_IMODE(store.path("test").stat().st_mode) == 0o600
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700
    # no temporary left; the writer's lock file holds nothing
    assert sorted(p.name for p in store.directory.iterdir()) == [".test.lock", "test.json"]
    assert (store.directory / ".test.lock").stat().st_size == 0


def test_merge_replaces_the_people_it_names_and_keeps_the_others(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path)
    store.replace(tiny_workforce())
    before = store.version("test")
    moved = Person(id="P2", unit="Beta", role="3.4", assessments=(assessed("B1", 4),))
    store.merge(Workforce(dataset="test", people=(moved, Person(id="P9"))))
    merged = store.load("test")
    assert [p.id for p in merged.people] == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"]
    assert merged.person("P2") == moved
    assert store.version("test") != before


def test_export_gives_everything_stored_about_a_person(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path)
    store.replace(tiny_workforce())
    assert store.person("test", "P5") == tiny_workforce().person("P5")
    assert store.person("test", "P404") is None


def test_an_erased_person_is_nowhere_in_the_file(tmp_path: Path) -> None:
    store = WorkforceFiles(tmp_path)
    store.replace(tiny_workforce())
    assert '"P6"' in store.path("test").read_text()
    assert store.erase("test", "P6") is True
    raw = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"P6" not in raw
    assert store.person("test", "P6") is None
    assert len(store.load("test").people) == 7
    assert store.erase("test", "P6") is False
