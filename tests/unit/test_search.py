"""Role search as people type: exact titles first, acronyms, typos, alternative titles."""

from __future__ import annotations

import pytest

from app.routers.catalog import matching_roles
from graph import search
from graph.datafiles import read_dataset
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.factories import snapshot_of


@pytest.fixture(scope="module")
def seed() -> Snapshot:
    return snapshot_of(read_dataset(DATA_DIR))


def found(snapshot: Snapshot, query: str) -> list[str]:
    return [summary.title for summary in matching_roles(snapshot, q=query)]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("CIO", "Chief Information Officer"),
        ("cio", "Chief Information Officer"),
        ("programer", "Programmer"),  # a typo
        ("Programer", "Programmer"),
        ("progammer", "Programmer"),
        ("ICT Director", "Chief Information Officer"),  # an alternative title, exactly
    ],
)
def test_what_people_type_finds_the_role_first(seed: Snapshot, query: str, first: str) -> None:
    assert found(seed, query)[0] == first


def test_every_title_finds_its_role_first(seed: Snapshot) -> None:
    for role in seed.dataset.roles:
        assert found(seed, role.title)[0] == role.title
        assert found(seed, role.title.upper().strip())[0] == role.title


def test_no_text_lists_every_role_and_nonsense_none(seed: Snapshot) -> None:
    assert len(found(seed, " ")) == len(seed.dataset.roles)
    assert found(seed, "zzzzqx") == []


def test_acronyms_skip_small_words_and_brackets() -> None:
    assert search.acronym("chief information officer (cio)") == "cio"
    assert search.acronym("head of project") == "hp"
    assert search.acronym("programmer") == ""  # one word is no acronym
    assert search.role_match("hp", "Head of Project", []) is not None
    assert search.role_match("cio", "Programmer", ["Chief Information Officer"]) is not None


def test_tiers_rank_exact_before_words_before_typos() -> None:
    exact = search.role_match("software developer", "Software Developer", [])
    words = search.role_match("software developer", "Senior Software Developer", [])
    typo = search.role_match("sofware developer", "Software Developer", [])
    assert exact is not None and words is not None and typo is not None
    assert exact < words < typo
    assert search.role_match("xyz", "Software Developer", []) is None
