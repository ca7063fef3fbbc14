"""Issue-by-issue comparison of a set of parties as of a date.

For every issue and every pair of parties the registered rules produce findings, reading stances
only through :mod:`postrack.stance`; the pair's status is read off them: ``unknown`` when a party
has no stance, ``overlap`` when some option both accept with no condition the other has not met,
``conditional`` when the shared options hang on conditions still open, ``incompatible`` when
nothing is shared or every shared option is blocked. Every pair carries a one-line reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Literal

from postrack.gap import gap
from postrack.model import Issue
from postrack.model.parties import Stance
from postrack.record import IssuePosition, Record, ScenarioName, StatementRef
from postrack.rules import REGISTRY, Finding, PairContext
from postrack.sources import CitedSource, cite
from postrack.stance import Reading, of_position
from postrack.views.serialise import plain

Status = Literal["overlap", "conditional", "incompatible", "unknown"]
STATUSES: tuple[Status, ...] = ("overlap", "conditional", "incompatible", "unknown")


@dataclass(frozen=True)
class PartyStance:
    """One party's position on one issue, flattened for display, with the sources behind it."""

    party: str
    demand: tuple[str, ...]
    acceptable: tuple[str, ...]
    red_line: tuple[str, ...]
    salience: int
    salience_assumed: bool
    since: date
    summary: str
    confidence: str
    conditions: tuple[str, ...]
    sources: tuple[CitedSource, ...]

    @property
    def weakly_sourced(self) -> bool:
        return self.confidence == "low" or all(s.reliability == "weak" for s in self.sources)

    def to_dict(self) -> dict[str, object]:
        return {
            "party": self.party,
            "demand": list(self.demand),
            "acceptable": list(self.acceptable),
            "red_line": list(self.red_line),
            "salience": self.salience,
            "salience_assumed": self.salience_assumed,
            "since": self.since.isoformat(),
            "summary": self.summary,
            "confidence": self.confidence,
            "weakly_sourced": self.weakly_sourced,
            "conditions": list(self.conditions),
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True)
class PairResult:
    parties: tuple[str, str]
    status: Status
    common: tuple[str, ...]
    unconditional: tuple[str, ...]
    gap: int | None
    findings: tuple[Finding, ...]
    reason: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "parties": list(self.parties),
            "status": self.status,
            "reason": self.reason,
            "common": list(self.common),
            "unconditional": list(self.unconditional),
            "gap": self.gap,
            "conflicts": [f.to_dict() for f in self.findings if f.code == "PR004"],
            "conditions": [f.to_dict() for f in self.findings if f.code == "PR003"],
        }


@dataclass(frozen=True)
class IssueComparison:
    issue: str
    title: str
    stances: tuple[PartyStance | None, ...]
    pairs: tuple[PairResult, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "title": self.title,
            "stances": {s.party: s.to_dict() for s in self.stances if s is not None},
            "pairs": [p.to_dict() for p in self.pairs],
        }

    def pair(self, a: str, b: str) -> PairResult:
        key = tuple(sorted((a, b)))
        return next(p for p in self.pairs if p.parties == key)


@dataclass(frozen=True)
class Comparison:
    as_of: date
    parties: tuple[str, ...]
    issues: tuple[IssueComparison, ...]
    workspace: str = ""
    """The negotiation's title from its manifest, so every output says which data it read."""
    scenarios: tuple[ScenarioName, ...] = ()
    """The what-ifs overlaid on the record, so no output passes a scenario off as the record."""

    def to_dict(self) -> dict[str, object]:
        return {
            "workspace": self.workspace,
            "as_of": self.as_of.isoformat(),
            "parties": list(self.parties),
            "issues": [i.to_dict() for i in self.issues],
            "scenarios": plain(self.scenarios),
        }

    def status_counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for issue in self.issues:
            for pair in issue.pairs:
                counts[pair.status] += 1
        return counts


def compare(record: Record, parties: list[str] | tuple[str, ...], as_of: date) -> Comparison:
    """Compare ``parties`` on every issue of the catalogue, using only statements up to ``as_of``."""
    reader = _Reader(record, as_of)
    results = tuple(_compare_issue(record, parties, issue, reader) for issue in record.issues.values())
    return Comparison(as_of, tuple(parties), results, record.manifest.title, record.scenarios)


def compare_issue(
    record: Record, parties: list[str] | tuple[str, ...], as_of: date, issue: str
) -> IssueComparison:
    """The comparison of one issue, exactly as :func:`compare` makes it (robustness re-asks one
    issue at a time in many variants of the record)."""
    return _compare_issue(record, parties, record.issue(issue), _Reader(record, as_of))


class _Reader:
    """Positions and readings as of a date, each folded and read once."""

    def __init__(self, record: Record, as_of: date) -> None:
        self.record, self.as_of = record, as_of
        self.cache: dict[tuple[str, str], IssuePosition | None] = {}
        self.read: dict[tuple[str, str], Reading | None] = {}

    def lookup(self, party: str, issue: str) -> IssuePosition | None:
        if (party, issue) not in self.cache:
            self.cache[(party, issue)] = self.record.position(party, issue, self.as_of)
        return self.cache[(party, issue)]

    def reading(self, party: str, issue: str) -> Reading | None:
        if (party, issue) not in self.read:
            self.read[(party, issue)] = of_position(self.record.issue(issue), self.lookup(party, issue))
        return self.read[(party, issue)]


def _compare_issue(
    record: Record, parties: list[str] | tuple[str, ...], issue: Issue, reader: _Reader
) -> IssueComparison:
    lookup, reading = reader.lookup, reader.reading
    stances = tuple(_stance(record, lookup(p, issue.id)) for p in parties)
    pairs = []
    for a, b in combinations(sorted(parties), 2):
        ctx = PairContext(
            issue,
            (a, b),
            (lookup(a, issue.id), lookup(b, issue.id)),
            (reading(a, issue.id), reading(b, issue.id)),
            reading,
        )
        findings = tuple(f for rule in REGISTRY for f in rule.evaluate(ctx))
        pairs.append(_pair(ctx, findings))
    return IssueComparison(issue.id, issue.title, stances, tuple(pairs))


def _pair(ctx: PairContext, findings: tuple[Finding, ...]) -> PairResult:
    unconditional = next((f.options for f in findings if f.code == "PR002"), ())
    conditional = [f for f in findings if f.code == "PR003"]
    blocked = {o for f in conditional if f.detail("verdict") == "blocked" for o in f.options}
    still_open = [f for f in conditional if f.options[0] not in blocked]
    status: Status
    if any(f.code == "PR001" for f in findings):
        status, reason = "unknown", "; ".join(f.message for f in findings if f.code == "PR001")
    elif unconditional:
        status, reason = "overlap", f"both accept {', '.join(unconditional)}"
    elif still_open:
        status, reason = "conditional", still_open[0].message
    else:
        status, reason = "incompatible", _incompatible(ctx, findings, blocked)
    a, b = ctx.positions
    return PairResult(
        parties=ctx.parties,
        status=status,
        common=tuple(ctx.shared()),
        unconditional=tuple(unconditional),
        gap=gap(ctx.issue, a, b),
        findings=findings,
        reason=reason,
    )


def _incompatible(ctx: PairContext, findings: tuple[Finding, ...], blocked: set[str]) -> str:
    """Why nothing is shared: a blocked condition, the red lines in the way, or the gap."""
    if blocked:
        return next(f.message for f in findings if f.code == "PR003" and f.detail("verdict") == "blocked")
    pair = ctx.both()
    assert pair is not None
    red = []
    for side in (0, 1):
        refused = [
            f.options[0]
            for f in findings
            if f.code == "PR004" and f.detail("blocked_by") == ctx.parties[side]
        ]
        if refused:
            red.append(
                f"{ctx.parties[side]} red-lines {', '.join(refused)}, which {ctx.parties[1 - side]} accepts"
            )
    if red:
        return "; ".join(red)
    wants = [
        f"{party} accepts {', '.join(r.at_least('conditional')) or 'no option'}"
        for party, r in zip(ctx.parties, pair, strict=True)
    ]
    return "nothing shared: " + "; ".join(wants)


def _stance(record: Record, position: IssuePosition | None) -> PartyStance | None:
    if position is None:
        return None
    latest: StatementRef = position.latest
    order = record.issue(position.issue).option_ids()

    def ordered(stance: Stance) -> tuple[str, ...]:
        return tuple(sorted(position.options(stance), key=order.index))

    refs = {ref.index: ref for held in position.stances.values() for ref in [held.ref]} or {
        latest.index: latest
    }
    sources = tuple(
        dict.fromkeys(s for ref in sorted(refs.values(), key=lambda r: r.index) for s in cite(record, ref))
    )
    return PartyStance(
        party=position.party,
        demand=ordered("demand"),
        acceptable=ordered("acceptable"),
        red_line=ordered("red_line"),
        salience=position.salience,
        salience_assumed=position.salience_assumed,
        since=latest.date,
        summary=latest.statement.summary,
        confidence=min((r.statement.confidence for r in refs.values()), key=_CONFIDENCE_ORDER.index),
        conditions=tuple(sorted(position.conditions)),
        sources=sources,
    )


_CONFIDENCE_ORDER = ["low", "medium", "high"]
