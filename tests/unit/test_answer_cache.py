"""The answer cache: bounded in bytes, least recently used out first, keyed by version."""

from __future__ import annotations

import pytest

from app.answers import AnswerCache, answers, cached
from graph.algorithms.links import release
from graph.snapshot import Snapshot
from tests.factories import tiny_dataset


def test_keeps_answers_until_its_bytes_are_full_then_drops_the_least_recently_used() -> None:
    cache = AnswerCache(max_bytes=10)
    assert cache.get("a", lambda: b"aaaa") == b"aaaa"
    assert cache.get("b", lambda: b"bbbb") == b"bbbb"
    assert cache.get("a", lambda: b"new!") == b"aaaa"  # kept, and now the most recent
    cache.get("c", lambda: b"cccc")  # 12 bytes > 10: "b" goes
    assert cache.find("b") is None
    assert cache.find("a") == b"aaaa" and cache.find("c") == b"cccc"
    assert cache.size == 8 and len(cache) == 2


def test_an_answer_larger_than_the_whole_cache_is_served_not_kept() -> None:
    cache = AnswerCache(max_bytes=3)
    assert cache.get("big", lambda: b"four") == b"four"
    assert cache.find("big") is None and cache.size == 0


def test_an_error_keeps_nothing() -> None:
    cache = AnswerCache()

    def fails() -> bytes:
        raise LookupError("no such role")

    with pytest.raises(LookupError):
        cache.get("x", fails)
    assert cache.find("x") is None


def test_answers_are_made_once_per_dataset_version() -> None:
    made: list[str] = []

    def answer(version: str) -> dict[str, str]:
        made.append(version)
        return {"version": version}

    first = Snapshot.build(release(tiny_dataset()))
    other = Snapshot.build(release(tiny_dataset(links=())))
    assert first.version != other.version
    answers.clear()
    for snapshot in (first, first, other, other):
        response = cached(
            snapshot, ("probe",), lambda s=snapshot: answer(s.version), dict[str, str]
        )
        assert response.body == f'{{"version":"{snapshot.version}"}}'.encode()
    assert made == [first.version, other.version]
