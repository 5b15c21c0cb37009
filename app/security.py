"""The API key that opens the analyst console (`X-API-Key`, keys from CAREERGRAPH_API_KEYS).

With no key configured the console is closed, never open: a forgotten setting must
not publish ad-hoc Cypher to whoever reaches the service.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import HTTPException, Security
from fastapi.security import APIKeyHeader

from app.deps import SettingsDep
from app.problems import ProblemError

HEADER = "X-API-Key"
api_key_header = APIKeyHeader(
    name=HEADER, auto_error=False, description="A key listed in CAREERGRAPH_API_KEYS."
)


def require_api_key(
    settings: SettingsDep, given: Annotated[str | None, Security(api_key_header)]
) -> None:
    """Pass only a request whose key equals a configured one (constant-time comparisons)."""
    keys = [k.get_secret_value().encode() for k in settings.careergraph_api_keys]
    keys = [key for key in keys if key]  # an empty key would let an empty header in
    if not keys:
        raise ProblemError(
            403,
            "Analyst console closed",
            "No API key is configured, so the analyst console is closed: "
            "set CAREERGRAPH_API_KEYS=<key>[,<key>...] and send one as X-API-Key.",
            "console-closed",
        )
    offered = (given or "").encode()
    matched = False
    for key in keys:  # every key is compared, so the timing says nothing about which matched
        matched |= hmac.compare_digest(offered, key)
    if not matched:
        raise HTTPException(
            401,
            f"Missing {HEADER} header." if given is None else f"Invalid {HEADER}.",
            headers={"WWW-Authenticate": "ApiKey"},
        )


ApiKeyDep = Annotated[None, Security(require_api_key)]
