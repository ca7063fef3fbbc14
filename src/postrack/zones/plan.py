"""Choose, per part and before allocating anything, how it is solved: elimination or a solver.

Elimination costs one dense table per bucket, ``prod(options of its scope)`` entries, so its
memory is known from the tree decomposition alone. A part whose tables (times the rows a search
keeps: one per caring party, plus the weight rows) fit the :class:`Budget` is eliminated; a part
that does not goes to complete solvers (CP-SAT for packages and costs, Ganak for counts), which
need memory linear in the model. Nothing larger than the budget is ever allocated.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Literal

from postrack.zones.decompose import Part
from postrack.zones.model import ZoneModel

Method = Literal["elimination", "cp-sat"]
ENTRY_BYTES = 8
EXTRA_ROWS = 4
"""Weight rows a best-package search adds to the per-party rows (see :mod:`postrack.zones.best`)."""


@dataclass(frozen=True)
class Budget:
    """Memory elimination may use for one part, and time a solver may take for one answer.

    The default memory, 1 GiB, is well under the development machine's 23 GiB shared by several
    users; the time applies to each exact count by a solver, beyond which bounds are reported.
    """

    memory: int = 1 << 30
    seconds: float = 30.0


@dataclass(frozen=True)
class PartPlan:
    method: Method
    width: int
    table_entries: int
    """Entries of all its bucket tables over every option (what one elimination allocates)."""
    bytes_needed: int
    """Estimated peak of its largest elimination task (a best-package search with all its rows)."""


def plan_part(model: ZoneModel, part: Part, budget: Budget) -> PartPlan:
    sizes = [len(i.options) for i in model.issues]
    entries = sum(prod(sizes[v] for v in b.scope) for b in part.buckets.values())
    rows = sum(1 for p in model.parties if p.total_weight) + EXTRA_ROWS
    needed = entries * rows * ENTRY_BYTES
    method: Method = "elimination" if needed <= budget.memory else "cp-sat"
    return PartPlan(method, part.width, entries, needed)


def plan(model: ZoneModel, parts: tuple[Part, ...], budget: Budget) -> tuple[PartPlan, ...]:
    return tuple(plan_part(model, part, budget) for part in parts)
