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
from graph.models import Dataset
from seed import DATA_DIR
from tests.oracles.links_reference import reference_links
from tests.strategies import datasets

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
