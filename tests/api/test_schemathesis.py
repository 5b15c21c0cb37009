"""Property-based API testing from the OpenAPI document: no 5xx, answers conform to it.

The schema comes from the app itself at collection time; every generated case is
sent over real HTTP to the live server of the store under test.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from app.main import create_app

schema = schemathesis.openapi.from_dict(create_app().openapi())


@schema.parametrize()
# Derandomised: the same examples on every run, so CI is repeatable.
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms(case: schemathesis.Case, base_url: str) -> None:
    case.call_and_validate(base_url=base_url)
