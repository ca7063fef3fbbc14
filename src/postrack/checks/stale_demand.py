"""C006 stale-demand (warning): an earlier demand stays in force beside a newer, different demand.

A statement sets stances only on the options it names; an earlier demand on another option is kept
until withdrawn or reset. When a party later demands something else on the same issue, keeping the
old demand is rarely what the source says: the party now holds two ideals, and the stance model
reads both as accepted. Say which: withdraw the old one, reset the issue, or demand both again.

Failing: ``demand: [immediate]`` on 2025-03-11, then ``demand: [on_final_settlement]`` on 2025-05-16
with no ``withdrawn`` or ``reset``.
Passing: the second statement adds ``withdrawn: [immediate]`` (or ``reset: true``).
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.checks.base import Check, Locator
from postrack.problems import Problem
from postrack.record import Record


def run(record: Record, locate: Locator) -> Iterator[Problem]:
    for party in sorted(record.parties):
        for issue_id in record.issues:
            for ref in record.statements(party, issue_id):
                st = ref.statement
                if not st.demand:
                    continue
                position = record.position(party, issue_id, ref.date)
                if position is None:
                    continue
                stale = sorted(
                    option
                    for option, held in position.stances.items()
                    if held.stance == "demand" and held.ref.date < ref.date and option not in st.demand
                )
                for option in stale:
                    since = position.stances[option].ref.date
                    yield locate.problem(
                        ref,
                        ("demand",),
                        f"demands {', '.join(st.demand)} on {ref.date} while its demand for {option}"
                        f" of {since} is still in force: withdraw it (withdrawn: [{option}]), reset the"
                        " issue, or name both demands",
                        "warning",
                    )


CHECK = Check("C006", "stale-demand", run)
