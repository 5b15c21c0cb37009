"""The request limits' rules, on ASGI scopes and byte streams (no server)."""

from __future__ import annotations

import json

import pytest

from app.http_limits import ArrayItemCounter, Limits, Refused, check_head
from app.http_middleware import printable, request_id

LIMITS = Limits(body_bytes=1000, header_bytes=2000, path_chars=100, query_bytes=200)


def scope(
    path: str = "/api/v1/roles", query: bytes = b"", headers: list[tuple[bytes, bytes]] = ()
) -> dict:
    return {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "query_string": query,
        "headers": list(headers),
    }


def refusal(request: dict) -> int | None:
    try:
        check_head(request, LIMITS)
    except Refused as refused:
        return refused.problem.status
    return None


@pytest.mark.parametrize(
    ("request_", "status"),
    [
        (scope(), None),
        (scope(path="/" + "a" * 99), None),
        (scope(path="/" + "a" * 100), 414),
        (scope(query=b"q=" + b"x" * 198), None),
        (scope(query=b"q=" + b"x" * 199), 414),
        (scope(headers=[(b"x-big", b"v" * 1900)]), None),
        (scope(headers=[(b"x-big", b"v" * 2000)]), 431),
        (scope(headers=[(b"content-length", b"1001")]), 413),
        (scope(headers=[(b"content-length", b"1000")]), None),
        (scope(query=b"api_key=s3cret"), 400),
        (scope(query=b"from=3.2&X-API-Key=s3cret"), 400),
        (scope(query=b"apiKey=s3cret"), 400),
        (scope(query=b"token="), 400),
        (scope(query=b"from=3.2&to=3.4&dataset=key"), None),  # a value is no parameter name
    ],
)
def test_head_limits(request_: dict, status: int | None) -> None:
    assert refusal(request_) == status


def counted(*chunks: bytes) -> int:
    counter = ArrayItemCounter()
    for chunk in chunks:
        counter.feed(chunk)
    return counter.count


def test_counts_a_batchs_pairs_as_json_says() -> None:
    for n in (1, 2, 7, 1000):
        body = json.dumps({"dataset": "x", "pairs": [{"from": "3.2", "to": "3.4"}] * n})
        assert counted(body.encode()) == n


def test_strings_and_nesting_do_not_count() -> None:
    tricky = {
        "dataset": 'a,b,["{',
        "pairs": [{"from": 'x",[{,', "to": "\\", "extra": [1, 2, {"a": [3, 4]}]}, {"from": '\\"'}],
    }
    assert counted(json.dumps(tricky).encode()) == 2


def test_counting_is_the_same_in_any_chunking() -> None:
    body = json.dumps(
        {"pairs": [{"from": 'q\\"u,o[t{e', "to": "\\\\"}, {"from": "b", "to": "c"}] * 5}
    ).encode()
    for size in (1, 2, 3, 7):
        chunks = [body[i : i + size] for i in range(0, len(body), size)]
        assert counted(*chunks) == 10


def test_log_fields_cannot_forge_lines() -> None:
    assert printable("/a\nb\x00c\u2028", 100) == "/a\\nb\\x00c\\u2028"
    assert printable("x" * 300, 10) == "x" * 10 + "..."
    forged = {"headers": [(b"x-request-id", b'abc" 200 0.1ms')]}
    assert request_id(forged) != 'abc" 200 0.1ms'
    assert request_id({"headers": [(b"x-request-id", b"abc-123")]}) == "abc-123"
