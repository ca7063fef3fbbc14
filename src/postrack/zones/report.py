"""The result of a zone analysis: frozen data that the CLI, JSON and Markdown all present."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from postrack.record import ScenarioName
from postrack.sources import CitedSource
from postrack.views.serialise import plain
from postrack.zones.ranking import Ranking


class ToDict:
    """Mixin: ``to_dict()`` for JSON, the same data the table and Markdown views present."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = plain(self)
        return out


@dataclass(frozen=True)
class Constraint(ToDict):
    """A red line or a condition: what a concession relaxes, or what keeps an option out."""

    kind: Literal["red_line", "not_accepted", "condition"]
    party: str
    issue: str
    cost: int
    option: str = ""
    nearest: str = ""
    """The option the party supports nearest to ``option``: a concession moves it from there."""
    condition: str = ""
    when: tuple[str, ...] = ()
    requires: tuple[tuple[str, tuple[str, ...]], ...] = ()
    also: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = ()
    """Further alternatives that must hold too (several conditions on the same options)."""
    stated: date | None = None
    summary: str = ""
    sources: tuple[CitedSource, ...] = ()

    def label(self) -> str:
        if self.kind == "red_line":
            return f"{self.party}: red line {self.issue}={self.option}"
        if self.kind == "not_accepted":
            return f"{self.party}: has not accepted {self.issue}={self.option}"
        needs = "; and ".join(
            " or ".join(f"{i} in [{', '.join(o)}]" for i, o in clause) or "nothing inside the model"
            for clause in (self.requires, *self.also)
        )
        when = ", ".join(self.when)
        return f"{self.party}: condition {self.condition} ({self.issue} in [{when}] needs {needs})"

    def concession(self) -> str:
        """The constraint as a move the party would make to relax it."""
        moved = f" (from {self.nearest})" if self.nearest else ""
        if self.kind == "red_line":
            return f"{self.party} drops its red line on {self.issue}={self.option}{moved}"
        if self.kind == "not_accepted":
            return f"{self.party} accepts {self.issue}={self.option}{moved}"
        return f"{self.party} drops its condition {self.condition} on {self.issue}"


@dataclass(frozen=True)
class OptionCount(ToDict):
    option: str
    packages: int | None
    """Packages using the option; None when it occurs but its count did not finish in time."""


@dataclass(frozen=True)
class Excluded(ToDict):
    """An option no package of the zone uses, and the cheapest relaxation that would let one in.

    ``blocked_by`` is limited to the option's own part of the linkage graph; when it is empty the
    option is only out because another part has no package at all (see the concessions).
    """

    option: str
    red_lines: tuple[str, ...]
    blocked_by: tuple[Constraint, ...]
    cost: int


@dataclass(frozen=True)
class IssueZone(ToDict):
    issue: str
    part: int
    in_zone: tuple[OptionCount, ...]
    excluded: tuple[Excluded, ...]


@dataclass(frozen=True)
class PartyUtility(ToDict):
    party: str
    utility: float | None


@dataclass(frozen=True)
class Package(ToDict):
    rank: int
    options: tuple[tuple[str, str], ...]
    utilities: tuple[PartyUtility, ...]
    score: float
    pareto: bool

    def option(self, issue: str) -> str:
        return dict(self.options)[issue]


@dataclass(frozen=True)
class ConcessionSet(ToDict):
    concessions: tuple[Constraint, ...]
    cost: int
    opens: int


@dataclass(frozen=True)
class SingleConcession(ToDict):
    concession: Constraint
    opens: int


@dataclass(frozen=True)
class ConcessionReport(ToDict):
    """Cheapest concessions: to open an empty zone, or to give ``party`` at least ``target``."""

    mode: Literal["open", "improve"]
    party: str | None
    target: float | None
    cost: int | None
    sets: tuple[ConcessionSet, ...]
    complete: bool
    singles: tuple[SingleConcession, ...]
    counts_exact: bool = True
    """False when some ``opens`` is a proven lower bound (a part's count did not finish in time)."""


@dataclass(frozen=True)
class PartSummary(ToDict):
    """One connected part: its size, and how it was solved (``docs/zones.md``, "Method")."""

    part: int
    issues: tuple[str, ...]
    packages: int
    """Its count; a proven lower bound when ``packages_upper`` is larger."""
    width: int
    method: Literal["elimination", "ganak"] = "elimination"
    """How it was counted: elimination when its tables fit the memory budget, else Ganak."""
    search: Literal["elimination", "cp-sat"] = "elimination"
    """How its best packages, concessions and reasons were found (CP-SAT when tables do not fit)."""
    table_entries: int = 0
    """Entries of its elimination tables over every option: what elimination would allocate."""
    packages_upper: int = 0
    """Proven upper bound on its count (equal to ``packages`` when exact)."""

    @property
    def exact(self) -> bool:
        return self.packages == self.packages_upper or self.packages == 0


@dataclass(frozen=True)
class TierCount(ToDict):
    """The exact size of one tier's zone: ``agreed`` or ``tolerated`` (docs/zones.md)."""

    tier: str
    count: int
    exact: bool = True
    """False when ``count`` is only a proven lower bound."""


@dataclass(frozen=True)
class Coverage(ToDict):
    """Issues of the model on which a party has no stance: it constrains nothing there."""

    party: str
    issues: tuple[str, ...]


@dataclass(frozen=True)
class ZoneReport(ToDict):
    """The zone of one tier in detail (``tier``), with both tiers' sizes and the coverage."""

    as_of: date
    parties: tuple[str, ...]
    issues: tuple[str, ...]
    ranking: Ranking
    empty: bool
    count: int
    parts: tuple[PartSummary, ...]
    issue_zones: tuple[IssueZone, ...]
    best: tuple[Package, ...]
    concessions: ConcessionReport | None
    notes: tuple[str, ...]
    tier: str = "agreed"
    tiers: tuple[TierCount, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    workspace: str = ""
    """The negotiation's title from its manifest."""
    scenarios: tuple[ScenarioName, ...] = ()
    """The what-ifs overlaid on the record."""
    count_exact: bool = True
    """False when ``count`` is only a proven lower bound (some part's count did not finish)."""
    count_upper: int = 0
    """Proven upper bound on the zone's size (equal to ``count`` when exact)."""

    def issue_zone(self, issue: str) -> IssueZone:
        return next(z for z in self.issue_zones if z.issue == issue)
