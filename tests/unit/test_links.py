"""Career links: the sparse-matrix rule equals the plain rule, link for link.

The plain rule (tests/oracles/links_reference.py) computes every ordered pair through
the gap's own `figures`; it is the definition, the matrix version is the speed.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.algorithms import links
from graph.algorithms.links import LinkPolicy, career_links
from graph.datafiles import read_dataset
from graph.models import Dataset, DocumentedLink, Evidence
from seed import DATA_DIR
from tests.factories import catalogue, competence, role
from tests.oracles.links_reference import reference_links

ROLE_CODES = [f"{f}.{i}" for f in range(1, 8) for i in range(1, 11)]
# Few competences and levels: many equal coverages, so every tie-break is exercised.
COMPETENCES = {"A1": [1, 2, 3], "B1": [1, 2, 3, 4, 5], "B2": [2, 3], "C1": [1], "E2": [2, 3, 4]}


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
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


policies = st.builds(
    LinkPolicy,
    top_k=st.integers(min_value=0, max_value=5),
    threshold=st.sampled_from([0.0, 0.25, 0.5, 0.6, 2 / 3, 0.75, 1.0]),
)


def test_the_seed_gets_the_same_links_both_ways() -> None:
    dataset = read_dataset(DATA_DIR)
    assert career_links(dataset) == reference_links(dataset)
    assert len(career_links(dataset)) == 207


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset=datasets(), policy=policies)
def test_random_catalogues_get_the_same_links_both_ways(
    dataset: Dataset, policy: LinkPolicy
) -> None:
    assert career_links(dataset, policy=policy) == reference_links(dataset, policy=policy)


@settings(max_examples=50, deadline=None)
@given(dataset=datasets(), policy=policies)
def test_blocks_of_any_size_give_the_same_links(dataset: Dataset, policy: LinkPolicy) -> None:
    whole = career_links(dataset, policy=policy)
    original = links.BLOCK_CELLS
    try:
        links.BLOCK_CELLS = 1  # one source row per block
        assert career_links(dataset, policy=policy) == whole
    finally:
        links.BLOCK_CELLS = original
