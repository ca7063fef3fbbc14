"""The solver-facing model of a negotiation: plain ids and integers, no Record.

Everything the engine needs and nothing else, so that synthetic models (benchmarks, property
tests) are built directly and every result is reproducible from this object alone. Options,
issues and parties are referred to by their index; ids are kept only for presentation.

Scales: utilities are integers 0-1000 (thousandths), weights are saliences (0 = does not care),
costs of relaxing a constraint are positive integers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

UNIT = 1000
"""Utilities and no-deal values are integers in thousandths, so every score is exact."""


@dataclass(frozen=True)
class IssueSpec:
    id: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class PartySpec:
    """A party's preferences: ``utilities[i][o]`` on issue ``i`` weighted by ``weights[i]``."""

    id: str
    weights: tuple[int, ...]
    utilities: tuple[tuple[int, ...], ...]
    no_deal: int = 0

    @property
    def total_weight(self) -> int:
        return sum(self.weights)


@dataclass(frozen=True)
class RedLine:
    """Party ``party`` will not sign a package with ``option`` on ``issue`` (as far as the tier goes).

    ``kind`` says why, for presentation only: the party's ``red_line``, or, in the agreed tier, an
    option it has ``not_accepted``."""

    party: int
    issue: int
    option: int
    cost: int
    kind: Literal["red_line", "not_accepted"] = "red_line"
    nearest: int | None = None
    """The option the party supports nearest to ``option`` (where a concession would move it from)."""
    bloc: str = ""
    """The bloc that holds this constraint as one (its members' identical constraints merged)."""


@dataclass(frozen=True)
class Requirement:
    issue: int
    options: frozenset[int]


@dataclass(frozen=True)
class LinkCondition:
    """Party ``party`` accepts the ``when`` options of ``issue`` only if one of ``requires`` holds
    (and one alternative of each clause in ``also``: a party's several conditions on the same
    options, relaxed together at one cost, as accepting the options outright would be).

    An empty clause (every alternative pointed outside the model) can never be met, so the
    ``when`` options are excluded.
    """

    party: int
    id: str
    issue: int
    when: frozenset[int]
    requires: tuple[Requirement, ...]
    cost: int
    bloc: str = ""
    """The bloc that holds this condition as one (its members' identical conditions merged)."""
    also: tuple[tuple[Requirement, ...], ...] = ()

    @property
    def clauses(self) -> tuple[tuple[Requirement, ...], ...]:
        return (self.requires, *self.also)

    @property
    def scope(self) -> tuple[int, ...]:
        return tuple(sorted({self.issue, *(r.issue for clause in self.clauses for r in clause)}))

    def holds(self, package: tuple[int, ...]) -> bool:
        if package[self.issue] not in self.when:
            return True
        return all(any(package[r.issue] in r.options for r in clause) for clause in self.clauses)


@dataclass(frozen=True)
class ZoneModel:
    """Issues with their options, parties with their preferences, and the constraints of the zone.

    Constraints are numbered red lines first, then conditions; a *concession* is relaxing one.
    """

    issues: tuple[IssueSpec, ...]
    parties: tuple[PartySpec, ...]
    red_lines: tuple[RedLine, ...] = ()
    conditions: tuple[LinkCondition, ...] = ()
    notes: tuple[str, ...] = ()
    """What the builder had to decide (e.g. a condition pointing outside the model)."""
    cost_unit: int = 1
    """Costs may carry tie-breakers below this unit: ``cost // cost_unit`` is the cost shown, and the
    remainder orders equal costs (by distance, then confidence) so the engine never falls back on
    catalogue order."""

    def __post_init__(self) -> None:
        sizes = [len(i.options) for i in self.issues]
        for p in self.parties:
            if len(p.weights) != len(sizes) or [len(u) for u in p.utilities] != sizes:
                raise ValueError(f"party {p.id!r}: weights and utilities must match the issues")
            if any(w < 0 for w in p.weights) or any(not 0 <= v <= UNIT for u in p.utilities for v in u):
                raise ValueError(f"party {p.id!r}: weights must be >= 0 and utilities in 0..{UNIT}")
        for r in self.red_lines:
            if not (0 <= r.party < len(self.parties) and 0 <= r.option < sizes[r.issue] and r.cost >= 1):
                raise ValueError(f"bad red line {r}")
        for c in self.conditions:
            every = [r for clause in c.clauses for r in clause]
            if c.cost < 1 or not c.when or any(r.issue == c.issue or not r.options for r in every):
                raise ValueError(f"bad condition {c.id!r}")
            if max(c.when) >= sizes[c.issue] or any(max(r.options) >= sizes[r.issue] for r in every):
                raise ValueError(f"condition {c.id!r} names an option that does not exist")

    def cost(self, constraint: int) -> int:
        n = len(self.red_lines)
        return self.red_lines[constraint].cost if constraint < n else self.conditions[constraint - n].cost

    def violated(self, package: tuple[int, ...]) -> frozenset[int]:
        """The constraints a package breaks: exactly what must be relaxed to let it into the zone."""
        n = len(self.red_lines)
        broken = {k for k, r in enumerate(self.red_lines) if package[r.issue] == r.option}
        broken |= {n + k for k, c in enumerate(self.conditions) if not c.holds(package)}
        return frozenset(broken)
