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
    top_k=st.integers(min_value=1, max_value=5),
    share=st.sampled_from([0.1, 0.25, 0.5, 1.0]),
)


def test_the_seed_gets_the_same_links_both_ways() -> None:
    dataset = read_dataset(DATA_DIR)
    found = career_links(dataset)
    assert found == reference_links(dataset)
    # 8 onward links from each of the 33 roles (k = a quarter of 32), fewer from a role
    # with fewer roles that are not a step down (2.3: 2), plus ways in no rule made.
    codes = sorted(r.code for r in dataset.roles)
    out = sorted(sum(link.source == code for link in found) for code in codes)
    assert (out[0], out[len(out) // 2], out[-1]) == (2, 8, 9)
    assert {link.target for link in found} == {r.code for r in dataset.roles}


def test_every_role_keeps_a_way_in_and_out_and_the_graph_stays_sparse() -> None:
    dataset = read_dataset(DATA_DIR).model_copy(update={"links": ()})
    found = career_links(dataset, policy=LinkPolicy(top_k=2, share=1.0))
    codes = {r.code for r in dataset.roles}
    assert {link.source for link in found} == codes
    assert {link.target for link in found} == codes
    assert all(sum(link.source == code for link in found) <= 2 + 3 for code in codes)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
