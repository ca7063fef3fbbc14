"""The baselines every bargaining forecast must beat: the capability × salience weighted mean and
weighted median of the actors' positions.

The median is the median-voter position (Black 1948): on one dimension with single-peaked
preferences it is the position no other can beat in a weighted pairwise vote, which is why the
expected-utility model starts from it. Sums use ``math.fsum`` (exactly rounded), so the result does
not depend on the order in which actors are listed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def weighted_mean(positions: Sequence[float], weights: Sequence[float]) -> float:
    """Σ wᵢxᵢ / Σ wᵢ (the plain mean when every weight is zero), kept within the positions' range
    where rounding would put it a hair outside."""
    total = math.fsum(weights)
    if total <= 0:
        mean = math.fsum(positions) / len(positions)
    else:
        mean = math.fsum(w * x for w, x in zip(weights, positions, strict=True)) / total
    return min(max(mean, min(positions)), max(positions))


def weighted_median(positions: Sequence[float], weights: Sequence[float]) -> float:
    """The lowest position at which the cumulative weight reaches half the total (the lower
    weighted median, so the result is always one of the positions and never an interpolation)."""
    if not positions:
        raise ValueError("weighted_median of no positions")
    if math.fsum(weights) <= 0:
        weights = [1.0] * len(positions)
    by_position: dict[float, list[float]] = {}
    for x, w in zip(positions, weights, strict=True):
        by_position.setdefault(x, []).append(w)
    half = math.fsum(weights) / 2
    running: list[float] = []
    for x in sorted(by_position):
        running.extend(by_position[x])
        if math.fsum(running) >= half:
            return x
    return max(by_position)
