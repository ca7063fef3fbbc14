"""The top packages of the zone under a ranking, with exact Pareto marks, by branch and bound.

Bounds (all admissible, from :class:`~postrack.zones.search.Objectives` rows):

- per party ``p``: the best gain ``ub[p]`` any completion can still give it;
- Nash: ``prod(max(ub, 0))``, and for each weight row ``lam`` the AM-GM bound
  ``(sum(lam * gain) / n) ** n / prod(lam)``; the rows are the tangents of the log-product at the
  packages found by a few rounds of "maximise the weighted sum, reweight by 1 / gain";
- max-min: ``min(ub)`` and ``sum(lam * gain) / sum(lam)`` for rows that shift weight to whoever is
  worst off;
- utilitarian: the sum row itself, which is exact.

A node is cut when its bound is below the N-th score, or equal to it while every package below
it comes later in package order (ties go to the earlier package); near the N-th score the bound
is recomputed on integers, so the cut is exact.

Pareto optimality is checked against the whole zone: a package is dominated iff some zone
package is at least as good for every party and better for one, which the same search looks for
with the package's own gains as thresholds.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable
from dataclasses import dataclass
from math import prod

import numpy as np

from postrack.zones.decompose import Part
from postrack.zones.eliminate import Array
from postrack.zones.model import ZoneModel
from postrack.zones.ranking import Ranking, Scorer
from postrack.zones.search import Objectives, Search

MARGIN = 1e-9
ROUNDS = 3
WEIGHT_STEPS = 1000


@dataclass(frozen=True)
class Ranked:
    package: tuple[int, ...]
    score: int
    totals: tuple[int, ...]
    pareto: bool


def best_packages(
    model: ZoneModel,
    parts: tuple[Part, ...],
    domains: tuple[tuple[int, ...], ...],
    ranking: Ranking,
    top: int,
) -> tuple[Ranked, ...]:
    """The ``top`` best packages of a non-empty zone whose per-issue options are ``domains``."""
    scorer = Scorer(model, ranking)
    obj = Objectives(model, parts, domains)
    n = len(obj.caring)
    for j in range(n):
        obj.add([int(j == k) for k in range(n)])
    if n == 0:
        obj.add([])
    elif ranking == "nash" and min(obj.root(j) for j in range(n)) < 1:
        return ()
    chosen: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    seen: set[tuple[int, ...]] = set()

    def offer(package: tuple[int, ...]) -> None:
        if package in seen:
            return
        seen.add(package)
        totals = scorer.totals(package)
        score = scorer.score(scorer.gains(totals))
        if score is not None:
            insort(chosen, (-score, package, totals))
            del chosen[top:]

    _weight_rows(obj, scorer, offer)
    search = Search(obj)
    bounds = _Bounds(ranking, n, [w for w in obj.weights[n:]] if n else [])
    exact = obj.exact

    def children(v: int, rows: Array) -> list[int]:
        values = bounds.approx(rows)
        order = [
            k for k in sorted(range(rows.shape[1]), key=lambda k: (-values[k], k)) if values[k] > -np.inf
        ]
        if len(chosen) < top:
            return order
        kth = -chosen[-1][0]
        limit = float(kth)
        slack = MARGIN * max(1.0, abs(limit))
        keep = []
        for k in order:
            if values[k] < limit - slack:
                continue
            if exact and values[k] <= limit + slack:
                sign = bounds.compare([int(x) for x in rows[:, k]], kth)
                if sign < 0 or (sign == 0 and search.earliest(v, k) > chosen[-1][1]):
                    continue
            keep.append(k)
        return keep

    def leaf(package: tuple[int, ...]) -> bool:
        offer(package)
        return False

    search.run(children, leaf)
    return tuple(
        Ranked(package, -neg, totals, n == 0 or _pareto(search, obj, scorer, totals))
        for neg, package, totals in chosen
    )


@dataclass(frozen=True)
class _Bounds:
    """Upper bounds on the score below a node, from its rows (per-party rows first)."""

    ranking: Ranking
    n: int
    weights: list[Array]

    def approx(self, rows: Array) -> Array:
        n, per = self.n, rows[: self.n]
        if self.ranking == "nash":
            out = np.prod(np.maximum(per, 0.0), axis=0) if n else np.ones(rows.shape[1])
            for w, row in zip(self.weights, rows[n : n + len(self.weights)], strict=True):
                out = np.minimum(out, (np.maximum(row, 0.0) / n) ** n / np.prod(w))
            if n:
                out = np.where(np.all(per >= 1, axis=0), out, -np.inf)
        elif self.ranking == "egalitarian":
            out = per.min(axis=0) if n else np.zeros(rows.shape[1])
            for w, row in zip(self.weights, rows[n : n + len(self.weights)], strict=True):
                out = np.minimum(out, row / w.sum())
        else:
            out = rows[n] if n else np.zeros(rows.shape[1])
        return np.where(np.any(rows == -np.inf, axis=0), -np.inf, out)

    def compare(self, column: list[int], score: int) -> int:
        """The sign of (exact bound - ``score``), on integers."""
        n, per = self.n, column[: self.n]
        weights = [[int(x) for x in w] for w in self.weights]
        if self.ranking == "nash":
            if n and min(per) < 1:
                return -1
            signs = [_sign(prod(per) - score)]
            signs += [
                _sign(max(s, 0) ** n - score * n**n * prod(w))
                for w, s in zip(weights, column[n : n + len(weights)], strict=True)
            ]
        elif self.ranking == "egalitarian":
            signs = [_sign(min(per, default=0) - score)]
            signs += [
                _sign(s - score * sum(w)) for w, s in zip(weights, column[n : n + len(weights)], strict=True)
            ]
        else:
            signs = [_sign((column[n] if n else 0) - score)]
        return min(signs)


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


def _weight_rows(obj: Objectives, scorer: Scorer, offer: Callable[[tuple[int, ...]], None]) -> None:
    """Add the weight rows of the ranking, offering each row's best package as a first incumbent."""
    n = len(obj.caring)
    if n == 0:
        return
    if scorer.ranking == "utilitarian":
        offer(obj.decode(obj.add([1] * n)))
        return
    lam = 1.0 / np.array([obj.root(j) for j in range(n)]) if scorer.ranking == "nash" else np.ones(n)
    used: list[list[int]] = []
    for _ in range(ROUNDS):
        weights = [max(1, round(WEIGHT_STEPS * x / lam.max())) for x in lam]
        if weights in used:
            return
        used.append(weights)
        package = obj.decode(obj.add(weights))
        offer(package)
        gains = np.array(scorer.gains(scorer.totals(package)), dtype=np.float64)
        if scorer.ranking == "nash":
            if np.any(gains <= 0):
                return
            lam = 1.0 / gains
        else:
            spread = gains.max() - gains.min()
            if spread <= 0:
                return
            lam = lam * 2.0 ** (-(gains - gains.min()) / spread)


def _pareto(search: Search, obj: Objectives, scorer: Scorer, totals: tuple[int, ...]) -> bool:
    """True unless some package of the zone is at least as good for all and better for one.

    A dominating package must reach every party's gain and, on the first weight row (all weights
    positive), strictly more than this package: so packages merely equal to it are never searched.
    """
    own = scorer.gains(totals)
    n = len(own)
    weights = obj.weights[n:]
    need = np.array(
        [*own, *(int(sum(int(a) * b for a, b in zip(w, own, strict=True))) for w in weights)], dtype=float
    )
    exact = obj.exact
    slack = 0.0 if exact else MARGIN * float(np.abs(need).max(initial=1.0))
    found: list[bool] = []

    def children(v: int, rows: Array) -> list[int]:
        ok = np.all(rows >= (need - slack)[:, None], axis=0)
        if exact and weights:
            ok &= rows[n] > need[n]
        return [k for k in range(rows.shape[1]) if ok[k]]

    def leaf(other: tuple[int, ...]) -> bool:
        theirs = scorer.gains(scorer.totals(other))
        if all(a >= b for a, b in zip(theirs, own, strict=True)) and theirs != own:
            found.append(True)
            return True
        return False

    search.run(children, leaf)
    return not found
