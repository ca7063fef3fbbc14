"""The chronology: timeline.yaml is checked like the rest, and stance changes attach by the window rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postrack.loading import load_record
from postrack.model.timeline import Event, EventSource
from postrack.paths import default_data_dir
from postrack.problems import UserError
from postrack.tracker.history import Change
from postrack.tracker.state import PositionState
from postrack.tracker.timeline import attach, chronology, load_timeline

LATE = date(2026, 6, 30)
ALL = ["russia", "ukraine", "us"]


def event(eid: str, start: str, end: str | None = None, before: int = 1, after: int = 3) -> Event:
    first = date.fromisoformat(start)
    return Event(
        id=eid,
        title=eid,
        kind="talks",
        start=first,
        end=date.fromisoformat(end) if end else None,
        summary="x",
        window_before=before,
        window_after=after,
        sources=[EventSource(key="s1", outlet="Wire", date=first)],
    )


def change_on(day: date, precision: str = "day") -> Change:
    return Change("p", "i", day, precision, "opening", (), "s", None, PositionState(), (), "medium")


def test_changes_attach_to_the_event_whose_window_holds_them(tracker_data: Path) -> None:
    result = chronology(load_record(tracker_data), load_timeline(tracker_data), ALL, LATE)
    attached = {e.event.id: [(c.party, c.issue, str(c.date)) for c in e.changes] for e in result.events}
    assert attached["istanbul_2"] == [
        ("ukraine", "ceasefire", "2025-06-01"),
        ("russia", "ceasefire", "2025-06-02"),
        ("russia", "guarantees", "2025-06-02"),
    ]
    # Alaska widens its window to five days after, so Lavrov's answer of 2025-08-20 belongs to it
    assert ("russia", "guarantees", "2025-08-20") in attached["alaska"]
    assert ("us", "territory", "2025-11-20") in [(c.party, c.issue, str(c.date)) for c in result.unattached]


def test_the_nearest_event_wins_where_windows_overlap() -> None:
    first, second = event("first", "2025-06-01"), event("second", "2025-06-04")
    assert attach([first, second], change_on(date(2025, 6, 3))) == second
    assert attach([first, event("third", "2025-06-03")], change_on(date(2025, 6, 2))) == first


def test_only_statements_dated_to_the_day_attach() -> None:
    assert attach([event("round", "2025-06-01")], change_on(date(2025, 6, 1), "month")) is None


def test_window_covers_the_day_before_to_three_days_after_by_default() -> None:
    assert event("e", "2025-06-01", "2025-06-02").window() == (date(2025, 5, 31), date(2025, 6, 5))
    assert event("e", "2025-06-01", before=0, after=0).window() == (date(2025, 6, 1),) * 2


def test_from_to_and_as_of_limit_events_and_changes(tracker_data: Path) -> None:
    record, timeline = load_record(tracker_data), load_timeline(tracker_data)
    result = chronology(record, timeline, ALL, LATE, date(2025, 5, 1), date(2025, 7, 1))
    assert [e.event.id for e in result.events] == ["istanbul_1", "istanbul_2"]
    assert all(date(2025, 5, 1) <= c.date <= date(2025, 7, 1) for c in result.unattached)
    early = chronology(record, timeline, ALL, date(2025, 5, 16))
    assert [e.event.id for e in early.events] == ["jeddah", "istanbul_1"]
    assert max(c.date for e in early.events for c in e.changes) == date(2025, 5, 16)


def test_timeline_errors_name_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "timeline.yaml").write_text(
        "events:\n"
        "  - id: a\n    title: A\n    kind: talks\n    start: 2025-06-02\n    end: 2025-06-01\n"
        "    summary: s\n    sources: [{key: s1, outlet: W, date: 2025-06-02}]\n"
        "  - id: a\n    title: B\n    kind: party\n    start: 2025-05-01\n    summary: s\n    sorces: []\n"
    )
    with pytest.raises(UserError) as caught:
        load_timeline(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert any(":11:5: events[1].kind: Input should be" in m for m in messages), messages
    assert any(":14:5: events[1].sorces: unknown field" in m for m in messages), messages
    assert any("events[1].sources: field required" in m for m in messages), messages


def test_timeline_cross_checks_ids_order_and_dates(tmp_path: Path) -> None:
    (tmp_path / "timeline.yaml").write_text(
        "events:\n"
        "  - {id: a, title: A, kind: talks, start: 2025-06-02, end: 2025-06-01, summary: s,"
        " sources: [{key: s1, outlet: W, date: 2025-06-02}]}\n"
        "  - {id: a, title: B, kind: talks, start: 2025-05-01, summary: s,"
        " sources: [{key: s1, outlet: W, date: 2025-05-01}]}\n"
    )
    with pytest.raises(UserError) as caught:
        load_timeline(tmp_path)
    messages = sorted(p.message for p in caught.value.problems)
    assert messages == [
        "duplicate event id 'a'",
        "ends (2025-06-01) before it starts (2025-06-02)",
        "out of order: 2025-05-01 comes after 2025-06-02 (oldest first)",
    ]


def test_a_missing_timeline_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"no timeline\.yaml"):
        load_timeline(tmp_path)


def test_the_shipped_timeline_is_valid_and_sourced() -> None:
    timeline = load_timeline(default_data_dir())
    assert len(timeline.events) >= 20
    assert all(e.sources for e in timeline.events)
    ids = {e.id for e in timeline.events}
    assert {"istanbul_round_1", "alaska_summit", "us_28_point_plan", "twenty_point_framework"} <= ids
