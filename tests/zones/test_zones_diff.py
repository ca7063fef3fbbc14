"""diff_zones: what a scenario (or a later date) changes in the zone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from postrack.loading import load_record
from postrack.zones import analyse, diff_zones

PARTIES = ["north", "south", "broker"]


def test_closing_zone_lists_every_option_that_left(zone_data: Path) -> None:
    record = load_record(zone_data)
    before = analyse(record, PARTIES, date(2025, 6, 10), tier="tolerated")
    after = analyse(record, PARTIES, date(2025, 7, 2), tier="tolerated")
    diff = diff_zones(before, after)
    assert diff.closed and not diff.opened and diff.changed
    assert (diff.count_before, diff.count_after, diff.count_change) == (6, 0, -6)
    assert [(c.issue, c.entered, c.left) for c in diff.issues] == [
        ("ceasefire", (), ("on_framework",)),
        ("military_aid", (), ("continues",)),
        ("prisoners", (), ("all_for_all", "parity_swaps", "no_exchange")),
        ("znpp", (), ("ukraine_control", "trilateral")),
    ]
    assert diff.best_appeared == () and diff.best_disappeared == before.best
    back = diff_zones(after, before)
    assert back.opened and back.best_appeared == before.best
    assert (back.issues[0].issue, back.issues[0].entered) == ("ceasefire", ("on_framework",))
    assert back.to_dict()["count_after"] == 6


def test_identical_reports_have_no_changes(zone_data: Path) -> None:
    record = load_record(zone_data)
    report = analyse(record, PARTIES, date(2025, 6, 10), tier="tolerated")
    diff = diff_zones(report, report)
    assert not diff.changed and diff.issues == () and diff.count_change == 0


def test_issues_in_only_one_report_count_as_entering_or_leaving(zone_data: Path) -> None:
    record = load_record(zone_data)
    small = analyse(record, PARTIES, date(2025, 6, 10), issues=["ceasefire"], tier="tolerated")
    full = analyse(record, PARTIES, date(2025, 6, 10), tier="tolerated")
    diff = diff_zones(small, full)
    assert [c.issue for c in diff.issues] == ["military_aid", "prisoners", "znpp"]
    assert diff.issues[0].entered == ("continues",)
