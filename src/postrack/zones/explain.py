"""Why an option is never in the zone: the cheapest relaxation, within its part, that lets it in.

A red line on the option is the direct reason; but relaxing it may not be enough (a condition
chain may exclude the option too), and an option nobody rejects may be excluded only through
conditions. One answer covers both: min-sum elimination of the part's costs, calibrated both
ways, then a decode clamped to the option gives a cheapest package that uses it; what that
package breaks is the reason, priced.
"""

from __future__ import annotations

from postrack.zones.concessions import constraints_of
from postrack.zones.count import ZoneCount
from postrack.zones.decompose import Part
from postrack.zones.eliminate import Elimination
from postrack.zones.model import ZoneModel
from postrack.zones.plan import Budget, plan_part
from postrack.zones.spaces import cost_space


def blockers(
    model: ZoneModel, parts: tuple[Part, ...], zone: ZoneCount, budget: Budget | None = None
) -> dict[tuple[int, int], frozenset[int]]:
    """For each excluded (issue, option): the constraints of its part to relax to let it in.

    A part too wide to eliminate asks CP-SAT once per excluded option instead of decoding."""
    space = cost_space(model)
    out: dict[tuple[int, int], frozenset[int]] = {}
    for part in parts:
        missing = [(v, o) for v in part.issues for o, n in enumerate(zone.per_option[v]) if n == 0]
        if not missing:
            continue
        mine = constraints_of(model, part)
        if plan_part(model, part, budget or Budget()).cost == "cp-sat":
            from postrack.zones import cpsat

            for v, o in missing:
                found = cpsat.cheapest(model, part.issues, fixed=(v, o))
                assert found is not None, "every option is possible once constraints are priced"
                out[(v, o)] = model.violated(tuple(found.get(i, 0) for i in range(len(model.issues)))) & mine
            continue
        run = Elimination(part, space)
        for v, o in missing:
            chosen = run.decode_with(v, o)
            package = tuple(chosen.get(i, 0) for i in range(len(model.issues)))
            out[(v, o)] = model.violated(package) & mine
    return out
