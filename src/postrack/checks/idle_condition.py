"""C005 idle-condition (warning): a condition binds no option the party accepts.

The stance model reads a condition only on options the party demands or accepts (an "only if" on
an option it red-lines or never accepted says nothing), so such a condition changes no verdict;
usually the acceptance was left out of the statement, or the condition names the wrong options.

Failing: ``red_line: [immediate]`` with a condition ``when: [immediate]`` in force.
Passing: ``acceptable: [immediate]`` with that condition.
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
            for ref in record.statements(party, issue_id):
                for k, cond in enumerate(ref.statement.conditions):
                    reading = of_position(issue, record.position(party, issue_id, ref.date))
                    if reading is not None and not any(cond in reading.conditions_on(o) for o in cond.when):
                        yield locate.problem(
                            ref,
                            ("conditions", k, "when"),
                            f"condition {cond.id!r} binds no option {party} accepts as of {ref.date}"
                            f" ({', '.join(cond.when)} not demanded or acceptable): it changes nothing",
                            "warning",
                        )


CHECK = Check("C005", "idle-condition", run)
