"""The inferred-link policy: its settings and the fingerprint that versions its links.

Apart from graph.algorithms.links (the inference, with numpy and scipy) because a store
reading links stored with a release needs only the fingerprint: `careergraph gap` on an
imported catalogue then loads neither (issue 24, the CLI's start-up).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# Bump when the inferring code changes what it picks: the fingerprint, and through it
# every release version, changes with it.
RULE_VERSION = 4  # 4: the rule in plain words ("2nd most related role to 1.3")


@dataclass(frozen=True)
class LinkPolicy:
    """The one place the inferred-link settings live.

    Each role links to its k most related onward roles, k = `top_k` but at most `share`
    of the other roles (so a small catalogue is not linked all to all). `threshold` is
    the coverage at which a role counts as within reach (unlocks, compare).
    """

    top_k: int = 23
    share: float = 0.25
    threshold: float = 0.6

    def k_for(self, roles: int) -> int:
        """How many links leave each role of a catalogue of `roles` roles (at least 1)."""
        return max(1, min(self.top_k, int(self.share * (roles - 1))))

    @property
    def fingerprint(self) -> str:
        """What identifies the links this policy infers: rule version and settings."""
        settings = (
            f"rule={RULE_VERSION};top_k={self.top_k};share={self.share!r};"
            f"threshold={self.threshold!r}"
        )
        return hashlib.sha256(settings.encode()).hexdigest()[:12]


DEFAULT_POLICY = LinkPolicy()
