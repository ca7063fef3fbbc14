"""Turn a model into the tables that elimination combines: the zone (to count) or the costs.

The zone space keeps only options no red line rejects, pruned further by arc consistency on the
conditions (an option whose condition can no longer be met goes, and so on), which shrinks every
table before counting. The cost space keeps every option and prices each broken constraint, so
that the cheapest package names the cheapest set of concessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from postrack.zones.eliminate import Array, Space
from postrack.zones.model import LinkCondition, ZoneModel


def _in(domain: Sequence[int], options: frozenset[int]) -> Array:
    return np.fromiter((o in options for o in domain), dtype=bool, count=len(domain))


def satisfied(cond: LinkCondition, domains: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], Array]:
    """Whether ``cond`` holds, over the product of the kept options of its (sorted) issues."""
    return _satisfied(cond, tuple(tuple(domains[v]) for v in cond.scope))


@lru_cache(maxsize=4096)
def _satisfied(cond: LinkCondition, kept: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], Array]:
    """Cached: the searches ask for the same tables over and over; the arrays are read-only."""
    scope = cond.scope
    shape = [len(d) for d in kept]

    def along(issue: int, options: frozenset[int]) -> Array:
        mask = _in(kept[scope.index(issue)], options)
        return mask.reshape([len(mask) if v == issue else 1 for v in scope])

    holds = np.ones([1] * len(scope), dtype=bool)
    for clause in cond.clauses:
        met = np.zeros([1] * len(scope), dtype=bool)
        for req in clause:
            met = met | along(req.issue, req.options)
        holds = holds & met
    holds = holds | ~along(cond.issue, cond.when)
    return scope, np.broadcast_to(holds, shape)


def live_domains(model: ZoneModel, relaxed: frozenset[int] = frozenset()) -> tuple[tuple[int, ...], ...]:
    """Options left once red lines are applied and conditions made arc consistent."""
    rejected = {(r.issue, r.option) for k, r in enumerate(model.red_lines) if k not in relaxed}
    domains = [
        {o for o in range(len(i.options)) if (n, o) not in rejected} for n, i in enumerate(model.issues)
    ]
    n = len(model.red_lines)
    active = [c for k, c in enumerate(model.conditions) if n + k not in relaxed]
    changed = True
    while changed:
        changed = False
        for cond in active:
            changed |= _revise(cond, domains)
    return tuple(tuple(sorted(d)) for d in domains)


def _revise(cond: LinkCondition, domains: list[set[int]]) -> bool:
    """Arc consistency, clause by clause (every clause must hold when a ``when`` option is taken)."""
    if not domains[cond.issue] & cond.when:
        return False
    changed = False
    for clause in cond.clauses:
        alive: dict[int, set[int]] = {}
        for req in clause:
            if domains[req.issue] & req.options:
                alive.setdefault(req.issue, set()).update(req.options)
        if not alive:
            domains[cond.issue] -= cond.when
            return True
        if len(alive) == 1 and domains[cond.issue] <= cond.when:
            ((issue, options),) = alive.items()
            if not domains[issue] <= options:
                domains[issue] &= options
                changed = True
    return changed


def count_space(
    model: ZoneModel, domains: tuple[tuple[int, ...], ...], relaxed: frozenset[int] = frozenset()
) -> Space:
    n = len(model.red_lines)
    tables = {}
    for k, cond in enumerate(model.conditions):
        if n + k not in relaxed:
            scope, holds = satisfied(cond, domains)
            tables[k] = (scope, holds.astype(np.int64))
    unary = tuple(np.ones(len(d), dtype=np.int64) for d in domains)
    return Space("count", domains, unary, tables)


def cost_space(
    model: ZoneModel,
    hard: frozenset[int] = frozenset(),
    forced: frozenset[int] = frozenset(),
    keep: Sequence[Sequence[int]] | None = None,
) -> Space:
    """Price every broken constraint; ``hard`` ones must hold and ``forced`` ones must be broken.

    ``keep`` limits each issue to the given options (those that can still be part of a cheapest
    package), which shrinks every table of the later, more constrained searches.
    """
    domains = [
        set(range(len(i.options))) if keep is None else set(keep[n]) for n, i in enumerate(model.issues)
    ]
    costs = [np.zeros(len(i.options)) for i in model.issues]
    for k, r in enumerate(model.red_lines):
        if k in hard:
            domains[r.issue].discard(r.option)
        elif k in forced:
            domains[r.issue] &= {r.option}
        costs[r.issue][r.option] += r.cost
    kept = tuple(tuple(sorted(d)) for d in domains)
    n = len(model.red_lines)
    tables = {}
    for k, cond in enumerate(model.conditions):
        scope, holds = satisfied(cond, kept)
        if n + k in hard:
            table = np.where(holds, 0.0, np.inf)
        elif n + k in forced:
            table = np.where(holds, np.inf, float(cond.cost))
        else:
            table = np.where(holds, 0.0, float(cond.cost))
        tables[k] = (scope, table)
    unary = tuple(costs[i][list(d)] for i, d in enumerate(kept))
    return Space("min", kept, unary, tables)
