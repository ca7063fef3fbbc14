"""How far apart two parties are on one issue, as a number.

Convergence should be a figure, not an impression: on an ordered issue the gap is the number of
steps on the scale between the nearest options each side accepts (``demand`` or ``acceptable``), so
0 means they already share an acceptable outcome. An unordered issue has no scale to measure along,
so the gap is only 0 (a shared option) or 1 (none). ``None`` means there is nothing to compare: a
party has no position yet, or accepts no option at all.
"""

from __future__ import annotations

from postrack.model import Issue
from postrack.record import IssuePosition
from postrack.stance import of_position


def accepted(issue: Issue, position: IssuePosition | None) -> list[str]:
    """Options of ``issue`` the party would accept (conditionally or not), in the issue's own order."""
    reading = of_position(issue, position)
    return list(reading.at_least("conditional")) if reading else []


def gap(issue: Issue, a: IssuePosition | None, b: IssuePosition | None) -> int | None:
    """Distance between what ``a`` and ``b`` accept on ``issue``; 0 when they share an option."""
    mine, theirs = accepted(issue, a), accepted(issue, b)
    if not mine or not theirs:
        return None
    if set(mine) & set(theirs):
        return 0
    if not issue.ordered:
        return 1
    ranks_a = [issue.rank(o) for o in mine]
    ranks_b = [issue.rank(o) for o in theirs]
    return min(abs(x - y) for x in ranks_a for y in ranks_b)
