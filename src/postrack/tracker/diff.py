"""Everything that moved between two dates, as data that can be applied, plus the gaps it left.

A :class:`Diff` lists, per party and issue, each option whose stance changed (red lines added and
dropped included), the salience change and the conditions added and dropped; applying it to the
state on the first date gives the state on the second (:func:`apply_moves`). For each issue and
pair of parties it also gives the gap (:func:`postrack.gap.gap`) on both dates, so convergence is a
number. The statements made in between are attached as evidence, each with its sources.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from typing import Literal

from postrack.gap import gap
from postrack.model import Condition, Issue
from postrack.model.parties import Stance
from postrack.problems import UsageError, UserError
from postrack.record import Record
from postrack.tracker.history import Change, issue_history
from postrack.tracker.state import PositionState, State, state_at, until

Trend = Literal["converging", "diverging", "steady", "unknown"]


@dataclass(frozen=True)
class StanceMove:
    """One option whose stance changed; None means no stance (unstated)."""

    option: str
    before: Stance | None
    after: Stance | None

    def to_dict(self) -> dict[str, object]:
        return {"option": self.option, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class PositionDiff:
    """What moved in one party's position on one issue; ``opened``/``closed``: the position began/ended."""

    party: str
    issue: str
    opened: bool = False
    closed: bool = False
    stances: tuple[StanceMove, ...] = ()
    salience: tuple[int | None, int | None] | None = None
    conditions_added: tuple[Condition, ...] = ()
    conditions_dropped: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def net_zero(self) -> bool:
        """Statements in between moved the position, but it ended where it began."""
        moved = self.stances or self.salience or self.conditions_added or self.conditions_dropped
        return not (self.opened or self.closed or moved)

    @property
    def red_lines_added(self) -> tuple[str, ...]:
        return tuple(m.option for m in self.stances if m.after == "red_line")

    @property
    def red_lines_dropped(self) -> tuple[str, ...]:
        return tuple(m.option for m in self.stances if m.before == "red_line")

    def to_dict(self) -> dict[str, object]:
        return {
            "party": self.party,
            "issue": self.issue,
            "opened": self.opened,
            "closed": self.closed,
            "net_zero": self.net_zero,
            "stances": [m.to_dict() for m in self.stances],
            "red_lines_added": list(self.red_lines_added),
            "red_lines_dropped": list(self.red_lines_dropped),
            "salience": list(self.salience) if self.salience else None,
            "conditions_added": [
                c.model_dump(mode="json", exclude_defaults=True) for c in self.conditions_added
            ],
            "conditions_dropped": list(self.conditions_dropped),
            "statements": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class PairGap:
    """The gap between two parties on one issue on the first and the second date."""

    issue: str
    parties: tuple[str, str]
    before: int | None
    after: int | None

    @property
    def trend(self) -> Trend:
        if self.before is None or self.after is None:
            return "unknown"
        if self.after == self.before:
            return "steady"
        return "converging" if self.after < self.before else "diverging"

    def to_dict(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "parties": list(self.parties),
            "before": self.before,
            "after": self.after,
            "trend": self.trend,
        }


@dataclass(frozen=True)
class Diff:
    """Moves per party and issue (by party, then catalogue order) and gaps per issue and pair."""

    start: date
    end: date
    as_of: date
    parties: tuple[str, ...]
    moves: tuple[PositionDiff, ...]
    gaps: tuple[PairGap, ...]
    workspace: str = ""
    """The negotiation's title from its manifest."""

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "parties": list(self.parties),
            "moves": [m.to_dict() for m in self.moves],
            "gaps": [g.to_dict() for g in self.gaps],
            "workspace": self.workspace,
        }

    def most_moved(self, n: int = 5) -> tuple[PositionDiff, ...]:
        """The ``n`` moves with the most stance changes (then statements), so a long diff can open
        with what an analyst would look at first; ties keep the diff's own order."""
        ranked = sorted(self.moves, key=lambda m: (-len(m.stances), -len(m.changes)))
        return tuple(m for m in ranked[:n] if m.stances or m.changes)

    def widest_shifts(self, n: int = 5) -> tuple[PairGap, ...]:
        """The ``n`` gaps that changed most between the two dates (known on both)."""
        known = [g for g in self.gaps if g.before is not None and g.after is not None and g.before != g.after]
        ranked = sorted(known, key=lambda g: -abs((g.after or 0) - (g.before or 0)))
        return tuple(ranked[:n])


def diff(record: Record, parties: list[str], start: date, end: date, as_of: date) -> Diff:
    """What moved for ``parties`` between ``start`` and ``end``, using nothing dated after ``as_of``."""
    if start > end:
        raise UsageError.single(f"--from {start} is after --to {end}")
    unknown = [p for p in parties if p not in record.parties]
    if unknown:
        raise UserError.single(
            f"unknown party {', '.join(map(repr, unknown))} (known: {', '.join(sorted(record.parties))})"
        )
    seen = until(record, as_of)
    net = {
        (m.party, m.issue): m
        for m in diff_states(seen.issues, state_at(seen, parties, start), state_at(seen, parties, end))
    }
    moves = []
    for party in sorted(parties):
        for issue in seen.issues:
            changes = tuple(c for c in issue_history(seen, party, issue).changes if start < c.date <= end)
            move = net.get((party, issue))
            if move is not None:
                moves.append(replace(move, changes=changes))
            elif any(c.kind in ("hardening", "softening", "reframing") for c in changes):
                moves.append(PositionDiff(party, issue, changes=changes))  # moved and moved back
    gaps = tuple(
        found
        for issue in seen.issues
        for a, b in combinations(parties, 2)
        if (found := _pair_gap(seen, issue, a, b, start, end)).before is not None or found.after is not None
    )
    return Diff(start, end, as_of, tuple(parties), tuple(moves), gaps, record.manifest.title)


def diff_states(issues: dict[str, Issue], a: State, b: State) -> tuple[PositionDiff, ...]:
    """The moves that turn state ``a`` into state ``b``, ordered by party then issue order."""
    order = {i: n for n, i in enumerate(issues)}
    keys = sorted(a.keys() | b.keys(), key=lambda k: (k[0], order[k[1]]))
    moves = (_position_diff(issues[k[1]], k, a.get(k), b.get(k)) for k in keys)
    return tuple(m for m in moves if m is not None)


def apply_moves(issues: dict[str, Issue], state: State, moves: tuple[PositionDiff, ...]) -> State:
    """Apply ``moves`` to ``state``: the inverse of :func:`diff_states`."""
    out = dict(state)
    for move in moves:
        key = (move.party, move.issue)
        if move.closed:
            out.pop(key, None)
            continue
        issue = issues[move.issue]
        current = PositionState() if move.opened else out[key]
        for m in move.stances:
            current = current.with_stance(issue, m.option, m.after)
        if move.salience is not None:
            current = replace(current, salience=move.salience[1])
        kept = {c.id: c for c in current.conditions if c.id not in move.conditions_dropped}
        kept.update({c.id: c for c in move.conditions_added})
        out[key] = replace(current, conditions=tuple(kept[k] for k in sorted(kept)))
    return out


def _position_diff(
    issue: Issue, key: tuple[str, str], a: PositionState | None, b: PositionState | None
) -> PositionDiff | None:
    if a == b:
        return None
    was, now = a or PositionState(), b or PositionState()
    stances = tuple(
        StanceMove(o, was.stance(o), now.stance(o))
        for o in issue.option_ids()
        if was.stance(o) != now.stance(o)
    )
    old = {c.id: c for c in was.conditions}
    new = {c.id: c for c in now.conditions}
    return PositionDiff(
        party=key[0],
        issue=key[1],
        opened=a is None,
        closed=b is None,
        stances=stances,
        salience=(was.salience, now.salience) if was.salience != now.salience else None,
        conditions_added=tuple(c for i, c in sorted(new.items()) if old.get(i) != c),
        conditions_dropped=tuple(i for i in sorted(old) if new.get(i) != old[i]),
    )


def _pair_gap(record: Record, issue_id: str, a: str, b: str, start: date, end: date) -> PairGap:
    issue = record.issues[issue_id]

    def on(day: date) -> int | None:
        return gap(issue, record.position(a, issue_id, day), record.position(b, issue_id, day))

    return PairGap(issue_id, (a, b), on(start), on(end))
