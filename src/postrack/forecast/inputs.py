"""What a forecast rests on, read from the record as of a date: per party and ordered issue, its
ideal point and accepted range (through the stance model, never re-read from statements), its
salience, and its capability.

Why these readings: the model needs one point per actor. A party's *ideal* is its demand (the mean
scale step when it demands several options); a party that demands nothing but accepts options is
placed at the middle of what it accepts, and the output says so. A party that only red-lines has
no point on the scale and stays out. Capability is the latest dated estimate in the party file
(per issue if given, else overall); without one the documented default is used and flagged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

from postrack.model import Issue, PartyFile
from postrack.record import Record
from postrack.stance import of_position

DEFAULT_CAPABILITY = 50.0
"""Capability (0-100) of a party whose file has no capability estimate dated on or before the
forecast date: the middle of the scale, so every such party weighs the same."""

IdealFrom = Literal["demand", "accepted"]


@dataclass(frozen=True)
class ActorInput:
    party: str
    ideal: float
    """Scale steps from the issue's first option."""
    ideal_from: IdealFrom
    accepted: tuple[int, ...]
    """Scale steps of the options the party accepts (conditionally or not)."""
    salience: int
    salience_assumed: bool
    capability: float
    capability_default: bool
    capability_since: str


@dataclass(frozen=True)
class Capability:
    value: float
    default: bool
    since: str


def capability(party: PartyFile, issue: str, as_of: date) -> Capability:
    """The party's latest capability estimate dated on or before ``as_of``, for ``issue``."""
    known = [c for c in party.capabilities if c.date <= as_of]
    if not known:
        return Capability(DEFAULT_CAPABILITY, True, "")
    latest = max(known, key=lambda c: c.date)
    return Capability(latest.issues.get(issue, latest.value), False, latest.date.isoformat())


def actor_input(record: Record, party: str, issue: Issue, as_of: date) -> ActorInput | str:
    """The party's inputs on ``issue``, or why it has none."""
    position = record.position(party, issue.id, as_of)
    reading = of_position(issue, position)
    if reading is None or position is None:
        return "no stance"
    accepted = tuple(issue.rank(o) for o in reading.at_least("conditional"))
    demanded = [issue.rank(o) for o in reading.demanded()]
    if not demanded and not accepted:
        return "accepts no option"
    steps = demanded or list(accepted)
    clout = capability(record.parties[party], issue.id, as_of)
    return ActorInput(
        party=party,
        ideal=math.fsum(steps) / len(steps),
        ideal_from="demand" if demanded else "accepted",
        accepted=accepted,
        salience=position.salience,
        salience_assumed=position.salience_assumed,
        capability=clout.value,
        capability_default=clout.default,
        capability_since=clout.since,
    )
