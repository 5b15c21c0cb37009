"""Ranking and set metrics, one role at a time (averaged over roles by the harness).

`relevant` maps each relevant role to its grade (O*NET: Primary-Short 3, Primary-Long 2,
Supplemental 1; the seed: a documented move 2, a career-section move 1). Precision and
recall count any grade; nDCG weighs by grade with the usual log2 discount.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def precision_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of the first k places that hold a relevant role (a short list counts its gaps)."""
    return sum(code in relevant for code in ranked[:k]) / k


def recall_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of the relevant roles found in the first k places."""
    if not relevant:
        return 0.0
    return sum(code in relevant for code in ranked[:k]) / len(relevant)


def dcg(grades: Sequence[int]) -> float:
    return sum(grade / math.log2(place + 2) for place, grade in enumerate(grades))


def ndcg_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """DCG of the first k places over the best DCG the relevant roles allow."""
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(code, 0) for code in ranked[:k]]) / ideal if ideal else 0.0


def set_hits(predicted: set[str], relevant: Mapping[str, int]) -> int:
    return len(predicted & relevant.keys())


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if not ordered:
        return 0.0
    return (
        float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    )
