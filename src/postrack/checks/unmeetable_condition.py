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
from postrack.record import Record
from postrack.stance import Reading, of_position


def run(record: Record, locate: Locator) -> Iterator[Problem]:
    for party in sorted(record.parties):
        linked = _linked_issues(record, party)
        if not linked:
            continue
        reported: set[str] = set()
        dates = sorted({ref.date for issue in linked for ref in record.statements(party, issue)})
        for day in dates:
            positions = {i: record.position(party, i, day) for i in sorted(linked)}
            readings = {i: of_position(record.issue(i), pos) for i, pos in positions.items()}
            for issue_id, reading in readings.items():
                pos = positions[issue_id]
                if reading is None or pos is None:
                    continue
                for cid, active in pos.conditions.items():
                    if cid in reported or not any(
                        active.condition in reading.conditions_on(o) for o in active.condition.when
                    ):
                        continue
                    if all(_blocked(readings.get(r.issue), r.options) for r in active.condition.requires):
                        reported.add(cid)
                        index = next(i for i, c in enumerate(active.ref.statement.conditions) if c.id == cid)
                        yield locate.problem(
                            active.ref,
                            ("conditions", index),
                            f"condition {cid!r} can never be met: as of {day} every option it requires"
                            " is one of the party's own red lines",
                        )


def _linked_issues(record: Record, party: str) -> set[str]:
    """Issues that carry a condition of the party, and the issues those conditions require."""
    linked: set[str] = set()
    for issue, statements in record.parties[party].positions.items():
        for st in statements:
            for cond in st.conditions:
                linked |= {issue, *(r.issue for r in cond.requires)}
    return linked


def _blocked(reading: Reading | None, options: list[str]) -> bool:
    return reading is not None and all(reading.level(o) == "red_line" for o in options)


CHECK = Check("C002", "unmeetable-condition", run)
