"""Next moves: the vectorised ranking equals the plain role-by-role rule, move for move.

The plain rule (tests/oracles/moves_reference.py) ranks every role through the gap's
own `figures`; it is the definition, the entry-level matrix is the speed.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.algorithms.holdings import role_holder
from graph.algorithms.links import release
from graph.algorithms.moves import next_moves
from graph.datafiles import read_dataset
from graph.models import Dataset
from graph.results import Holder
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.oracles.moves_reference import reference_next_moves
from tests.strategies import COMPETENCES, datasets

# Held competences include one no role requires (D9): it must change nothing.
profiles = st.dictionaries(
    st.sampled_from([*COMPETENCES, "D9"]), st.integers(min_value=1, max_value=5), min_size=1
)


def test_every_seed_role_gets_the_same_moves_both_ways() -> None:
    snapshot = Snapshot.build(release(read_dataset(DATA_DIR)))
    for code in snapshot.roles:
        holder = role_holder(snapshot, code)
        for limit in (1, 10, len(snapshot.roles)):
            assert next_moves(snapshot, holder, limit=limit) == reference_next_moves(
                snapshot, holder, limit=limit
            )


def test_a_documented_move_is_marked() -> None:
    snapshot = Snapshot.build(release(read_dataset(DATA_DIR)))
    link = next(k for k in snapshot.links if k.kind == "documented")
    moves = next_moves(snapshot, role_holder(snapshot, link.source), limit=100).moves
    assert next(m for m in moves if m.role.code == link.target).documented


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset=datasets(), held=profiles, limit=st.integers(min_value=1, max_value=20))
def test_random_catalogues_and_profiles_get_the_same_moves_both_ways(
    dataset: Dataset, held: dict[str, int], limit: int
) -> None:
    snapshot = Snapshot.build(release(dataset))
    holders = [Holder(kind="profile", holdings=held)]
    holders += [role_holder(snapshot, code) for code in snapshot.roles]
    for holder in holders:
        assert next_moves(snapshot, holder, limit=limit) == reference_next_moves(
            snapshot, holder, limit=limit
        )
