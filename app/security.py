"""API keys with scopes (`X-API-Key`; keys from CAREERGRAPH_API_KEYS).

Each configured key has a name (what logs show, never the key), a secret and scopes:

    CAREERGRAPH_API_KEYS=hr:console+workforce:s3cret,ops:write:an0ther,legacy-key

An entry is `name:scope+scope:secret` (the secret is everything after the second
colon); an entry without a colon is a key for the console alone, named key-1, key-2...
Scopes: `console` (ad-hoc and library Cypher), `write` (import and remove datasets), and
the three workforce duties of docs/workforce.md ("Privacy"): `workforce` (aggregate
reader: withheld small groups), `steward` (data steward: one person's record, the
candidates of a role, Cypher over people; every access audited) and `importer`
(imports people). Separation of duties: one key may not both import people and read
aggregates (it could pad a small unit with people it made up and subtract them), so a key
with `importer` and `workforce` is refused by both.

A scope no key carries is closed, never open: a forgotten setting must not publish
Cypher, people's data or writes to whoever reaches the service.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import HTTPException, Security
from fastapi.security import APIKeyHeader

from app.deps import SettingsDep
from app.problems import ProblemError
from app.settings import Settings

HEADER = "X-API-Key"
Scope = Literal["console", "workforce", "steward", "importer", "write"]
SCOPES: tuple[Scope, ...] = ("console", "workforce", "steward", "importer", "write")
# Workforce duties: any of them opens the workforce routes' common ground (status).
WORKFORCE_DUTIES: tuple[Scope, ...] = ("workforce", "steward", "importer")
# Scopes one key may not hold together (docs/workforce.md, "Privacy").
EXCLUSIVE: frozenset[str] = frozenset({"workforce", "importer"})
api_key_header = APIKeyHeader(
    name=HEADER, auto_error=False, description="A key listed in CAREERGRAPH_API_KEYS."
)
# What a closed scope is for, in the problem that says it is closed.
PURPOSE: dict[Scope, str] = {
    "console": "the analyst console",
    "workforce": "workforce analytics",
    "steward": "people's records",
    "importer": "importing people",
    "write": "importing and removing datasets",
}


@dataclass(frozen=True)
class ApiKey:
    name: str
    scopes: frozenset[str]
    secret: bytes


def configured_keys(settings: Settings) -> list[ApiKey]:
    """The keys of CAREERGRAPH_API_KEYS, empty secrets left out (they would match no header)."""
    keys = []
    for number, entry in enumerate(settings.careergraph_api_keys, start=1):
        text = entry.get_secret_value()
        if ":" in text:
            name, scopes, secret = [*text.split(":", 2), "", ""][:3]
            granted = frozenset(s for s in scopes.split("+") if s)
        else:
            name, granted, secret = f"key-{number}", frozenset({"console"}), text
        if secret:
            keys.append(ApiKey(name, granted, secret.encode()))
    return keys


def matching_key(keys: list[ApiKey], given: str) -> ApiKey | None:
    """The configured key whose secret is `given`, if any."""
    offered, found = given.encode(), None
    for key in keys:  # every key is compared, so the timing says nothing about which matched
        if hmac.compare_digest(offered, key.secret):
            found = key
    return found


def require_scope(scope: Scope, *others: Scope) -> Callable[..., ApiKey]:
    """A dependency passing only a request whose key is configured and carries `scope` (or
    one of `others`)."""
    accepted = {scope, *others}

    def check(
        settings: SettingsDep, given: Annotated[str | None, Security(api_key_header)]
    ) -> ApiKey:
        keys = configured_keys(settings)
        if not any(accepted & k.scopes for k in keys):
            raise ProblemError(
                403,
                f"{PURPOSE[scope].capitalize()} closed",
                f"No API key has the {scope!r} scope, so {PURPOSE[scope]} is closed: set "
                f"CAREERGRAPH_API_KEYS=<name>:{scope}:<secret> and send the secret as {HEADER}.",
                f"{scope}-closed" if scope != "console" else "console-closed",
            )
        found = matching_key(keys, given or "")
        if found is None:
            raise HTTPException(
                401,
                f"Missing {HEADER} header." if given is None else f"Invalid {HEADER}.",
                headers={"WWW-Authenticate": "ApiKey"},
            )
        if not accepted & found.scopes:
            raise ProblemError(
                403,
                "Key lacks the scope",
                f"The key {found.name!r} has no {scope!r} scope; {PURPOSE[scope]} needs it.",
                "scope-missing",
            )
        if found.scopes >= EXCLUSIVE and accepted & EXCLUSIVE:
            raise ProblemError(
                403,
                "Duties not separated",
                f"The key {found.name!r} may both import people and read aggregates, which "
                "would let it reveal withheld groups by padding them; give each duty its own "
                "key (docs/workforce.md, Privacy).",
                "duties-not-separated",
            )
        return found

    return check


ConsoleKey = Annotated[ApiKey, Security(require_scope("console"))]
WorkforceKey = Annotated[ApiKey, Security(require_scope("workforce"))]
StewardKey = Annotated[ApiKey, Security(require_scope("steward"))]
ImporterKey = Annotated[ApiKey, Security(require_scope("importer"))]
AnyDutyKey = Annotated[ApiKey, Security(require_scope(*WORKFORCE_DUTIES))]

WriteKey = Annotated[ApiKey, Security(require_scope("write"))]
