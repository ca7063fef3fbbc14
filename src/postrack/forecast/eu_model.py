"""The expected-utility bargaining model of Bueno de Mesquita (1994), as specified by Scholz,
Calbert and Smith (2011), on one ordered issue.

Why this shape: each round every actor weighs, against every other, whether challenging it pays
(the expected utility of a challenge against that of the status quo, given the chance that the
capability × salience coalitions side with it); the targets of credible challenges give in,
compromise, or stand firm, and positions move. Where they stop moving is the forecast, read at the
weighted median as the median voter would. Equations and parameters: docs/forecast.md.

Determinism: no randomness; sums are exactly rounded (``math.fsum``), so the result does not
depend on the order actors are given in; ties between offers are broken by the offer's strength,
then the smaller move, then the lower position, never by an actor's name or index.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from postrack.forecast.baselines import weighted_mean, weighted_median

Kind = Literal["conflict", "compromise", "capitulation"]


@dataclass(frozen=True)
class Actor:
    """One actor on one issue: position on the scale, capability (any non-negative unit: only
    ratios matter) and salience (0-1)."""

    name: str
    position: float
    capability: float
    salience: float


@dataclass(frozen=True)
class Parameters:
    """The model's free parameters (docs/forecast.md, "Parameters").

    ``q``: the probability that the status quo persists when i does not challenge (1 as in the
    model's standard form, which makes ``T``, ``U_b`` and ``U_w`` drop out); ``risk``: whether
    actors' risk attitudes are estimated from their security (else everyone is risk-neutral).
    Stop rule: bargaining ends when the median position moves by at most ``tolerance`` (a
    fraction of the scale) from one round to the next, or after ``max_rounds``.
    """

    q: float = 1.0
    risk: bool = True
    max_rounds: int = 100
    tolerance: float = 0.01


@dataclass(frozen=True)
class Challenge:
    """A credible challenge of ``target`` by ``challenger`` in one round, and how it resolves."""

    challenger: str
    target: str
    kind: Kind
    eu_challenger: float
    eu_target: float
    before: float
    after: float


@dataclass(frozen=True)
class Round:
    """Positions after a round (round 0: the starting positions), in the actors' order."""

    number: int
    positions: tuple[float, ...]
    median: float
    mean: float
    challenges: tuple[Challenge, ...]


@dataclass(frozen=True)
class Run:
    actors: tuple[Actor, ...]
    rounds: tuple[Round, ...]
    converged: bool

    @property
    def final(self) -> Round:
        return self.rounds[-1]

    @property
    def rounds_run(self) -> int:
        return self.final.number


def run(actors: Sequence[Actor], low: float, high: float, params: Parameters | None = None) -> Run:
    """Bargain round by round until the stop rule ends it (see :class:`Parameters`).

    One actor, or actors who all stand in one place, have nobody to challenge: zero rounds."""
    params = params or Parameters()
    if not actors:
        raise ValueError("the expected-utility model needs at least one actor")
    span = high - low if high > low else 1.0
    total = math.fsum(a.capability for a in actors)
    weights = [
        (a.capability / total if total > 0 else 1.0) * a.salience for a in actors
    ]  # normalised so that scaling every capability changes nothing, bit for bit
    x = [a.position for a in actors]
    history = [Round(0, tuple(x), weighted_median(x, weights), weighted_mean(x, weights), ())]
    if len(set(x)) == 1:
        return Run(tuple(actors), tuple(history), True)
    for number in range(1, params.max_rounds + 1):
        challenges = _round(actors, x, weights, span, params)
        moves = {c.target: c.after for c in challenges if c.kind != "conflict"}
        new = [moves.get(a.name, x[k]) for k, a in enumerate(actors)]
        history.append(
            Round(number, tuple(new), weighted_median(new, weights), weighted_mean(new, weights), challenges)
        )
        still = new == x or len(set(new)) == 1
        if still or abs(history[-1].median - history[-2].median) <= params.tolerance * span:
            return Run(tuple(actors), tuple(history), True)
        x = new
    return Run(tuple(actors), tuple(history), False)


def _round(
    actors: Sequence[Actor], x: list[float], w: list[float], span: float, params: Parameters
) -> tuple[Challenge, ...]:
    n = len(actors)
    median = weighted_median(x, w)
    prob = [[_p_success(i, j, x, w) for j in range(n)] for i in range(n)]
    risk = [1.0] * n
    if params.risk:
        neutral = _eu_matrix(actors, x, prob, risk, median, span, params.q)
        risk = _risk_exponents(neutral)
    eu = _eu_matrix(actors, x, prob, risk, median, span, params.q)
    out: list[Challenge] = []
    for j in range(n):
        offers: list[Challenge] = []
        for i in range(n):
            if i == j or x[i] == x[j] or eu[i][j] <= 0:
                continue
            a, b = eu[i][j], eu[j][i]
            if b > 0:
                kind: Kind = "conflict"
                after = x[j]
            elif abs(b) < a:
                kind, after = "compromise", x[j] + (x[i] - x[j]) * abs(b) / a
            else:
                kind, after = "capitulation", x[i]
            offers.append(Challenge(actors[i].name, actors[j].name, kind, a, b, x[j], after))
        conflicts = [c for c in offers if c.kind == "conflict"]
        moving = [c for c in offers if c.kind != "conflict"]
        if moving:
            # the most enforceable proposal sticks; among equals the target moves the least
            out.append(min(moving, key=lambda c: (-c.eu_challenger, abs(c.after - c.before), c.after)))
        out.extend(sorted(conflicts, key=lambda c: (-c.eu_challenger, c.after)))
    return tuple(out)


def _p_success(i: int, j: int, x: list[float], w: list[float]) -> float:
    """i's probability of prevailing over j: the share of capability × salience-weighted support
    (each actor k backing the nearer of the two, by how much nearer) that sides with i."""
    if x[i] == x[j]:
        return 0.5
    votes = [wk * (abs(xk - x[j]) - abs(xk - x[i])) for wk, xk in zip(w, x, strict=True)]
    total = math.fsum(abs(v) for v in votes)
    return math.fsum(v for v in votes if v > 0) / total if total > 0 else 0.5


def _eu_matrix(
    actors: Sequence[Actor],
    x: list[float],
    prob: list[list[float]],
    risk: list[float],
    median: float,
    span: float,
    q: float,
) -> list[list[float]]:
    """E^i(U_ij): i's expected utility of challenging j, net of not challenging."""
    n = len(actors)
    out = [[0.0] * n for _ in range(n)]
    for i in range(n):
        r = risk[i]
        for j in range(n):
            if i == j:
                continue
            d = abs(x[i] - x[j]) / span
            dm = abs(x[i] - median) / span
            success = 2 - 4 * (0.5 - 0.5 * d) ** r
            failure = 2 - 4 * (0.5 + 0.5 * d) ** r
            better = 2 - 4 * max(0.0, 0.5 - 0.25 * (dm + d)) ** r
            worse = 2 - 4 * (0.5 + 0.25 * (dm + d)) ** r
            status_quo = 2 - 4 * 0.5**r
            t = 1.0 if abs(x[i] - median) < abs(x[i] - x[j]) else 0.0
            s = actors[j].salience
            challenge = s * (prob[i][j] * success + (1 - prob[i][j]) * failure) + (1 - s) * success
            stay = q * status_quo + (1 - q) * (t * better + (1 - t) * worse)
            out[i][j] = challenge - stay
    return out


def _risk_exponents(eu: list[list[float]]) -> list[float]:
    """r_i from i's security: the sum of what the others expect from challenging i, placed between
    the least and most secure actor (R_i in [-1, 1]) and mapped to r_i = (1 - R/3) / (1 + R/3)."""
    n = len(eu)
    security = [math.fsum(eu[j][i] for j in range(n) if j != i) for i in range(n)]
    top, bottom = max(security), min(security)
    if top == bottom:
        return [1.0] * n
    return [
        (1 - big_r / 3) / (1 + big_r / 3)
        for big_r in ((2 * s - top - bottom) / (top - bottom) for s in security)
    ]
