"""The brute-force reference: enumerate every package. Written independently of the engine."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from math import prod

from postrack.zones.model import ZoneModel


def packages(model: ZoneModel) -> Iterator[tuple[int, ...]]:
    return product(*(range(len(i.options)) for i in model.issues))


def broken(model: ZoneModel, x: tuple[int, ...], relaxed: frozenset[int] = frozenset()) -> frozenset[int]:
    out = {k for k, r in enumerate(model.red_lines) if x[r.issue] == r.option}
    n = len(model.red_lines)
    for k, c in enumerate(model.conditions):
        if x[c.issue] in c.when and not all(any(x[r.issue] in r.options for r in cl) for cl in c.clauses):
            out.add(n + k)
    return frozenset(out - relaxed)


def zone(model: ZoneModel, relaxed: frozenset[int] = frozenset()) -> list[tuple[int, ...]]:
    return [x for x in packages(model) if not broken(model, x, relaxed)]


def utilities(model: ZoneModel, x: tuple[int, ...]) -> list[Fraction]:
    """Utility of every caring party (total weight > 0), exact."""
    return [
        Fraction(
            sum(w * u[o] for w, u, o in zip(p.weights, p.utilities, x, strict=True)), sum(p.weights) * 1000
        )
        for p in model.parties
        if sum(p.weights) > 0
    ]


def score(model: ZoneModel, ranking: str, x: tuple[int, ...]) -> Fraction | None:
    no_deal = [Fraction(p.no_deal, 1000) for p in model.parties if sum(p.weights) > 0]
    gains = [u - d for u, d in zip(utilities(model, x), no_deal, strict=True)]
    if ranking == "nash":
        return prod(gains, start=Fraction(1)) if all(g > 0 for g in gains) else None
    if ranking == "egalitarian":
        return min(gains, default=Fraction(0))
    return sum(gains, Fraction(0))


@dataclass(frozen=True)
class Best:
    package: tuple[int, ...]
    score: Fraction
    pareto: bool


def best(model: ZoneModel, ranking: str, top: int) -> list[Best]:
    members = zone(model)
    scored = [(s, x) for x in members if (s := score(model, ranking, x)) is not None]
    scored.sort(key=lambda sx: (-sx[0], sx[1]))
    utils = {x: utilities(model, x) for x in members}

    def dominated(x: tuple[int, ...]) -> bool:
        mine = utils[x]
        return any(
            all(a >= b for a, b in zip(utils[y], mine, strict=True)) and utils[y] != mine for y in members
        )

    return [Best(x, s, not dominated(x)) for s, x in scored[:top]]


def per_option(model: ZoneModel) -> list[list[int]]:
    members = zone(model)
    return [
        [sum(1 for x in members if x[i] == o) for o in range(len(issue.options))]
        for i, issue in enumerate(model.issues)
    ]


def cheapest(model: ZoneModel) -> tuple[int, set[frozenset[int]]]:
    """The minimum total cost of constraints to relax so that the zone opens, and every such set."""
    costs = {}
    for x in packages(model):
        b = broken(model, x)
        costs[b] = sum(model.cost(k) for k in b)
    low = min(costs.values())
    return low, {b for b, c in costs.items() if c == low}


def cheapest_with(model: ZoneModel, issue: int, option: int) -> int:
    """The minimum cost of relaxations that let some package with ``option`` on ``issue`` in."""
    return min(sum(model.cost(k) for k in broken(model, x)) for x in packages(model) if x[issue] == option)
