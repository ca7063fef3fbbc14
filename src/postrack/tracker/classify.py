"""Whether a statement hardened, softened or reframed a party's position.

A change is read along four signals, in this order of weight: what the party accepts, its red
lines, what it insists on (demand versus merely acceptable), and its conditions. Each signal says
harder (-1), softer (+1) or neither (0); the first one that is not 0 names the change, and the
reasons list every signal so a reader sees mixed moves. See docs/tracker.md for the full rule.

On an ordered issue, what the party accepts is a range on the scale. Its *own end* is where its
earliest demand lies (a party's ideal says which side it is on better than what it would merely
accept); with no demand on record, its earliest position that leans one way (:func:`own_end`: where
its accepted options lie, or else away from its red lines). So a party that swings across the
scale and back softens and then hardens.
Moving either edge of the range towards the other end is softening, towards its own end hardening;
widening both ways softens, narrowing both ways hardens. Example, territory ordered from Ukraine's
to Russia's end: Russia accepting ``donbas_withdrawal`` besides ``four_oblasts_recognised`` moves
its far edge towards Ukraine's end, a softening.
"""

from __future__ import annotations

from typing import Literal

from postrack.model import Issue
from postrack.tracker.state import PositionState

Kind = Literal["opening", "hardening", "softening", "reframing", "reaffirmed"]
_BY_SIGN: dict[int, Kind] = {-1: "hardening", 1: "softening"}


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
    signals = [
        _acceptance(issue, before, after, end),
        _red_lines(before, after),
        _insistence(issue, before, after, end),
        _conditions(before, after),
        _salience(before, after),
    ]
    reasons = tuple(reason for _, found in signals for reason in found)
    sign = next((s for s, _ in signals if s), 0)
    return _BY_SIGN.get(sign, "reframing"), reasons


Signal = tuple[int, list[str]]


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


def _acceptance(issue: Issue, before: PositionState, after: PositionState, end: int | None) -> Signal:
    was, now = set(before.accepted), set(after.accepted)
    if was == now:
        return 0, []
    reasons = [f"now accepts {o}" for o in after.accepted if o not in was]
    reasons += [f"no longer accepts {o}" for o in before.accepted if o not in now]
    if not was or not now:
        return (1 if now else -1), reasons
    if end is not None:
        sign = _shift(issue, end, was, now)
        if sign:
            direction = "towards the other end" if sign > 0 else "towards its own end"
            return sign, [*reasons, f"accepted range moves {direction} of the scale"]
    if now > was:
        return 1, [*reasons, "accepts more options"]
    if now < was:
        return -1, [*reasons, "accepts fewer options"]
    return 0, reasons


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


def _red_lines(before: PositionState, after: PositionState) -> Signal:
    was, now = set(before.options("red_line")), set(after.options("red_line"))
    added = [o for o in after.options("red_line") if o not in was]
    dropped = [o for o in before.options("red_line") if o not in now]
    reasons = [f"red line added: {o}" for o in added] + [f"red line dropped: {o}" for o in dropped]
    return _either(bool(dropped), bool(added)), reasons


def _insistence(issue: Issue, before: PositionState, after: PositionState, end: int | None) -> Signal:
    """Demanding what was merely acceptable hardens, the reverse softens; a demand that moves from
    one option to another on an ordered scale softens or hardens with the direction of the move."""
    both = set(before.accepted) & set(after.accepted)
    insists = [o for o in after.options("demand") if o in both and before.stance(o) == "acceptable"]
    relents = [o for o in before.options("demand") if o in both and after.stance(o) == "acceptable"]
    reasons = [f"now demands {o}" for o in insists] + [f"no longer insists on {o}" for o in relents]
    if insists and relents and end is not None:
        sign = _shift(issue, end, set(before.options("demand")), set(after.options("demand")))
        if sign:
            direction = "towards the other end" if sign > 0 else "towards its own end"
            return sign, [*reasons, f"demand moves {direction} of the scale"]
    return _either(bool(relents), bool(insists)), reasons


def _conditions(before: PositionState, after: PositionState) -> Signal:
    was, now = (
        dict(zip(before.condition_ids, before.conditions, strict=True)),
        dict(zip(after.condition_ids, after.conditions, strict=True)),
    )
    added = [c for c in now if c not in was]
    dropped = [c for c in was if c not in now]
    changed = [c for c in now if c in was and now[c] != was[c]]
    reasons = [f"condition added: {c}" for c in added] + [f"condition dropped: {c}" for c in dropped]
    reasons += [f"condition reworded: {c}" for c in changed]
    return _either(bool(dropped), bool(added)), reasons


def _salience(before: PositionState, after: PositionState) -> Signal:
    """Salience says how much the issue matters, not where the party stands: never a direction."""
    if before.salience == after.salience:
        return 0, []
    return 0, [f"salience {_shown(before.salience)} → {_shown(after.salience)}"]


def _shown(salience: int | None) -> str:
    return "unstated" if salience is None else str(salience)


def _either(softer: bool, harder: bool) -> int:
    return (1 if softer else 0) - (1 if harder else 0)
