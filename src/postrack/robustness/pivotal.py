"""Pivotal statements, exactly: which single absences change a verdict, and the smallest set of
doubtful statements whose absence flips it.

Every statement in scope is removed on its own and the verdicts recomputed (one world each), so
what a verdict *rests on* is exact. The smallest flipping set is then searched by size among
the doubtful statements the verdict can read, each set holding one statement in effect (some
position is made of it), likeliest to fail first. Where those statements are few
(:data:`EXACT_FLIP_CELL`, :data:`EXACT_FLIP_ZONE`) every set is tried, so the flip found is the
smallest there is; otherwise pairs are tried within a budget of worlds per verdict
(:data:`CELL_PAIR_BUDGET`, :data:`PAIR_BUDGET`) and ``complete`` is false unless one flips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from math import prod

from postrack.robustness.credence import Doubt, Doubtful, StatementKey
from postrack.robustness.verdicts import Evaluator, Verdict, Zones

EXACT_FLIP_CELL = 10
"""A cell read by at most this many doubtful statements has every subset of them tried (one issue
compared again per set, at most 2^10)."""
EXACT_FLIP_ZONE = 6
"""The same for a zone verdict, where each set is a zone model (at most 2^6)."""
PAIR_BUDGET = 40
"""How many pairs of statements a zone verdict's flip search tries at most (each is a zone model)."""
CELL_PAIR_BUDGET = 400
"""How many pairs a cell's flip search tries at most (each is one issue compared again)."""


@dataclass(frozen=True)
class Pivots:
    rests_on: tuple[StatementKey, ...]
    """Statements whose absence alone changes the verdict, in record order."""
    flip: tuple[StatementKey, ...]
    """The smallest set of doubtful statements whose absence flips it (likeliest to fail first);
    empty when none was found."""
    flip_value: str
    complete: bool


def pivots(
    evaluator: Evaluator, doubt: Doubt, verdicts: Sequence[Verdict], zones: Zones
) -> dict[str, Pivots]:
    """:class:`Pivots` of every verdict in ``verdicts``."""
    changes: dict[str, list[tuple[Doubtful, str]]] = {v.key: [] for v in verdicts}
    for st in doubt.statements:
        values = evaluator.evaluate(frozenset([st.key]), zones=zones)
        for v in verdicts:
            if values[v.key] != v.value:
                changes[v.key].append((st, values[v.key]))
    in_effect = _in_effect(evaluator)
    out = {}
    for v in verdicts:
        rests = changes[v.key]
        doubtful = sorted(
            (pair for pair in rests if pair[0].doubtful), key=lambda p: (p[0].credence, p[0].key)
        )
        if doubtful:
            st, value = doubtful[0]
            out[v.key] = Pivots(tuple(s.key for s, _ in rests), (st.key,), value, True)
        else:
            out[v.key] = _pairs(evaluator, doubt, v, zones, tuple(s.key for s, _ in rests), in_effect)
    return out


def _pairs(
    evaluator: Evaluator,
    doubt: Doubt,
    verdict: Verdict,
    zones: Zones,
    rests: tuple[StatementKey, ...],
    in_effect: set[StatementKey],
) -> Pivots:
    """The likeliest smallest set (two or more; no single statement flips ``verdict``) whose
    absence flips it. Only sets with a statement in effect can: removing superseded statements
    alone changes no position."""
    keys = evaluator.statements_of(evaluator.groups_of(verdict))
    candidates = [s for s in doubt.statements if s.key in keys and s.doubtful]
    cell = verdict.kind == "cell"
    exact = len(candidates) <= (EXACT_FLIP_CELL if cell else EXACT_FLIP_ZONE)
    budget = CELL_PAIR_BUDGET if cell else PAIR_BUDGET
    cells = [verdict.issue] if cell else []
    for size in range(2, len(candidates) + 1 if exact else 3):
        sets = sorted(
            (c for c in combinations(candidates, size) if any(s.key in in_effect for s in c)),
            key=lambda c: (-prod(1 - s.credence for s in c), [s.key for s in c]),
        )
        for found in sets if exact else sets[:budget]:
            removed = frozenset(s.key for s in found)
            value = evaluator.evaluate(removed, cells=cells, zones="none" if cell else zones)[verdict.key]
            if value != verdict.value:
                return Pivots(rests, tuple(s.key for s in found), value, True)
    return Pivots(rests, (), "", exact)


def _in_effect(evaluator: Evaluator) -> set[StatementKey]:
    """Statements some position is made of: the setter of a stance or condition, or the latest."""
    out: set[StatementKey] = set()
    for party, issue in evaluator.zone_groups:
        position = evaluator.record.position(party, issue, evaluator.as_of)
        if position is None:
            continue
        refs = [h.ref for h in position.stances.values()] + [a.ref for a in position.conditions.values()]
        out |= {(r.party, r.issue, r.index) for r in [*refs, position.latest]}
    return out
