"""Which role a person means: its code, or words (`careergraph gap programmer architect`).

A role is named by its code (any case), its title or another of its names (any case or
accents; an acronym such as CIO: graph.search's tiers 0 and 1), or the start of exactly
one title ("applications arch"). Unless named by its code or title, a line on stderr says
which role was taken ("'architect' taken as 4.10 Technical Architect"). Anything else is
an error of one line: the roles it could be when several fit, else the closest roles
(graph.search, typos included).
"""

from __future__ import annotations

import typer

from graph import search
from graph.errors import CareerGraphError, RoleNotFound, Suggestion
from graph.models import natural_key
from graph.snapshot import Snapshot

SUGGESTED = 5


class AmbiguousRole(CareerGraphError):
    title = "Ambiguous role"


def role_code(snapshot: Snapshot, text: str) -> str:
    """The code of the role `text` names (see the module's docstring)."""
    code = snapshot.folded.get(text.strip().casefold())
    if code is not None and code in snapshot.roles:
        return code
    ranked = sorted(
        (match, natural_key(code), code)
        for code, role in snapshot.roles.items()
        if (match := search.role_match(text, role.title, role.alt_titles)) is not None
    )
    wanted = search.normalise(text)
    for fits, how in (
        ([code for (tier, _), _, code in ranked if tier == 0], ""),
        ([code for (tier, _), _, code in ranked if tier == 1], "another of its names"),
        (
            [c for c, r in snapshot.roles.items() if search.normalise(r.title).startswith(wanted)],
            "the start of its title",
        ),
    ):
        if len(fits) == 1:
            if how:
                role = snapshot.roles[fits[0]]
                typer.echo(f"{text!r} taken as {role.code} {role.title} ({how})", err=True)
            return fits[0]
        if fits:
            hint = ", ".join(f"{c} {snapshot.roles[c].title}" for c in fits[:SUGGESTED])
            more = f" and {len(fits) - SUGGESTED} more" if len(fits) > SUGGESTED else ""
            raise AmbiguousRole(
                f"{text!r} could be {len(fits)} roles: {hint}{more}. "
                "Give its code or more of its title."
            )
    if not ranked:
        snapshot.role(text)  # raises RoleNotFound with the roles nearest by spelling
    raise RoleNotFound(text, [Suggestion(c, snapshot.roles[c].title) for _, _, c in ranked[:3]])


def role_codes(snapshot: Snapshot, texts: list[str]) -> list[str]:
    return [role_code(snapshot, text) for text in texts]
