"""A short, seeded run of the upload fuzz (tools/chaos/fuzz.py): every answer is a problem or
a success, never a 500 or a dropped connection. `make fuzz` runs it for a minute.

Shape families that still find crashes owned by other branches are expected to fail
(strict: once fixed, they pass and the mark must go).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from app.main import create_app
from app.settings import Settings
from tests.fixtures.live import serving
from tools.chaos import fuzz, shapes

DRAWS = 12
# Answers are not timed here (tools/chaos/fuzz.py measures them); a hang still fails.
HANG_S = 60.0


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    state: Path = tmp_path_factory.mktemp("fuzz")
    settings = Settings(
        careergraph_datasets_dir=state / "datasets",
        careergraph_workforce_dir=state / "workforce",
        careergraph_api_keys=[SecretStr(f"fuzz:write+importer:{fuzz.KEY}")],
        careergraph_reload_check_s=3600,
    )
    with serving(create_app(settings)) as url:
        yield url


@pytest.mark.parametrize(
    "family",
    [
        shapes.matrix_csv,
        shapes.broken_bytes,
        shapes.json_zip,
        shapes.people_csv,
        shapes.people_json,
    ],
    ids=lambda family: family.__name__,
)
def test_random_uploads_get_an_answer_that_is_not_a_500(
    base_url: str, family: Callable[[random.Random], shapes.Upload]
) -> None:
    rng = random.Random(f"upload-fuzz-{family.__name__}")
    with httpx.Client(base_url=base_url) as client:
        outcomes = [fuzz.send(client, family(rng), HANG_S) for _ in range(DRAWS)]
    failed = [f"{o.status}: {o.upload.describe()}" for o in outcomes if o.failed(HANG_S)]
    assert not failed, "\n".join(failed)
