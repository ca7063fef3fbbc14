"""What moved since the last memo, and how far apart the parties were over time.

Both come from the tracker: :func:`postrack.tracker.diff.diff` gives each position that moved
between ``since`` and the memo's date with the statements that moved it, and
:func:`postrack.tracker.convergence.gap_series` the gap per issue and pair on every date
something was said, which the memo draws as a convergence chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.briefing.figures import Segment, Tick, date_ticks, step_segments, value_ticks
from postrack.briefing.footnotes import Footnotes
from postrack.briefing.labels import Labels
from postrack.record import Record
from postrack.tracker.convergence import GapSeries, gap_series
from postrack.tracker.diff import PositionDiff, diff
from postrack.tracker.history import Change

_STANCE_NAMES = {"demand": "demand", "acceptable": "acceptable", "red_line": "red line", None: "unstated"}


@dataclass(frozen=True)
class MovedStatement:
    date: str
    kind: str
    summary: str
    reasons: tuple[str, ...]
    notes: tuple[int, ...]
    weak: bool


@dataclass(frozen=True)
class Move:
    """One position that moved; statements that only reaffirmed it are counted, not listed."""

    party: str
    issue: str
    changes: tuple[str, ...]
    statements: tuple[MovedStatement, ...]
    reaffirmed: int


@dataclass(frozen=True)
class GapMove:
    issue: str
    pair: str
    before: int | None
    after: int | None
    trend: str


@dataclass(frozen=True)
class Moved:
    since: str
    moves: tuple[Move, ...]
    gaps: tuple[GapMove, ...]


@dataclass(frozen=True)
class GapStep:
    date: str
    gap: int | None


@dataclass(frozen=True)
class GapLine:
    """One pair's gap on one issue over time, kept only where it changes."""

    pair: str
    colour: int
    steps: tuple[GapStep, ...]
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ConvergencePanel:
    issue: str
    title: str
    max_gap: int
    y_ticks: tuple[Tick, ...]
    lines: tuple[GapLine, ...]


@dataclass(frozen=True)
class Convergence:
    start: str
    """The first day any pair has a gap on record: the charts' axes span the data, not the record."""
    end: str
    x_ticks: tuple[Tick, ...]
    panels: tuple[ConvergencePanel, ...]


def moved(
    record: Record, parties: list[str], since: date, as_of: date, labels: Labels, notes: Footnotes
) -> Moved:
    found = diff(record, parties, since, as_of, as_of)
    return Moved(
        since=since.isoformat(),
        moves=tuple(_move(m, labels, notes) for m in found.moves),
        gaps=tuple(
            GapMove(labels.issue(g.issue), labels.pair(g.parties), g.before, g.after, g.trend)
            for g in found.gaps
            if g.before != g.after
        ),
    )


def _move(move: PositionDiff, labels: Labels, notes: Footnotes) -> Move:
    changes = [
        f"{labels.option(move.issue, m.option)}: {_STANCE_NAMES[m.before]} → {_STANCE_NAMES[m.after]}"
        for m in move.stances
    ]
    if move.salience is not None:
        was, now = (str(s) if s is not None else "unstated" for s in move.salience)
        changes.append(f"salience {was} → {now}")
    changes += [f"condition added: {labels.condition(move.issue, c)}" for c in move.conditions_added]
    changes += [f"condition dropped: {c}" for c in move.conditions_dropped]
    return Move(
        party=labels.party(move.party),
        issue=labels.issue(move.issue),
        changes=tuple(changes),
        statements=tuple(_statement(c, notes) for c in move.changes if c.kind != "reaffirmed"),
        reaffirmed=sum(1 for c in move.changes if c.kind == "reaffirmed"),
    )


def _statement(change: Change, notes: Footnotes) -> MovedStatement:
    return MovedStatement(
        date=change.date.isoformat(),
        kind=change.kind,
        summary=change.summary,
        reasons=change.reasons,
        notes=notes.cite(change.sources),
        weak=change.confidence == "low" or all(s.reliability == "weak" for s in change.sources),
    )


def convergence(record: Record, parties: list[str], as_of: date, labels: Labels) -> Convergence | None:
    """Gap lines per issue, sampled on the days the parties spoke on it; None with nothing to draw.

    A gap can change only when one of the parties makes a statement on the issue, so those days
    (and the memo's date) are all the samples a step line needs.
    """
    if len(parties) < 2:
        return None
    days = {
        issue: sorted(
            {r.date for p in parties for r in record.statements(p, issue) if r.date <= as_of} | {as_of}
        )
        for issue in record.issues
    }
    order = {p: n for n, p in enumerate(parties)}
    found = [s for issue, d in days.items() for s in gap_series(record, parties, d, [issue], as_of)]
    known = [day for s in found for day, gap in s.points if gap is not None]
    if not known:
        return None
    start = min(known)
    pairs = sorted({s.parties for s in found}, key=lambda p: (order[p[0]], order[p[1]]))
    colours = {p: n for n, p in enumerate(pairs)}
    panels = []
    for issue in record.issues:
        series = [s for s in found if s.issue == issue]
        if series:
            top = max(max((g for _, g in s.points if g is not None), default=0) for s in series) or 1
            lines = tuple(_line(s, labels, colours[s.parties], start, as_of, top) for s in series)
            panels.append(ConvergencePanel(issue, labels.issue(issue), top, value_ticks(top), lines))
    return Convergence(start.isoformat(), as_of.isoformat(), date_ticks(start, as_of), tuple(panels))


def _line(series: GapSeries, labels: Labels, colour: int, start: date, end: date, top: int) -> GapLine:
    steps: list[GapStep] = []
    for day, value in series.points:
        if (steps and steps[-1].gap != value) or (not steps and value is not None):
            steps.append(GapStep(day.isoformat(), value))
    points = [(date.fromisoformat(s.date), s.gap) for s in steps]
    return GapLine(labels.pair(series.parties), colour, tuple(steps), step_segments(points, start, end, top))
