"""C002 unmeetable-condition: a condition the party itself has made impossible.

Failing: Russia accepts an immediate ceasefire only if aid is halted, while its own position on
``military_aid`` red-lines ``halted``::

    ceasefire:
      - acceptable: [immediate]
        conditions:
          - id: needs_aid_halt
            when: [immediate]
            requires: [{issue: military_aid, options: [halted]}]
    military_aid:
      - red_line: [halted]

Passing: at least one required option is not among the party's own red lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.checks.base import Check, Locator
from postrack.problems import Problem
from postrack.record import IssuePosition, Record


def run(record: Record, locate: Locator) -> Iterator[Problem]:
    for party in sorted(record.parties):
        reported: set[str] = set()
        dates = sorted({ref.date for issue in record.issues for ref in record.statements(party, issue)})
        for day in dates:
            positions = {i: record.position(party, i, day) for i in record.issues}
            for issue, pos in positions.items():
                if pos is None:
                    continue
                for cid, active in pos.conditions.items():
                    if cid in reported or not any(pos.accepts(o) for o in active.condition.when):
                        continue
                    if all(_blocked(positions.get(req.issue), req.options) for req in active.condition.requires):
                        reported.add(cid)
                        k = active.condition.id
                        index = next(i for i, c in enumerate(active.ref.statement.conditions) if c.id == k)
                        yield locate.problem(
                            active.ref,
                            ("conditions", index),
                            f"condition {cid!r} can never be met: as of {day} every option it requires"
                            " is one of the party's own red lines",
                        )


def _blocked(position: IssuePosition | None, options: list[str]) -> bool:
    return position is not None and all(position.rejects(o) for o in options)


CHECK = Check("C002", "unmeetable-condition", run)
