"""Choose, per part and task and before allocating anything, how it is solved.

Elimination costs one dense table per bucket, ``prod(options of its scope)`` entries, so its
memory is known from the tree decomposition alone, and differs by task:

- *count*: one bucket table at a time (messages only are kept): about three times the largest;
- *cost* (concessions, why an option is out): every bucket's table is kept for decoding;
- *search* (best packages, ``--improve``): every bucket's table, once per row of bounds (one per
  caring party plus the weight rows).

A task whose estimate fits the :class:`Budget` runs by elimination; one that does not goes to a
complete solver (Ganak for counts, CP-SAT for packages and costs) whose memory is linear in the
model. Nothing larger than the budget is ever allocated by elimination.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import Literal

from postrack.zones.decompose import Part
from postrack.zones.model import ZoneModel

Method = Literal["elimination", "ganak", "cp-sat"]
ENTRY_BYTES = 8
COUNT_COPIES = 3
"""A bucket's table, its reduction and one temporary of the same size."""
EXTRA_ROWS = 4
"""Weight rows a best-package search adds to the per-party rows (see :mod:`postrack.zones.best`)."""


@dataclass(frozen=True)
class Budget:
    """Memory elimination may use for one part and task, and time Ganak may take for one count.

    The default memory, 1 GiB, is well under the development machine's 23 GiB shared by several
    users; past the time, a count is reported as proven bounds.
    """

    memory: int = 1 << 30
    seconds: float = 10.0


@dataclass(frozen=True)
class PartPlan:
    count: Literal["elimination", "ganak"]
    cost: Literal["elimination", "cp-sat"]
    search: Literal["elimination", "cp-sat"]
    width: int
    table_entries: int
    """Entries of all its bucket tables over every option (what one elimination allocates)."""


def plan_part(model: ZoneModel, part: Part, budget: Budget) -> PartPlan:
    sizes = [len(i.options) for i in model.issues]
    tables = [prod(sizes[v] for v in b.scope) for b in part.buckets.values()]
    entries = sum(tables)
    rows = sum(1 for p in model.parties if p.total_weight) + EXTRA_ROWS
    fits = {
        "count": COUNT_COPIES * max(tables) * ENTRY_BYTES <= budget.memory,
        "cost": entries * ENTRY_BYTES <= budget.memory,
        "search": rows * entries * ENTRY_BYTES <= budget.memory,
    }
    return PartPlan(
        count="elimination" if fits["count"] else "ganak",
        cost="elimination" if fits["cost"] else "cp-sat",
        search="elimination" if fits["search"] else "cp-sat",
        width=part.width,
        table_entries=entries,
    )


def plan(model: ZoneModel, parts: tuple[Part, ...], budget: Budget) -> tuple[PartPlan, ...]:
    return tuple(plan_part(model, part, budget) for part in parts)
