"""The OpenAPI file the UI's types come from is the document the running service serves."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tools.api_types import document, main, render


def test_the_written_document_is_the_served_one(client: httpx.Client) -> None:
    served = client.get("/openapi.json").json()
    assert json.loads(render(document())) == served


def test_check_fails_on_a_changed_document_and_passes_on_a_fresh_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "openapi.json"
    assert main([str(path)]) == 0
    assert main(["--check", str(path)]) == 0

    spec = json.loads(path.read_text(encoding="utf-8"))
    spec["components"]["schemas"]["Meta"]["properties"].pop("batch_max")
    path.write_text(render(spec), encoding="utf-8")
    assert main(["--check", str(path)]) == 1
    assert "run `make api-types`" in capsys.readouterr().err

    assert main([str(path)]) == 0
    assert main(["--check", str(path)]) == 0
