"""Probabilities of verdicts over the credences: exact enumeration when few events touch a verdict,
else the Monte Carlo sweep's estimate with a 95% Wilson score interval."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from math import sqrt
from typing import Literal

from postrack.robustness.credence import Doubt, StatementKey, stands
from postrack.robustness.verdicts import Evaluator, Verdict, Zones

EXACT_BOUND = 10
"""A verdict touched by at most this many uncertain events (statements' own events and their
sources) is enumerated exactly: at most 2**10 = 1,024 worlds."""
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    """The probability that a verdict keeps its value, with how it was obtained."""

    probability: float
    low: float
    high: float
    method: Literal["exact", "monte_carlo"]
    worlds: int
    """Worlds enumerated (exact) or sampled (Monte Carlo)."""
    seed: int | None = None


def exact(
    evaluator: Evaluator, doubt: Doubt, verdict: Verdict, keys: set[StatementKey], zones: Zones
) -> Estimate | None:
    """The exact probability, or None when more than :data:`EXACT_BOUND` events touch ``verdict``."""
    ordered = sorted(keys)
    events = doubt.variables(ordered)
    if len(events) > EXACT_BOUND:
        return None
    statements = [doubt.of(k) for k in ordered]
    cells = [verdict.issue] if verdict.kind == "cell" else []
    mode: Zones = "none" if verdict.kind == "cell" else zones
    seen: dict[frozenset[StatementKey], bool] = {}
    total = 0.0
    for outcome in product((True, False), repeat=len(events)):
        weight = 1.0
        for (_, p), ok in zip(events, outcome, strict=True):
            weight *= p if ok else 1.0 - p
        named = {name: ok for (name, _), ok in zip(events, outcome, strict=True)}
        absent = frozenset(s.key for s in statements if not stands(s, named))
        if absent not in seen:
            seen[absent] = evaluator.evaluate(absent, cells=cells, zones=mode)[verdict.key] == verdict.value
        total += weight if seen[absent] else 0.0
    p = min(1.0, max(0.0, total))
    return Estimate(p, p, p, "exact", 2 ** len(events))


def wilson(hits: int, n: int, seed: int) -> Estimate:
    """The Monte Carlo estimate ``hits / n`` with its 95% Wilson score interval."""
    p = hits / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 * sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / (1 + Z95**2 / n)
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half), "monte_carlo", n, seed)
