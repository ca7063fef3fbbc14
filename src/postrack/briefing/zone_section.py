"""The deal zone in words: empty or not, the best packages, why options stay out, what would open it.

Everything comes from :func:`postrack.zones.analyse`; this module only names things (labels,
party names), cites the statements behind each red line or condition, and keeps the lists
short enough to read: a memo shows the first few alternatives and counts the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from postrack.briefing.footnotes import Footnotes
from postrack.briefing.labels import Labels, joined
from postrack.record import Record
from postrack.zones import ZoneDiff, ZoneReport, analyse
from postrack.zones.report import ConcessionReport, Constraint, Excluded

TOP_PACKAGES = 5
SHOWN_SETS = 3
RANKING_NAMES = {
    "nash": "the Nash bargaining product of each party's gain over no deal",
    "egalitarian": "the smallest gain over no deal (max-min)",
    "utilitarian": "the sum of gains over no deal",
}


@dataclass(frozen=True)
class Choice:
    issue: str
    option: str


@dataclass(frozen=True)
class Utility:
    party: str
    value: str


@dataclass(frozen=True)
class PackageLine:
    rank: int
    choices: tuple[Choice, ...]
    utilities: tuple[Utility, ...]
    pareto: bool


@dataclass(frozen=True)
class IssueZoneLine:
    issue: str
    inside: tuple[str, ...]
    outside: tuple[str, ...]


@dataclass(frozen=True)
class Concession:
    """One red line or condition to give up, who holds it and on what it rests."""

    party: str
    text: str
    cost: int
    stated: str
    notes: tuple[int, ...]
    opens: str


@dataclass(frozen=True)
class ConcessionSet:
    cost: int
    opens: int
    opens_text: str
    concessions: tuple[Concession, ...]


@dataclass(frozen=True)
class Opening:
    possible: bool
    cost: int
    sets: tuple[ConcessionSet, ...]
    more_sets: int


@dataclass(frozen=True)
class ZoneSection:
    empty: bool
    count: int
    count_text: str
    tier: str
    agreed: str
    """Size of the agreed zone, as text."""
    tolerated: str
    silent: tuple[str, ...]
    """"Party has no stance on issues" lines: where a party constrains nothing."""
    ranking: str
    parts: int
    packages: tuple[PackageLine, ...]
    issues: tuple[IssueZoneLine, ...]
    opening: Opening | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ZoneChange:
    """How a scenario moves the zone compared with the baseline."""

    was_empty: bool
    is_empty: bool
    count_before: str
    count_after: str
    entered: tuple[str, ...]
    left: tuple[str, ...]


def zone_report(record: Record, parties: list[str], as_of: date) -> tuple[ZoneReport, ZoneReport]:
    """What the memo shows, and the agreed zone (the baseline scenarios are measured against).

    The memo shows the agreed zone; when it is empty but some packages are tolerated, the tolerated
    zone's packages and per-issue picture, with what would open the agreed zone."""
    agreed = analyse(record, parties, as_of, top=TOP_PACKAGES)
    if not agreed.empty or not any(t.count for t in agreed.tiers if t.tier == "tolerated"):
        return agreed, agreed
    tolerated = analyse(record, parties, as_of, top=TOP_PACKAGES, tier="tolerated")
    return replace(tolerated, concessions=agreed.concessions), agreed


def zone_section(report: ZoneReport, record: Record, labels: Labels, notes: Footnotes) -> ZoneSection:
    singles = (
        {_key(s.concession): s.opens for s in report.concessions.singles}
        if report.concessions is not None
        else {}
    )

    def concession(c: Constraint) -> Concession:
        return Concession(
            party=labels.party(c.party),
            text=_constraint_text(c, labels),
            cost=c.cost,
            stated=c.stated.isoformat() if c.stated else "",
            notes=notes.cite(c.sources),
            opens=f"{singles[_key(c)]:,}" if _key(c) in singles else "",
        )

    sizes = {t.tier: f"{t.count:,}" for t in report.tiers}
    return ZoneSection(
        empty=report.empty,
        count=report.count,
        count_text=f"{report.count:,}",
        tier=report.tier,
        agreed=sizes.get("agreed", ""),
        tolerated=sizes.get("tolerated", ""),
        silent=tuple(
            f"{labels.party(c.party)}: {joined([labels.issue(i) for i in c.issues])}" for c in report.coverage
        ),
        ranking=RANKING_NAMES.get(report.ranking, report.ranking),
        parts=len(report.parts),
        packages=tuple(
            PackageLine(
                rank=p.rank,
                choices=tuple(Choice(labels.issue(i), labels.option(i, o)) for i, o in p.options),
                utilities=tuple(
                    Utility(labels.party(u.party), "–" if u.utility is None else f"{u.utility:.2f}")
                    for u in p.utilities
                ),
                pareto=p.pareto,
            )
            for p in report.best
        ),
        issues=tuple(
            IssueZoneLine(
                issue=labels.issue(z.issue),
                inside=labels.options(z.issue, [c.option for c in z.in_zone]),
                outside=tuple(
                    f"{labels.option(z.issue, x.option)}: {_why(z.issue, x, labels)}" for x in z.excluded
                ),
            )
            for z in report.issue_zones
        ),
        opening=_opening(report.concessions, concession) if report.concessions is not None else None,
        notes=report.notes,
    )


def zone_change(diff: ZoneDiff, labels: Labels) -> ZoneChange:
    return ZoneChange(
        was_empty=diff.was_empty,
        is_empty=diff.is_empty,
        count_before=f"{diff.count_before:,}",
        count_after=f"{diff.count_after:,}",
        entered=tuple(
            f"{labels.issue(c.issue)}: {labels.option(c.issue, o)}" for c in diff.issues for o in c.entered
        ),
        left=tuple(
            f"{labels.issue(c.issue)}: {labels.option(c.issue, o)}" for c in diff.issues for o in c.left
        ),
    )


def _opening(found: ConcessionReport, concession: Callable[[Constraint], Concession]) -> Opening:
    if found.cost is None:
        return Opening(False, 0, (), 0)
    sets = tuple(
        ConcessionSet(s.cost, s.opens, f"{s.opens:,}", tuple(concession(c) for c in s.concessions))
        for s in found.sets[:SHOWN_SETS]
    )
    return Opening(True, found.cost, sets, len(found.sets) - len(sets))


def _constraint_text(c: Constraint, labels: Labels) -> str:
    moved = f", moving from {labels.option(c.issue, c.nearest)}" if c.nearest else ""
    if c.kind == "red_line":
        return f"drop the red line on {labels.issue(c.issue)}: {labels.option(c.issue, c.option)}{moved}"
    if c.kind == "not_accepted":
        return f"accept {labels.issue(c.issue)}: {labels.option(c.issue, c.option)}{moved}"
    when = " or ".join(labels.options(c.issue, c.when))
    needs = "; and ".join(
        "; or ".join(f"{labels.issue(i)}: {' or '.join(labels.options(i, o))}" for i, o in clause)
        or "an issue outside the memo"
        for clause in (c.requires, *c.also)
    )
    return f"drop the condition that {labels.issue(c.issue)}: {when} needs {needs}"


def _why(issue: str, excluded: Excluded, labels: Labels) -> str:
    """The option's own red lines by party, then whatever else keeps it out."""
    own = [labels.party(p) for p in excluded.red_lines]

    def mine(c: Constraint) -> bool:
        return c.kind in ("red_line", "not_accepted") and c.issue == issue and c.option == excluded.option

    unaccepted = [labels.party(c.party) for c in excluded.blocked_by if mine(c) and c.kind == "not_accepted"]
    other = [
        f"{labels.party(c.party)}'s {c.kind.replace('_', ' ')} on {labels.issue(c.issue)}"
        for c in excluded.blocked_by
        if not mine(c)
    ]
    reasons = ([f"red line of {', '.join(own)}"] if own else []) + (
        [f"not accepted by {', '.join(unaccepted)}"] if unaccepted else []
    )
    reasons += list(dict.fromkeys(other))
    return "; ".join(reasons) or "out only through the deadlock on other issues"


def _key(c: Constraint) -> tuple[str, str, str, str, str]:
    return (c.kind, c.party, c.issue, c.option, c.condition)
