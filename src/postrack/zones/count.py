"""The exact size of the zone and, per issue, how many packages use each option.

Each part is counted by elimination (:class:`~postrack.zones.modular.PartCount`: exact at any
size) when its tables fit the budget, and otherwise by the Ganak model counter, with CP-SAT
telling which options occur at all. Per-option counts of such a part would cost one Ganak run
per option, so they are given as "occurs" (``None``) rather than counted. When Ganak does not
finish in time, the part's count is a pair of proven bounds (a package exists; no more than
the product of the options that occur). The zone's size is the product over parts. An option is
in the per-issue zone when at least one package uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

from postrack.zones.decompose import Part
from postrack.zones.model import ZoneModel
from postrack.zones.modular import PartCount
from postrack.zones.plan import Budget, plan_part
from postrack.zones.spaces import count_space, live_domains

OptionCounts = tuple[int | None, ...]
"""Per option: packages using it (0 = never; None = some, how many not known in time)."""


@dataclass(frozen=True)
class ZoneCount:
    per_part: tuple[int, ...]
    """Each part's count, or its proven lower bound when ``upper`` is larger."""
    upper: tuple[int, ...]
    per_option: tuple[OptionCounts, ...]
    """``per_option[issue][option]``: packages of the zone that use the option."""

    @property
    def total(self) -> int:
        """The zone's size (its proven lower bound when not :attr:`exact`)."""
        return prod(self.per_part)

    @property
    def total_upper(self) -> int:
        return prod(self.upper)

    @property
    def exact(self) -> bool:
        return self.per_part == self.upper or self.total == 0

    @property
    def empty(self) -> bool:
        return self.total == 0


def part_count(
    model: ZoneModel, part: Part, relaxed: frozenset[int] = frozenset(), budget: Budget | None = None
) -> tuple[int, int]:
    """Packages of one part's issues with the ``relaxed`` constraints removed: (lower, upper) bounds,
    equal when exact."""
    domains = live_domains(model, relaxed)
    budget = budget or Budget()
    if plan_part(model, part, budget).count == "elimination":
        n = PartCount(part, count_space(model, domains, relaxed)).total
        return n, n
    low, high, _ = _solver_count(model, part, domains, relaxed, budget)
    return low, high


def count_zone(model: ZoneModel, parts: tuple[Part, ...], budget: Budget | None = None) -> ZoneCount:
    budget = budget or Budget()
    domains = live_domains(model)
    space = count_space(model, domains)
    lows: list[int] = []
    highs: list[int] = []
    options: list[dict[int, dict[int, int | None]]] = []
    for part in parts:
        if plan_part(model, part, budget).count == "elimination":
            run = PartCount(part, space)
            lows.append(run.total)
            highs.append(run.total)
            options.append(
                {v: {o: n for o, n in zip(domains[v], run.marginal(v), strict=True)} for v in part.issues}
            )
        else:
            low, high, by_option = _solver_count(model, part, domains, frozenset(), budget)
            lows.append(low)
            highs.append(high)
            options.append(by_option)
    per_option: list[OptionCounts] = [(0,) * len(issue.options) for issue in model.issues]
    if prod(lows):
        for k, part in enumerate(parts):
            others = prod(lows[:k]) * prod(lows[k + 1 :])
            exact_others = lows[:k] + lows[k + 1 :] == highs[:k] + highs[k + 1 :]
            for v in part.issues:
                found = options[k][v]
                per_option[v] = tuple(
                    None
                    if o in found and (found[o] is None or not exact_others)
                    else (found.get(o) or 0) * others
                    for o in range(len(model.issues[v].options))
                )
    return ZoneCount(tuple(lows), tuple(highs), tuple(per_option))


def _solver_count(
    model: ZoneModel,
    part: Part,
    domains: tuple[tuple[int, ...], ...],
    relaxed: frozenset[int],
    budget: Budget,
) -> tuple[int, int, dict[int, dict[int, int | None]]]:
    """(lower, upper, per issue: option -> None for "occurs") for a part too wide to eliminate."""
    from postrack.zones import cpsat, ganak

    occurring = cpsat.in_zone(model, part.issues, domains, relaxed)
    if any(not occurring[v] for v in part.issues):
        return 0, 0, {v: {} for v in part.issues}
    by_option: dict[int, dict[int, int | None]] = {v: dict.fromkeys(occurring[v]) for v in part.issues}
    variables, clauses = ganak.zone_cnf(model, part, domains, relaxed)
    found = ganak.count(len(variables), clauses, budget.seconds)
    if found is not None:
        return found, found, by_option
    return 1, prod(len(occurring[v]) for v in part.issues), by_option
