"""API keys with scopes: parsed from the setting, checked per scope, closed by default."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app import problems
from app.security import WriteKey, configured_keys
from app.settings import Settings


def test_entries_name_their_scopes_and_a_bare_key_is_the_consoles() -> None:
    settings = Settings(careergraph_api_keys="hr:console+workforce:s3:cr3t,plain,empty:write:")
    keys = {k.name: (sorted(k.scopes), k.secret) for k in configured_keys(settings)}
    assert keys == {
        "hr": (["console", "workforce"], b"s3:cr3t"),
        "key-2": (["console"], b"plain"),
    }


def app_with(keys: str) -> TestClient:
    app = FastAPI()
    app.state.settings = Settings(careergraph_api_keys=keys)
    problems.install(app)

    @app.post("/write")
    def write(key: WriteKey) -> dict[str, str]:
        return {"by": key.name}

    return TestClient(app)


@pytest.mark.parametrize(
    ("keys", "header", "status", "kind"),
    [
        ("", "anything", 403, "/problems/write-closed"),
        ("hr:console:abc", "abc", 403, "/problems/write-closed"),
        ("ops:write:xyz", None, 401, None),
        ("ops:write:xyz", "wrong", 401, None),
        ("ops:write:xyz,hr:console:abc", "abc", 403, "/problems/scope-missing"),
    ],
)
def test_refusals(keys: str, header: str | None, status: int, kind: str | None) -> None:
    sent = {"X-API-Key": header} if header is not None else {}
    answer = app_with(keys).post("/write", headers=sent)
    assert answer.status_code == status
    if kind:
        assert answer.json()["type"] == kind


def test_a_key_with_the_scope_passes_and_is_known_by_name() -> None:
    answer = app_with("ops:write:xyz,hr:console:abc").post("/write", headers={"X-API-Key": "xyz"})
    assert answer.status_code == 200 and answer.json() == {"by": "ops"}
