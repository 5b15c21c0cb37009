"""Hostile and careless input over real HTTP: refused early and cleanly, never logged raw.

Each test names the failure of issue 15 it guards (numbers as in the issue). The server
is `careergraph serve`'s (app/http_server.py) on the embedded store, with small limits.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from seed import DATA_DIR
from tests.fixtures.live import serving

PROBLEM = "application/problem+json"
BODY_MAX = 64 << 10
HEADER_MAX = 16 << 10
BATCH_MAX = 20
SECRET = "s3cret-key-in-the-url"
PAIR = b'{"from": "3.2", "to": "3.4"},'


BIG_SCRIPT = "console.log('careergraph');\n" * 2000
# Stands for the build's brotli twin of big.js: the service passes it on, never decodes it.
BIG_SCRIPT_BR = b"\x1b\x00brotli-twin-of-big.js"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built UI holding a source map, as an older build would."""
    root = tmp_path_factory.mktemp("dist")
    (root / "assets").mkdir()
    (root / "index.html").write_text("<!doctype html><title>ui</title>")
    (root / "assets" / "app.js").write_text("console.log(1)\n//# sourceMappingURL=app.js.map")
    (root / "assets" / "app.js.map").write_text('{"sources": ["src/secret.ts"]}')
    (root / "assets" / "big.js").write_text(BIG_SCRIPT)
    (root / "assets" / "big.js.br").write_bytes(BIG_SCRIPT_BR)
    return root


@pytest.fixture(scope="module")
def base_url(dist: Path) -> Iterator[str]:
    settings = Settings(
        careergraph_body_max_bytes=BODY_MAX,
        careergraph_header_max_bytes=HEADER_MAX,
        careergraph_batch_max=BATCH_MAX,
        careergraph_frontend_dist=dist,
        careergraph_reload_check_s=3600,
    )
    app = create_app(settings, store=EmbeddedStore.from_directories([DATA_DIR]))

    @app.post("/test-only/crash")
    def crash() -> None:
        raise RuntimeError("boom")

    with serving(app, header_max_bytes=HEADER_MAX) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


@pytest.fixture
def access_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO)
    return caplog


def access_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "careergraph.access"]


def wait_for_lines(caplog: pytest.LogCaptureFixture, n: int) -> list[str]:
    """The access line is written as the answer ends: give the server thread a moment."""
    deadline = time.monotonic() + 5
    while len(access_lines(caplog)) < n and time.monotonic() < deadline:
        time.sleep(0.01)
    return access_lines(caplog)


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert "Traceback" not in response.text
    return response.json()


def raw_exchange(base_url: str, head: bytes, chunks: Iterable[bytes]) -> tuple[bytes, int]:
    """Send `head` then `chunks` until the server answers or hangs up: (answer, body bytes sent)."""
    address = urlsplit(base_url)
    sent = 0
    with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
        sock.sendall(head)
        try:
            for chunk in chunks:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:  # the server answered and closed while we were still sending
            pass
        answer = b""
        try:
            while part := sock.recv(65536):
                answer += part
        except OSError:
            pass
    return answer, sent


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


# 2. No limit on body or header size -------------------------------------------------


def test_a_declared_oversized_body_is_refused_before_it_is_read(base_url: str) -> None:
    size = 100 << 20
    head = (
        b"POST /api/v1/gap/batch HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % size
    )
    started = time.monotonic()
    answer, sent = raw_exchange(base_url, head, (b" " * 65536 for _ in range(size // 65536)))
    assert status_of(answer) == 413
    assert b"body-too-large" in answer
    assert sent < size and time.monotonic() - started < 10


def test_a_streamed_body_is_counted_as_it_arrives(base_url: str) -> None:
    """Chunked, no Content-Length: refused once the bytes pass the limit, not after 100 MB."""
    chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
    head = (
        b"POST /api/v1/gap HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    answer, sent = raw_exchange(base_url, head, (chunk for _ in range(1600)))
    assert status_of(answer) == 413
    assert sent < 1600 * len(chunk)


def test_batch_pairs_are_counted_before_parsing(base_url: str) -> None:
    """Over BATCH_MAX pairs is refused as the pairs stream in, inside the byte limit."""
    pairs = PAIR * (BATCH_MAX + 1)
    body = b'{"pairs": [' + pairs[:-1] + b"]}"
    assert len(body) < BODY_MAX
    response = httpx.post(f"{base_url}/api/v1/gap/batch", content=body, timeout=30)
    problem = assert_problem(response, 413)
    assert problem["type"] == "/problems/batch-too-large"
    invalid = b'{"pairs": [' + b"{}," * 20_000 + b"{}]}"
    response = httpx.post(f"{base_url}/api/v1/gap/batch", content=invalid, timeout=30)
    assert_problem(response, 413)


def test_a_batch_within_limits_still_answers(client: httpx.Client) -> None:
    pairs = [{"from": "3.2", "to": "3.4"}] * BATCH_MAX
    response = client.post("/api/v1/gap/batch", json={"pairs": pairs})
    assert response.status_code == 200
    assert len(response.json()["results"]) == BATCH_MAX


def test_invalid_bodies_give_a_bounded_list_of_errors(client: httpx.Client) -> None:
    body = {"pairs": [{"from": 1, "to": 2, "basis": "x"}] * BATCH_MAX}
    problem = assert_problem(client.post("/api/v1/gap/batch", json=body), 422)
    assert len(problem["errors"]) <= 50
    assert "errors; the first" in problem["detail"]


def test_a_huge_header_is_refused_as_it_arrives(base_url: str) -> None:
    """100 MB of one header: 431 after the limit, and /health answers meanwhile."""
    head = b"GET /health HTTP/1.1\r\nHost: t\r\nX-Big: "
    answer, sent = raw_exchange(base_url, head, (b"a" * 65536 for _ in range(1600)))
    assert status_of(answer) == 431
    assert b"headers-too-large" in answer and b"nosniff" in answer
    assert sent < 1600 * 65536
    started = time.monotonic()
    assert httpx.get(f"{base_url}/health").status_code == 200
    assert time.monotonic() - started < 1


def test_many_small_headers_add_up(client: httpx.Client) -> None:
    headers = {f"x-h{i}": "v" * 100 for i in range(200)}
    response = client.get("/health", headers=headers)
    assert response.status_code == 431


# 6. Smaller: paths, If-None-Match, request ids, security headers, maps, keys, logs ---


def test_a_nul_byte_in_a_ui_path_is_a_clean_404_never_logged_raw(
    client: httpx.Client, access_log: pytest.LogCaptureFixture
) -> None:
    assert_problem(client.get("/roles/%00"), 404)
    lines = wait_for_lines(access_log, 1)
    assert lines and "\x00" not in "".join(lines) and "\\x00" in lines[-1]


def test_long_path_segments(client: httpx.Client) -> None:
    assert_problem(client.get("/" + "a" * 10_000), 414)
    assert client.get("/roles/" + "a" * 1000).status_code == 200  # a deep link: the UI
    assert_problem(client.get("/api/v1/roles/" + "a" * 1000), 422)


def test_if_none_match_star_matches_only_what_exists(client: httpx.Client) -> None:
    star = {"If-None-Match": "*"}
    assert_problem(client.get("/api/v1/roles/9.9", headers=star), 404)
    assert client.get("/api/v1/roles/3.2", headers=star).status_code == 304
    tag = client.get("/api/v1/roles/3.2").headers["etag"]
    assert client.get("/api/v1/roles/3.2", headers={"If-None-Match": tag}).status_code == 304
    assert client.get("/api/v1/roles/3.2", headers={"If-None-Match": '"other"'}).status_code == 200


def test_one_sanitised_access_line_per_request(
    client: httpx.Client, access_log: pytest.LogCaptureFixture
) -> None:
    forged = 'abc" 200 0.1ms fake-line'
    response = client.get("/health", headers={"X-Request-ID": forged})
    rid = response.headers["x-request-id"]
    assert rid != forged
    lines = wait_for_lines(access_log, 1)
    assert len(lines) == 1 and lines[0].startswith(rid) and "fake-line" not in lines[0]
    assert not [r for r in access_log.records if r.name.startswith("uvicorn.access")]


def test_security_headers_on_every_answer(client: httpx.Client, base_url: str) -> None:
    answers = [
        client.get("/health"),
        client.get("/api/v1/roles"),
        client.get("/api/v1/roles/9.9"),
        client.get("/"),
        client.get("/assets/app.js"),
        client.get("/docs"),
        client.post("/api/v1/gap", content=b"{"),
        client.get("/" + "a" * 10_000),
        httpx.post(f"{base_url}/test-only/crash"),
    ]
    for response in answers:
        headers = response.headers
        assert headers.get("x-content-type-options") == "nosniff", (response.url, headers)
        assert headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-request-id"]


def test_a_crash_is_a_500_problem_logged_once(
    base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = httpx.post(f"{base_url}/test-only/crash")
    assert_problem(response, 500)
    deadline = time.monotonic() + 5
    while not access_lines(caplog) and time.monotonic() < deadline:
        time.sleep(0.01)
    tracebacks = [r for r in caplog.records if r.exc_info]
    assert len(tracebacks) == 1 and response.headers["x-request-id"] in tracebacks[0].getMessage()
    assert '"POST /test-only/crash" 500 ' in access_lines(caplog)[-1]


def test_docs_load_nothing_from_elsewhere(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text
    assert "'sha256-" in page.headers["content-security-policy"]
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert client.get(f"/docs/assets/{asset}").status_code == 200
    assert_problem(client.get("/docs/assets/swagger-ui-bundle.js.map"), 404)
    assert_problem(client.get("/redoc"), 404)


def test_assets_are_compressed_for_clients_that_accept_it(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as raw:  # a client that asks for gzip
        packed = raw.get("/assets/big.js", headers={"Accept-Encoding": "gzip"})
        plain = raw.get("/assets/big.js", headers={"Accept-Encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) < len(BIG_SCRIPT) // 4
    assert packed.text == plain.text == BIG_SCRIPT
    assert "content-encoding" not in plain.headers


def test_brotli_twins_go_to_clients_that_accept_br(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as raw:
        twin = raw.get("/assets/big.js", headers={"Accept-Encoding": "gzip, br"})
        weighted = raw.get("/assets/big.js", headers={"Accept-Encoding": "gzip, br;q=0.5"})
        refused = raw.get("/assets/big.js", headers={"Accept-Encoding": "br;q=0, gzip"})
        no_twin = raw.get("/assets/app.js", headers={"Accept-Encoding": "br"})
        direct = raw.get("/assets/big.js.br", headers={"Accept-Encoding": "br"})
    assert twin.headers["content-encoding"] == "br"
    assert twin.headers["content-type"] == "text/javascript; charset=utf-8"
    assert twin.content == BIG_SCRIPT_BR
    assert weighted.headers["content-encoding"] == "br"  # q=0.5 still accepts br
    assert refused.headers["content-encoding"] == "gzip" and refused.text == BIG_SCRIPT
    assert no_twin.status_code == 200 and "content-encoding" not in no_twin.headers
    assert_problem(direct, 404)  # a twin is only ever the encoding of its original


def test_hashed_assets_are_kept_and_the_page_revalidated(client: httpx.Client) -> None:
    for path in ("/assets/app.js", "/assets/big.js"):
        answer = client.get(path)
        assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "accept-encoding" in answer.headers["vary"].lower()
    for path in ("/", "/gap"):
        assert client.get(path).headers["cache-control"] == "no-cache"


def test_answers_are_compressed_for_clients_that_accept_it(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as raw:
        packed = raw.get("/api/v1/roles", headers={"Accept-Encoding": "gzip"})
        plain = raw.get("/api/v1/roles", headers={"Accept-Encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) < len(plain.content) // 3
    assert packed.json() == plain.json()
    assert packed.headers["etag"] == plain.headers["etag"]


def test_source_maps_are_never_served(client: httpx.Client) -> None:
    assert client.get("/assets/app.js").status_code == 200
    assert_problem(client.get("/assets/app.js.map"), 404)
    assert_problem(client.get("/assets/%2e%2e/assets/app.js.map"), 404)


def test_api_keys_in_the_url_are_refused_and_never_logged(
    client: httpx.Client, access_log: pytest.LogCaptureFixture
) -> None:
    for name in ("api_key", "apikey", "X-API-Key", "token"):
        problem = assert_problem(client.get("/api/v1/roles", params={name: SECRET}), 400)
        assert problem["type"] == "/problems/credentials-in-url"
    wait_for_lines(access_log, 4)
    served = [r for r in access_log.records if r.name.startswith(("careergraph", "uvicorn"))]
    assert served and not [r for r in served if SECRET in r.getMessage()]
