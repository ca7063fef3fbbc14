"""C004 weak-sources (warning): high confidence resting only on weak sources (reposts, aggregators).

Failing: ``confidence: high`` with every cited source marked ``reliability: weak``.
Passing: lower the confidence, or cite a primary or secondary source for the same fact.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.checks.base import Check, Locator
from postrack.problems import Problem
from postrack.record import Record


def run(record: Record, locate: Locator) -> Iterator[Problem]:
    for ref in record.all_statements():
        if ref.statement.confidence != "high":
            continue
        sources = [record.source(c.ref) for c in ref.statement.sources]
        if sources and all(s is not None and s.reliability == "weak" for s in sources):
            yield locate.problem(
                ref, ("confidence",), "confidence is high but every source is weak", "warning"
            )


CHECK = Check("C004", "weak-sources", run)
