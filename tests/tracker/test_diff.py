"""The diff: applying it to the state on the first date gives the state on the second; gaps as numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postrack.loading import load_record
from postrack.problems import UserError
from postrack.record import Record
from postrack.tracker.diff import apply_moves, diff, diff_states
from postrack.tracker.state import state_at

from .strategies import DAYS, day, records

ALL = ["russia", "ukraine", "us"]
LATE = date(2026, 6, 30)


@given(records(), st.integers(0, DAYS), st.integers(0, DAYS))
def test_applying_the_diff_to_the_first_state_gives_the_second(record: Record, a: int, b: int) -> None:
    parties = sorted(record.parties)
    first, second = state_at(record, parties, day(a)), state_at(record, parties, day(b))
    assert apply_moves(record.issues, first, diff_states(record.issues, first, second)) == second


@given(records(), st.integers(0, DAYS), st.integers(0, DAYS), st.integers(0, DAYS))
def test_diff_from_a_to_b_as_of_a_date_moves_a_to_b_seen_from_then(
    record: Record, a: int, b: int, c: int
) -> None:
    start, end = sorted((day(a), day(b)))
    parties = sorted(record.parties)
    result = diff(record, parties, start, end, day(c))
    seen = min(end, day(c))
    assert apply_moves(record.issues, state_at(record, parties, min(start, seen)), result.moves) == state_at(
        record, parties, seen
    )
    assert all(change.date <= day(c) for move in result.moves for change in move.changes)


@given(records(), st.integers(0, DAYS))
def test_the_diff_of_a_date_with_itself_is_empty(record: Record, a: int) -> None:
    result = diff(record, sorted(record.parties), day(a), day(a), day(DAYS))
    assert result.moves == ()
    assert all(g.before == g.after and g.trend in ("steady", "unknown") for g in result.gaps)


def test_moves_list_stances_red_lines_conditions_and_salience(tracker_data: Path) -> None:
    result = diff(load_record(tracker_data), ALL, date(2025, 5, 16), date(2026, 1, 1), LATE)
    moves = {(m.party, m.issue): m for m in result.moves}
    assert moves[("russia", "territory")].red_lines_added == ("demilitarised_zone",)
    assert moves[("us", "guarantees")].red_lines_dropped == ("article5_like",)
    assert [c.id for c in moves[("ukraine", "territory")].conditions_added] == ["zone_needs_guarantee"]
    opened = moves[("russia", "guarantees")]
    assert opened.opened and opened.salience == (None, 7)
    assert [str(c.date) for c in opened.changes] == ["2025-06-02", "2025-08-17", "2025-08-20"]


def test_a_position_that_moved_and_came_back_is_listed_with_no_net_change(tracker_data: Path) -> None:
    result = diff(load_record(tracker_data), ["us"], date(2025, 8, 1), date(2025, 11, 1), LATE)
    (move,) = result.moves
    assert (move.issue, move.net_zero, move.stances) == ("ceasefire", True, ())
    assert [c.kind for c in move.changes] == ["reframing", "reframing"]


def test_gaps_per_issue_and_pair_show_convergence(tracker_data: Path) -> None:
    result = diff(load_record(tracker_data), ALL, date(2025, 5, 16), date(2026, 1, 1), LATE)
    gaps = {(g.issue, g.parties): g for g in result.gaps}
    territory = gaps[("territory", ("russia", "ukraine"))]
    assert (territory.before, territory.after, territory.trend) == (4, 2, "converging")
    unknown = gaps[("guarantees", ("russia", "ukraine"))]
    assert (unknown.before, unknown.after, unknown.trend) == (None, 1, "unknown")
    assert gaps[("ceasefire", ("ukraine", "us"))].trend == "steady"


def test_as_of_caps_the_second_date(tracker_data: Path) -> None:
    record = load_record(tracker_data)
    capped = diff(record, ALL, date(2025, 5, 16), date(2026, 6, 1), date(2025, 9, 1))
    assert (
        capped.to_dict()["moves"]
        == diff(record, ALL, date(2025, 5, 16), date(2025, 9, 1), LATE).to_dict()["moves"]
    )


def test_from_after_to_is_a_user_error(tracker_data: Path) -> None:
    with pytest.raises(UserError, match="after --to"):
        diff(load_record(tracker_data), ALL, date(2026, 1, 1), date(2025, 1, 1), LATE)
