"""How packages in the zone are ranked: exact scores from each party's gain over its no-deal value.

A party's utility for a package is the salience-weighted mean of its per-issue utilities
(weights = saliences normalised per party). Its *gain* is that utility minus its no-deal value.
Scores are computed on integers scaled by a common factor, so equal scores are exactly equal and
ties fall to package order (the earliest option on the first issue that differs wins):

- ``nash`` (default): product of the gains, over packages that give every party a positive gain
  (the Nash bargaining solution is defined on the individually rational packages only);
- ``egalitarian``: the smallest gain (max-min);
- ``utilitarian``: the sum of the gains.

Parties that care about no issue of the model (total weight 0) are left out of every score.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import lcm, prod
from typing import Literal

from postrack.zones.model import UNIT, ZoneModel

Ranking = Literal["nash", "egalitarian", "utilitarian"]
RANKINGS: tuple[Ranking, ...] = ("nash", "egalitarian", "utilitarian")


@dataclass(frozen=True)
class Scorer:
    """Exact integer gains and scores for one model."""

    model: ZoneModel
    ranking: Ranking

    @property
    def caring(self) -> tuple[int, ...]:
        return tuple(k for k, p in enumerate(self.model.parties) if p.total_weight > 0)

    @property
    def scale(self) -> int:
        """``L``: gains are integers ``(utility - no_deal) * L * UNIT``."""
        return lcm(*(self.model.parties[k].total_weight for k in self.caring)) if self.caring else 1

    def totals(self, package: tuple[int, ...]) -> tuple[int, ...]:
        """Per party: sum of weight * utility (exact), for every party of the model."""
        return tuple(
            sum(w * u[o] for w, u, o in zip(p.weights, p.utilities, package, strict=True))
            for p in self.model.parties
        )

    def gains(self, totals: tuple[int, ...]) -> tuple[int, ...]:
        scale = self.scale
        return tuple(
            (totals[k] - self.model.parties[k].no_deal * self.model.parties[k].total_weight)
            * (scale // self.model.parties[k].total_weight)
            for k in self.caring
        )

    def score(self, gains: tuple[int, ...]) -> int | None:
        """The exact score, or None when the package is not ranked (Nash: someone gains nothing)."""
        if self.ranking == "nash":
            return prod(gains) if all(g > 0 for g in gains) else None
        if self.ranking == "egalitarian":
            return min(gains, default=0)
        return sum(gains)

    def as_float(self, score: int) -> float:
        """The score on the 0-1 utility scale (Nash: the product of gains on that scale)."""
        unit = self.scale * UNIT
        if self.ranking == "nash":
            return float(score / unit ** len(self.caring))
        return score / unit

    def utilities(self, totals: tuple[int, ...]) -> tuple[float | None, ...]:
        """Per party utility on 0-1, None for a party that cares about nothing here."""
        return tuple(
            t / (p.total_weight * UNIT) if p.total_weight else None
            for t, p in zip(totals, self.model.parties, strict=True)
        )
