"""The gap between each pair of parties on each issue over a series of dates, for a convergence chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations

from postrack.gap import gap
from postrack.record import Record
from postrack.tracker.state import until


@dataclass(frozen=True)
class GapSeries:
    """One line of the chart: ``points`` pairs each date with the gap then (None: nothing to compare)."""

    issue: str
    parties: tuple[str, str]
    points: tuple[tuple[date, int | None], ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "parties": list(self.parties),
            "points": [{"date": d.isoformat(), "gap": g} for d, g in self.points],
        }


def gap_series(
    record: Record,
    parties: list[str],
    dates: list[date],
    issues: list[str] | None = None,
    as_of: date | None = None,
) -> tuple[GapSeries, ...]:
    """Per issue (catalogue order) and pair of ``parties`` (in the order given), the gap on each of ``dates``.

    Dates are sorted; with ``as_of`` nothing dated after it is used. Series with no known gap on
    any date are left out.
    """
    seen = until(record, as_of) if as_of is not None else record
    days = sorted(set(dates))
    out = []
    for issue_id in issues if issues is not None else list(seen.issues):
        issue = seen.issues[issue_id]
        for a, b in combinations(parties, 2):
            points = tuple(
                (d, gap(issue, seen.position(a, issue_id, d), seen.position(b, issue_id, d))) for d in days
            )
            if any(g is not None for _, g in points):
                out.append(GapSeries(issue_id, (a, b), points))
    return tuple(out)
