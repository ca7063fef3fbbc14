"""What a pair rule sees and what it returns.

A rule looks at two parties' readings of one issue (and, for conditions, at their readings of the
linked issues), always through the stance model (:mod:`postrack.stance`), and yields findings:
frozen data that the compare result, JSON, tables and briefings all present the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from postrack.model import Issue
from postrack.record import IssuePosition, StatementRef
from postrack.stance import Reading


@dataclass(frozen=True)
class Finding:
    code: str
    rule: str
    issue: str
    parties: tuple[str, str]
    options: tuple[str, ...]
    message: str
    refs: tuple[StatementRef, ...] = field(default=(), compare=False)
    details: tuple[tuple[str, str], ...] = ()

    def detail(self, name: str) -> str:
        return dict(self.details).get(name, "")

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "rule": self.rule,
            "options": list(self.options),
            "message": self.message,
            **dict(self.details),
        }


@dataclass(frozen=True)
class PairContext:
    """Two parties (sorted), their positions and readings on one issue, and look-ups for the others.

    ``readings`` is None for a party without a stance; ``reading(party, issue)`` reads any issue."""

    issue: Issue
    parties: tuple[str, str]
    positions: tuple[IssuePosition | None, IssuePosition | None]
    readings: tuple[Reading | None, Reading | None]
    reading: Callable[[str, str], Reading | None]

    def both(self) -> tuple[Reading, Reading] | None:
        a, b = self.readings
        return (a, b) if a is not None and b is not None else None

    def shared(self) -> list[str]:
        """Options both accept, conditionally or not, in scale order."""
        pair = self.both()
        if pair is None:
            return []
        mine = set(pair[1].at_least("conditional"))
        return [o for o in pair[0].at_least("conditional") if o in mine]

    def reader(self, party: str) -> Callable[[str], Reading | None]:
        """``party``'s reading of any issue, for condition verdicts."""
        return partial(self.reading, party)

    def ref(self, side: int, option: str) -> tuple[StatementRef, ...]:
        position = self.positions[side]
        held = position.stances.get(option) if position else None
        return (held.ref,) if held else ()


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    evaluate: Callable[[PairContext], Iterator[Finding]]
