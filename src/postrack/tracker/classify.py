"""Whether a statement hardened, softened or reframed a party's position.

The label is the stance model's order (:func:`postrack.stance.movement`), the same order the
laws of the deal zone use, so "softening" here is exactly a change that can only widen a zone:

- *softening*: some option moved up the ladder red line < unstated < conditional < accepted (or lost
  a condition), none moved down; *hardening* the reverse;
- *reframing*: options moved both ways, or only the ideal, the conditions' wording or the salience
  changed (salience says how much an issue matters, never a direction);
- *opening*: the party's first stance, or its first acceptance of anything (a first demand is not a
  concession); *reaffirmed*: nothing changed.

The reasons name every option that moved and, on an ordered issue, which way the accepted range and
the ideal moved along the scale. A party's *own end* is where its earliest demand lies (else its
earliest position that leans one way, :func:`own_end`). Example, territory ordered from Ukraine's to
Russia's end: Russia accepting ``donbas_withdrawal`` besides ``four_oblasts_recognised`` softens.
"""

from __future__ import annotations

from typing import Literal

from postrack.model import Issue
from postrack.stance import Reading, movement
from postrack.tracker.state import PositionState

Kind = Literal["opening", "hardening", "softening", "reframing", "reaffirmed"]


def classify(
    issue: Issue, before: PositionState | None, after: PositionState, end: int | None = None
) -> tuple[Kind, tuple[str, ...]]:
    """The kind of change from ``before`` to ``after`` and the reasons for it.

    ``end`` is the party's own end of an ordered scale (see :func:`own_end`); without it, the
    lean of ``before`` (else ``after``) stands in.
    """
    if before is None:
        return "opening", ()
    if before == after:
        return "reaffirmed", ()
    end = end or own_end(issue, before) or own_end(issue, after)
    kind, moved = movement(reading(issue, before), reading(issue, after))
    reasons = [*moved, *_directions(issue, before, after, end), *_wording(before, after)]
    if kind == "reaffirmed":  # the ladder did not move, but something else did
        kind = "reframing"
    return kind, tuple(reasons)


def reading(issue: Issue, state: PositionState) -> Reading:
    return Reading(issue, dict(state.stances), state.conditions)


def own_end(issue: Issue, state: PositionState) -> int | None:
    """-1 when the party's side is the first option of an ordered scale, +1 the last, None if unclear."""
    if not issue.ordered:
        return None
    middle = (len(issue.options) - 1) / 2
    demanded = [issue.rank(o) for o in state.options("demand")]
    if demanded and (lean := sum(demanded) / len(demanded) - middle):
        return 1 if lean > 0 else -1
    accepted = [issue.rank(o) for o in state.accepted]
    if accepted and (lean := sum(accepted) / len(accepted) - middle):
        return 1 if lean > 0 else -1
    refused = [issue.rank(o) for o in state.options("red_line")]
    if refused and (lean := sum(refused) / len(refused) - middle):
        return -1 if lean > 0 else 1
    return None


def _shift(issue: Issue, end: int, was: set[str], now: set[str]) -> int:
    """+1 when the accepted range moves or widens away from the party's own end, -1 towards it."""
    last = len(issue.options) - 1

    def away(option: str) -> int:  # distance from the party's own end
        rank = issue.rank(option)
        return rank if end < 0 else last - rank

    near = min(map(away, now)) - min(map(away, was))
    far = max(map(away, now)) - max(map(away, was))
    if near >= 0 and far >= 0 and (near or far):
        return 1
    if near <= 0 and far <= 0 and (near or far):
        return -1
    if near < 0 < far:  # widened both ways: more outcomes acceptable
        return 1
    if far < 0 < near:  # narrowed both ways
        return -1
    return 0


def _shown(salience: int | None) -> str:
    return "unstated" if salience is None else str(salience)


def _directions(issue: Issue, before: PositionState, after: PositionState, end: int | None) -> list[str]:
    """Which way the accepted range and the ideal moved along an ordered scale (reasons only)."""
    out: list[str] = []
    if end is None:
        return out
    for what, was, now in (
        ("accepted range", set(before.accepted), set(after.accepted)),
        ("ideal", set(before.options("demand")), set(after.options("demand"))),
    ):
        if was and now and was != now and (sign := _shift(issue, end, was, now)):
            out.append(f"{what} moves towards {'the other end' if sign > 0 else 'its own end'} of the scale")
    return out


def _wording(before: PositionState, after: PositionState) -> list[str]:
    """Changes that move no option: the ideal, a condition reworded, the salience."""
    out = []
    was, now = before.options("demand"), after.options("demand")
    if was != now and set(before.accepted) == set(after.accepted):
        out.append(f"ideal: {', '.join(was) or 'none'} → {', '.join(now) or 'none'}")
    old = {c.id: c for c in before.conditions}
    out += [f"condition reworded: {c.id}" for c in after.conditions if c.id in old and old[c.id] != c]
    if before.salience != after.salience:
        out.append(f"salience {_shown(before.salience)} → {_shown(after.salience)}")
    return out
