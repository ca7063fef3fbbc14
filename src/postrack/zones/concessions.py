"""The cheapest concessions: which red lines and conditions to relax so that a zone opens.

Relaxing exactly the constraints a package breaks lets that package in, and any relaxation that
opens the zone contains the broken set of some package. So the cheapest concession set is the
broken set of a package of minimum total cost: a weighted CSP solved by min-sum elimination on
the same decomposition as counting (parts add their costs). All cheapest sets, not just one, are
enumerated by Lawler's partitioning: after a set S = {c1..ck} is found, the others either keep
c1..c(j-1) broken and c(j) intact, for exactly one j; each branch is one more elimination with
those constraints forced. Costs are positive, so cheapest sets never contain one another.

``improve`` asks for the cheapest concessions *by the other parties* so that some package gives
one party at least a target utility: the party's own constraints stay hard, and a branch and
bound with exact per-criterion bounds (least cost to complete, most utility to complete) finds
the cheapest package meeting the target; the same partitioning lists the alternatives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice, product

import numpy as np

from postrack.zones.count import part_count
from postrack.zones.decompose import Part
from postrack.zones.eliminate import Array, Elimination, Space
from postrack.zones.model import ZoneModel
from postrack.zones.plan import Budget, plan_part
from postrack.zones.search import Search
from postrack.zones.spaces import cost_space

ALTERNATIVES = 12
"""How many cheapest sets to list at most (the result says when there were more)."""

Oracle = Callable[[frozenset[int], frozenset[int]], "tuple[int, frozenset[int]] | None"]
"""(forced broken, kept intact) -> the cheapest broken set under those terms, with its cost."""


@dataclass(frozen=True)
class Concessions:
    cost: int
    sets: tuple[frozenset[int], ...]
    complete: bool
    opens: tuple[int, ...]
    """Zone size once each set is relaxed (same order as ``sets``)."""
    singles: tuple[tuple[int, int], ...]
    """(constraint, zone size once only it is relaxed), for every constraint in some set."""
    exact: bool = True
    """Whether every zone size above is exact (else: proven lower bounds, see ``count.py``)."""


def constraints_of(model: ZoneModel, part: Part) -> frozenset[int]:
    issues = set(part.issues)
    n = len(model.red_lines)
    out = {k for k, r in enumerate(model.red_lines) if r.issue in issues}
    out |= {n + k for k, c in enumerate(model.conditions) if c.issue in issues}
    return frozenset(out)


def open_zone(
    model: ZoneModel,
    parts: tuple[Part, ...],
    counts: tuple[int, ...],
    limit: int = ALTERNATIVES,
    budget: Budget | None = None,
    upper: tuple[int, ...] | None = None,
) -> Concessions:
    """The cheapest ways to open an empty zone (each blocked part on its own, then combined)."""
    budget = budget or Budget()
    cost, sets, complete = cheapest(model, parts, counts, limit, budget)
    return _finish(model, parts, counts, cost, sets, complete, budget, upper)


def cheapest(
    model: ZoneModel,
    parts: tuple[Part, ...],
    counts: tuple[int, ...],
    limit: int = ALTERNATIVES,
    budget: Budget | None = None,
) -> tuple[int, list[frozenset[int]], bool]:
    """The cost and the sets of :func:`open_zone`, without what each set opens (robustness asks
    for these alone in many variants of a model)."""
    budget = budget or Budget()
    per_part = []
    complete = True
    for part, count in zip(parts, counts, strict=True):
        if count:
            continue
        wide = plan_part(model, part, budget).cost == "cp-sat"
        found = enumerate_cheapest((_solver_oracle if wide else _part_oracle)(model, part), limit)
        assert found is not None, "every package is possible once constraints are priced"
        cost, sets, done = found
        per_part.append((cost, sets))
        complete &= done
    combos = list(islice(product(*(sets for _, sets in per_part)), limit + 1))
    complete &= len(combos) <= limit
    sets = sorted((frozenset().union(*combo) for combo in combos[:limit]), key=sorted)
    return sum(c for c, _ in per_part), sets, complete


def improve(
    model: ZoneModel,
    parts: tuple[Part, ...],
    counts: tuple[int, ...],
    party: int,
    target: int,
    limit: int = ALTERNATIVES,
    budget: Budget | None = None,
    upper: tuple[int, ...] | None = None,
) -> Concessions | None:
    """Cheapest concessions by others so that ``party``'s weighted total reaches ``target``.

    ``target`` is in the units of the party's sum of weight * utility; None when even relaxing
    every other party's constraints cannot reach it. ``upper``: the parts' upper bounds when
    ``counts`` are lower bounds.
    """
    budget = budget or Budget()
    wide = any(plan_part(model, part, budget).search == "cp-sat" for part in parts)
    oracle = _solver_improve_oracle if wide else _improve_oracle
    found = enumerate_cheapest(oracle(model, parts, party, target), limit)
    if found is None:
        return None
    cost, sets, complete = found
    return _finish(model, parts, counts, cost, sorted(sets, key=sorted), complete, budget, upper)


def enumerate_cheapest(oracle: Oracle, limit: int) -> tuple[int, list[frozenset[int]], bool] | None:
    """Every cheapest broken set (up to ``limit``) by Lawler's partitioning; None if infeasible."""
    first = oracle(frozenset(), frozenset())
    if first is None:
        return None
    best, start = first
    found = [start]
    queue = [(frozenset[int](), frozenset[int](), start)]
    while queue:
        forced, kept, found_set = queue.pop(0)
        items = sorted(found_set - forced)
        for j, c in enumerate(items):
            branch = (forced | frozenset(items[:j]), kept | {c})
            result = oracle(*branch)
            if result is None or result[0] != best:
                continue
            if len(found) == limit:
                return best, found, False
            found.append(result[1])
            queue.append((*branch, result[1]))
    return best, found, True


def _part_oracle(model: ZoneModel, part: Part) -> Oracle:
    """Cheapest broken set of one part; after the first call, options whose cheapest package
    costs more than the minimum are dropped (branches only add constraints, so they never need them).
    """
    mine = constraints_of(model, part)
    keep: list[list[int]] | None = None

    def solve(forced: frozenset[int], kept: frozenset[int]) -> tuple[int, frozenset[int]] | None:
        nonlocal keep
        run = Elimination(part, cost_space(model, hard=kept, forced=forced, keep=keep))
        if not run.feasible:
            return None
        if keep is None:
            keep = [list(range(len(i.options))) for i in model.issues]
            for v in part.issues:
                keep[v] = [
                    o
                    for o, c in zip(run.space.domains[v], run.marginal(v).tolist(), strict=True)
                    if c <= run.total
                ]
        chosen = run.decode()
        package = tuple(chosen.get(i, 0) for i in range(len(model.issues)))
        broken = model.violated(package) & mine
        return sum(model.cost(k) for k in broken), broken

    return solve


def ideal(model: ZoneModel, parts: tuple[Part, ...], party: int, budget: Budget | None = None) -> int | None:
    """The most ``party`` can get (sum of weight * utility) within its own constraints alone."""
    if any(plan_part(model, part, budget or Budget()).search == "cp-sat" for part in parts):
        from postrack.zones import cpsat

        found = cpsat.best_total(model, range(len(model.issues)), party, _own(model, party))
        return None if found is None else found[0]
    spec = model.parties[party]
    rows = _ImproveRows(
        model, parts, cost_space(model, hard=_own(model, party)), spec.weights, spec.utilities
    )
    best = rows.root(1)
    return None if best == -np.inf else int(best)


def _solver_oracle(model: ZoneModel, part: Part) -> Oracle:
    """The same oracle as :func:`_part_oracle`, answered by CP-SAT for a part too wide to eliminate."""
    from postrack.zones import cpsat

    mine = constraints_of(model, part)

    def solve(forced: frozenset[int], kept: frozenset[int]) -> tuple[int, frozenset[int]] | None:
        chosen = cpsat.cheapest(model, part.issues, hard=kept, forced=forced)
        if chosen is None:
            return None
        broken = model.violated(tuple(chosen.get(i, 0) for i in range(len(model.issues)))) & mine
        return sum(model.cost(k) for k in broken), broken

    return solve


def _solver_improve_oracle(model: ZoneModel, parts: tuple[Part, ...], party: int, target: int) -> Oracle:
    """The same oracle as :func:`_improve_oracle`, answered by CP-SAT over the whole model."""
    from postrack.zones import cpsat

    own = _own(model, party)

    def solve(forced: frozenset[int], kept: frozenset[int]) -> tuple[int, frozenset[int]] | None:
        if forced & own:
            return None
        issues = range(len(model.issues))
        chosen = cpsat.cheapest(model, issues, hard=own | kept, forced=forced, at_least=(party, target))
        if chosen is None:
            return None
        broken = model.violated(tuple(chosen[i] for i in issues))
        return sum(model.cost(k) for k in broken), broken

    return solve


def _own(model: ZoneModel, party: int) -> frozenset[int]:
    n = len(model.red_lines)
    own = {k for k, r in enumerate(model.red_lines) if r.party == party}
    return frozenset(own | {n + k for k, c in enumerate(model.conditions) if c.party == party})


def _improve_oracle(model: ZoneModel, parts: tuple[Part, ...], party: int, target: int) -> Oracle:
    own = _own(model, party)
    spec = model.parties[party]

    def solve(forced: frozenset[int], kept: frozenset[int]) -> tuple[int, frozenset[int]] | None:
        if forced & own:
            return None
        rows = _ImproveRows(
            model, parts, cost_space(model, hard=own | kept, forced=forced), spec.weights, spec.utilities
        )
        if any(run.total == -np.inf for run in rows.runs[0]):
            return None
        best: list[tuple[int, frozenset[int]]] = []

        def children(v: int, bounds: Array) -> list[int]:
            limit = best[0][0] if best else np.inf
            ok = [k for k in range(bounds.shape[1]) if -bounds[0, k] < limit and bounds[1, k] >= target]
            return sorted(ok, key=lambda k: (-bounds[0, k], -bounds[1, k], k))

        def leaf(package: tuple[int, ...]) -> bool:
            total = sum(w * u[o] for w, u, o in zip(spec.weights, spec.utilities, package, strict=True))
            broken = model.violated(package)
            cost = sum(model.cost(k) for k in broken)
            if total >= target and (not best or cost < best[0][0]):
                best[:] = [(cost, broken)]
            return False

        Search(rows).run(children, leaf)
        return best[0] if best else None

    return solve


class _ImproveRows:
    """Two rows over the relaxable space: minus the cost of what is broken, and the party's total."""

    def __init__(
        self,
        model: ZoneModel,
        parts: tuple[Part, ...],
        costs: Space,
        weights: tuple[int, ...],
        utilities: tuple[tuple[int, ...], ...],
    ) -> None:
        self.parts = parts
        self.domains = costs.domains
        cost_row = Space(
            "max",
            costs.domains,
            tuple(-u for u in costs.unary),
            {k: (s, -t) for k, (s, t) in costs.tables.items()},
        )
        values = tuple(
            np.array([w * u[o] for o in d], dtype=np.float64)
            for w, u, d in zip(weights, utilities, costs.domains, strict=True)
        )
        allowed = {k: (s, np.where(t == np.inf, -np.inf, 0.0)) for k, (s, t) in costs.tables.items()}
        value_row = Space("max", costs.domains, values, allowed)
        self.runs = [[Elimination(part, space) for part in parts] for space in (cost_row, value_row)]

    def root(self, row: int) -> float:
        return float(sum(run.total for run in self.runs[row]))


def _finish(
    model: ZoneModel,
    parts: tuple[Part, ...],
    counts: tuple[int, ...],
    cost: int,
    sets: list[frozenset[int]],
    complete: bool,
    budget: Budget,
    upper: tuple[int, ...] | None,
) -> Concessions:
    upper = upper or counts
    owner = {k: p for p, part in enumerate(parts) for k in constraints_of(model, part)}
    exact = True

    def opened(relaxed: frozenset[int]) -> int:
        nonlocal exact
        touched = {owner[k] for k in relaxed}
        total = 1
        for p, part in enumerate(parts):
            low, high = part_count(model, part, relaxed, budget) if p in touched else (counts[p], upper[p])
            exact &= low == high
            total *= low
        return total

    singles = tuple((k, opened(frozenset({k}))) for k in sorted(frozenset().union(*sets)))
    opens = tuple(opened(s) for s in sets)
    return Concessions(cost, tuple(sets), complete, opens, singles, exact)
