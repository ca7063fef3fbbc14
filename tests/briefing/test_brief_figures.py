"""Geometry of the memo's pictures: every mark inside its frame, lines that follow the data."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from postrack.briefing import Memo
from postrack.briefing.figures import circle_layout, date_ticks, step_segments, value_ticks

START = date(2025, 1, 1)

series = st.lists(
    st.tuples(st.integers(0, 400), st.one_of(st.none(), st.integers(0, 6))), min_size=1, max_size=12
).map(lambda pts: sorted({START + timedelta(days=d): g for d, g in pts}.items()))


@given(series, st.integers(0, 200))
def test_step_lines_stay_in_the_frame_and_are_axis_parallel(
    points: list[tuple[date, int | None]], extra: int
) -> None:
    end = points[-1][0] + timedelta(days=extra)
    top = max([g for _, g in points if g is not None], default=0) or 1
    for s in step_segments(points, START, end, top):
        assert all(0.0 <= v <= 1.0 for v in (s.x1, s.y1, s.x2, s.y2))
        assert s.x1 == s.x2 or s.y1 == s.y2
        assert s.x1 <= s.x2


@given(series)
def test_each_known_value_is_drawn_at_its_height(points: list[tuple[date, int | None]]) -> None:
    end = points[-1][0] + timedelta(days=1)
    top = max([g for _, g in points if g is not None], default=0) or 1
    heights = {round(1 - g / top, 4) for _, g in points if g is not None}
    drawn = {s.y1 for s in step_segments(points, START, end, top) if s.y1 == s.y2}
    assert drawn == heights


@given(st.integers(1, 40))
def test_circle_layout_puts_distinct_points_on_the_inscribed_circle(count: int) -> None:
    points = circle_layout(count)
    assert len(set(points)) == count
    if count > 1:
        assert all(math.isclose(math.hypot(p.x - 0.5, p.y - 0.5), 0.5, abs_tol=1e-3) for p in points)
        assert points[0].y == 0.0


def test_linkage_figure_joins_the_condition_to_both_issues(memo: Memo) -> None:
    assert memo.linkage is not None
    (node,) = memo.linkage.conditions
    assert [i.title for i in memo.linkage.issues] == ["Ceasefire", "Military aid"]
    ends = {(e.x1, e.y1, e.requires) for e in memo.linkage.edges} | {
        (e.x2, e.y2, e.requires) for e in memo.linkage.edges
    }
    for issue, requires in zip(memo.linkage.issues, (False, True), strict=True):
        assert (issue.x, issue.y, requires) in ends
    assert all((node.x, node.y) in {(e.x1, e.y1), (e.x2, e.y2)} for e in memo.linkage.edges)
    assert memo.linkage.unlinked == ("Prisoners", "Nuclear plant")


@given(st.integers(0, 2000), st.integers(1, 3000))
def test_date_ticks_mark_both_ends_in_order_and_apart(offset: int, span: int) -> None:
    start = START + timedelta(days=offset)
    ticks = date_ticks(start, start + timedelta(days=span))
    assert ticks[0].at == 0.0 and ticks[-1].at == 1.0 and len(ticks) <= 5
    assert ticks[0].label == start.isoformat()
    gaps = [b.at - a.at for a, b in itertools.pairwise(ticks)]
    assert all(g > 0 for g in gaps)
    assert all(g >= 0.29 for g in gaps[:-1]) and (len(gaps) == 1 or gaps[-1] >= 0.29)


@given(st.integers(1, 40))
def test_value_ticks_run_from_zero_to_the_top(top: int) -> None:
    ticks = value_ticks(top)
    assert ticks[0].label == "0" and ticks[0].at == 1.0
    assert ticks[-1].label == str(top) and ticks[-1].at == 0.0
    assert len(ticks) <= 6 and [t.at for t in ticks] == sorted((t.at for t in ticks), reverse=True)
