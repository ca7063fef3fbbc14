"""What a pair rule sees and what it returns.

A rule looks at two parties' positions on one issue (and, for conditions, at their positions on
the linked issues) and yields findings: frozen data that the compare result, JSON, tables and
briefings all present the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from postrack.model import Issue
from postrack.record import IssuePosition, StatementRef


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
    """Two parties (sorted) and their positions on one issue, plus a look-up for linked issues."""

    issue: Issue
    parties: tuple[str, str]
    positions: tuple[IssuePosition | None, IssuePosition | None]
    lookup: Callable[[str, str], IssuePosition | None]

    def both(self) -> tuple[IssuePosition, IssuePosition] | None:
        a, b = self.positions
        return (a, b) if a is not None and b is not None else None

    def accepted_by_both(self) -> list[str]:
        pair = self.both()
        if pair is None:
            return []
        return [o for o in self.issue.option_ids() if pair[0].accepts(o) and pair[1].accepts(o)]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    evaluate: Callable[[PairContext], Iterator[Finding]]
