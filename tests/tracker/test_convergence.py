"""Gap series for the convergence chart: one line per issue and pair, a point per date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from postrack.gap import gap
from postrack.loading import load_record
from postrack.record import Record
from postrack.tracker.convergence import gap_series

from .strategies import DAYS, day, records

DATES = [date(2025, 5, 16), date(2025, 12, 31), date(2025, 9, 30)]


def test_series_follow_the_gap_on_each_date(tracker_data: Path) -> None:
    series = gap_series(load_record(tracker_data), ["russia", "ukraine"], DATES)
    by_issue = {s.issue: s for s in series}
    assert [d for d, _ in by_issue["territory"].points] == sorted(DATES)
    assert [g for _, g in by_issue["territory"].points] == [4, 2, 2]
    assert by_issue["guarantees"].points[0] == (date(2025, 5, 16), None)
    assert series[0].to_dict()["points"] == [
        {"date": "2025-05-16", "gap": 1},
        {"date": "2025-09-30", "gap": 0},
        {"date": "2025-12-31", "gap": 1},
    ]


def test_as_of_hides_later_statements(tracker_data: Path) -> None:
    record = load_record(tracker_data)
    capped = gap_series(record, ["russia", "ukraine"], DATES, ["territory"], as_of=date(2025, 9, 1))
    assert [g for _, g in capped[0].points] == [4, 3, 3]


@given(records(), st.lists(st.integers(0, DAYS), min_size=1, max_size=4))
def test_every_point_is_the_gap_of_that_day(record: Record, offsets: list[int]) -> None:
    parties = sorted(record.parties)
    for series in gap_series(record, parties, [day(o) for o in offsets]):
        issue = record.issues[series.issue]
        a, b = series.parties
        for when, found in series.points:
            assert found == gap(issue, record.position(a, issue.id, when), record.position(b, issue.id, when))
