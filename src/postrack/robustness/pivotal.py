"""Pivotal statements, exactly: which single absences change a verdict, and the smallest set of
doubtful statements whose absence flips it.

Every statement in scope is removed on its own and the verdicts recomputed (one world each), so
what a verdict *rests on* is exact. The smallest flipping set is then searched by size: one
statement, else two: pairs of doubtful statements the verdict can read, one of them in effect
(some position is made of it), likeliest to fail first, up to a budget of worlds per verdict
(:data:`CELL_PAIR_BUDGET`, :data:`PAIR_BUDGET`); ``complete`` says whether every set up to
:data:`FLIP_SIZE` was tried.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from postrack.robustness.credence import Doubt, Doubtful, StatementKey
from postrack.robustness.verdicts import Evaluator, Verdict, Zones

FLIP_SIZE = 2
"""The largest flipping set searched."""
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
    """The likeliest pair to fail whose absence flips ``verdict``: only pairs with a statement in
    effect can (two superseded statements change no position), tried within a budget."""
    keys = evaluator.statements_of(evaluator.groups_of(verdict))
    candidates = [s for s in doubt.statements if s.key in keys and s.doubtful]
    pairs = sorted(
        (p for p in combinations(candidates, 2) if p[0].key in in_effect or p[1].key in in_effect),
        key=lambda p: (-(1 - p[0].credence) * (1 - p[1].credence), p[0].key, p[1].key),
    )
    budget = CELL_PAIR_BUDGET if verdict.kind == "cell" else PAIR_BUDGET
    cells = [verdict.issue] if verdict.kind == "cell" else []
    for a, b in pairs[:budget]:
        value = evaluator.evaluate(
            frozenset([a.key, b.key]), cells=cells, zones="none" if verdict.kind == "cell" else zones
        )[verdict.key]
        if value != verdict.value:
            return Pivots(rests, (a.key, b.key), value, True)
    return Pivots(rests, (), "", len(pairs) <= budget)


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
