"""C001 contradictory-stances: one option given two different stances on the same date.

Failing (an option both demanded and a red line on 2025-06-02)::

    nato:
      - date: 2025-06-02
        demand: [legal_ban]
        red_line: [legal_ban]

Passing: the stance changes on a later date, which is a change of position, not a contradiction;
or a scenario file overrides a stance of the baseline on the same date (statements are compared
within one file).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from postrack.checks.base import Check, Locator
from postrack.model.parties import STANCES
from postrack.problems import Problem
from postrack.record import Record, StatementRef


def run(record: Record, locate: Locator) -> Iterator[Problem]:
    for party in sorted(record.parties):
        for issue in record.issues:
            by_date: dict[object, list[StatementRef]] = defaultdict(list)
            for ref in record.statements(party, issue):
                by_date[(ref.date, ref.file)].append(ref)
            for refs in by_date.values():
                yield from _same_day(refs, locate)


def _same_day(refs: list[StatementRef], locate: Locator) -> Iterator[Problem]:
    seen: dict[str, tuple[str, StatementRef]] = {}
    for ref in refs:
        if ref.statement.corrects is not None:
            continue
        for stance in STANCES:
            for k, option in enumerate(ref.statement.stance_lists()[stance]):
                earlier = seen.get(option)
                if earlier is not None and earlier[0] != stance:
                    yield locate.problem(
                        ref,
                        (stance, k),
                        f"option {option!r} is both {earlier[0]} and {stance} on {ref.date}"
                        " (use a later date, or mark the statement as a correction)",
                    )
                seen.setdefault(option, (stance, ref))


CHECK = Check("C001", "contradictory-stances", run)
