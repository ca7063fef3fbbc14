"""C003 nothing-acceptable (warning): every option of an issue is a party's red line.

Such a party can sign no package at all; usually an option is missing from the catalogue or a
red line was recorded too broadly.

Failing: ``red_line: [membership_path, no_membership_de_facto, legal_ban]`` on ``nato``.
Passing: any option left acceptable or unstated.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.checks.base import Check, Locator
from postrack.problems import Problem
from postrack.record import Record
from postrack.stance import of_position


def run(record: Record, locate: Locator) -> Iterator[Problem]:
    for party in sorted(record.parties):
        for issue_id, issue in record.issues.items():
            refs = list(record.statements(party, issue_id))
            if not refs:
                continue
            pos = record.position(party, issue_id, max(r.date for r in refs))
            reading = of_position(issue, pos)
            if pos is not None and reading is not None and not reading.at_least("unstated"):
                yield locate.problem(
                    pos.latest, ("red_line",), f"every option of {issue_id!r} is a red line", "warning"
                )


CHECK = Check("C003", "nothing-acceptable", run)
