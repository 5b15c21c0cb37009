"""Hypothesis strategies shared by the equivalence tests of the vectorised algorithms."""

from __future__ import annotations

from hypothesis import strategies as st

from graph.models import Dataset, DocumentedLink, Evidence
from tests.factories import catalogue, competence, role

ROLE_CODES = [f"{f}.{i}" for f in range(1, 8) for i in range(1, 11)]
# Few competences and levels: many equal coverages, so every tie-break is exercised.
COMPETENCES = {"A1": [1, 2, 3], "B1": [1, 2, 3, 4, 5], "B2": [2, 3], "C1": [1], "E2": [2, 3, 4]}


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """Up to 14 roles over five competences, with up to 4 documented links."""
    codes = draw(st.lists(st.sampled_from(ROLE_CODES), min_size=2, max_size=14, unique=True))
    roles = []
    for code in codes:
        needed = draw(st.lists(st.sampled_from(sorted(COMPETENCES)), min_size=1, unique=True))
        needs = {c: [draw(st.sampled_from(COMPETENCES[c]))] for c in needed}
        roles.append(role(code, f"Role {code}", needs))
    pairs = draw(st.lists(st.tuples(st.sampled_from(codes), st.sampled_from(codes)), max_size=4))
    return catalogue(
        competences=[competence(c, levels) for c, levels in COMPETENCES.items()],
        roles=roles,
        links=tuple(
            DocumentedLink(source=a, target=b, evidence=Evidence(quote=f"{a} to {b}", line=1))
            for a, b in dict.fromkeys(pairs)
            if a != b
        ),
    )
