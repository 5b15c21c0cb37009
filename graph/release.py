"""A release: a dataset with the career links served with it, under one version.

Inferred links follow from the data AND the link policy, so the version that
ETags, answers and Neo4j's `(:Dataset)` stamp carry hashes both: change either
and every cached answer is invalidated. A store hands out releases whole (Neo4j
reads back the links it stores), so the service and Cypher always serve the same
links under the same version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from graph.models import CareerLink, Dataset


@dataclass(frozen=True)
class Release:
    dataset: Dataset
    links: tuple[CareerLink, ...]
    link_policy: str  # fingerprint of the policy that inferred the links

    @property
    def version(self) -> str:
        return release_version(self.dataset.version, self.link_policy)


def release_version(dataset_version: str, link_policy: str) -> str:
    """The version of a release of data `dataset_version` linked by `link_policy`: known
    without the links (a store can tell it from what it stored beside the data)."""
    basis = f"{dataset_version}/{link_policy}"
    return hashlib.sha256(basis.encode()).hexdigest()[:16]
