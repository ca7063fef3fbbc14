"""A party's position on an issue as plain comparable data, and the record as it stood on a date.

History and diff compare positions before and after; :class:`PositionState` keeps only what a
position *says* (stances, salience, conditions), not which statement said it, so two states are
equal exactly when nothing moved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from postrack.model import Condition, Issue
from postrack.model.parties import STANCES, Stance
from postrack.record import IssuePosition, Record


@dataclass(frozen=True)
class PositionState:
    """Stances in the issue's option order, the stated salience (None: never stated), conditions by id."""

    stances: tuple[tuple[str, Stance], ...] = ()
    salience: int | None = None
    conditions: tuple[Condition, ...] = ()

    @classmethod
    def of(cls, issue: Issue, position: IssuePosition) -> PositionState:
        order = {o: i for i, o in enumerate(issue.option_ids())}
        stances = sorted(((o, s.stance) for o, s in position.stances.items()), key=lambda p: order[p[0]])
        return cls(
            stances=tuple(stances),
            salience=None if position.salience_assumed else position.salience,
            conditions=tuple(c.condition for _, c in sorted(position.conditions.items())),
        )

    def stance(self, option: str) -> Stance | None:
        return dict(self.stances).get(option)

    def with_stance(self, issue: Issue, option: str, stance: Stance | None) -> PositionState:
        held = {o: s for o, s in self.stances if o != option}
        if stance is not None:
            held[option] = stance
        return replace(self, stances=tuple((o, held[o]) for o in issue.option_ids() if o in held))

    def options(self, *stances: Stance) -> tuple[str, ...]:
        return tuple(o for o, s in self.stances if s in stances)

    @property
    def accepted(self) -> tuple[str, ...]:
        return self.options("demand", "acceptable")

    @property
    def condition_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.conditions)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {stance: list(self.options(stance)) for stance in STANCES}
        out["salience"] = self.salience
        out["conditions"] = [c.model_dump(mode="json", exclude_defaults=True) for c in self.conditions]
        return out


State = dict[tuple[str, str], PositionState]
"""Every (party, issue) that has a position, mapped to it; a missing key means no position yet."""


def state_at(record: Record, parties: list[str], on: date) -> State:
    """The positions of ``parties`` on every issue as they stood on ``on``."""
    out: State = {}
    for party in parties:
        for issue_id, issue in record.issues.items():
            position = record.position(party, issue_id, on)
            if position is not None:
                out[(party, issue_id)] = PositionState.of(issue, position)
    return out


def until(record: Record, as_of: date) -> Record:
    """The record as it stood on ``as_of``: every statement dated later is left out.

    Statements of an issue are in date order (validation enforces it), so each kept list is a
    prefix and statement indices, lines and ids stay as they are in the file.
    """
    parties = {
        pid: party.model_copy(
            update={
                "positions": {i: [s for s in sts if s.date <= as_of] for i, sts in party.positions.items()}
            }
        )
        for pid, party in record.parties.items()
    }
    return replace(record, parties=parties)
