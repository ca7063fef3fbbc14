"""A party's history: every statement up to the as-of date, classified, sourced, corrections kept."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postrack.loading import load_record
from postrack.problems import UserError
from postrack.record import Record
from postrack.tracker.history import history, issue_history
from postrack.tracker.state import PositionState

from .strategies import DAYS, ISSUES, day, records

LATE = date(2026, 6, 30)


def kinds(record: Record, party: str, issue: str, as_of: date = LATE) -> list[tuple[str, str]]:
    return [(str(c.date), c.kind) for c in history(record, party, as_of, issue).changes()]


def test_each_statement_is_classified_along_the_scale(tracker_data: Path) -> None:
    record = load_record(tracker_data)
    assert kinds(record, "russia", "territory") == [
        ("2025-05-16", "opening"),
        ("2025-08-15", "softening"),
        ("2025-12-19", "hardening"),
        ("2026-01-24", "softening"),
        ("2026-02-10", "hardening"),
    ]
    assert kinds(record, "ukraine", "ceasefire") == [
        ("2025-03-11", "opening"),
        ("2025-05-16", "softening"),
        ("2025-06-01", "reaffirmed"),
    ]


def test_a_swing_across_the_scale_and_back_is_two_reframings_with_their_directions(
    tracker_data: Path,
) -> None:
    """Trading one accepted option for another moves one option up the ladder and one down: a
    reframing, not a softening (it can shrink a zone); the reasons say which way the range moved,
    measured from the party's own end, fixed by its opening position."""
    record = load_record(tracker_data)
    assert kinds(record, "us", "ceasefire") == [
        ("2025-03-11", "opening"),
        ("2025-08-16", "reframing"),
        ("2025-10-21", "reframing"),
    ]
    changes = history(record, "us", LATE, "ceasefire").changes()
    assert "accepted range moves towards the other end of the scale" in changes[1].reasons
    assert "accepted range moves towards its own end of the scale" in changes[2].reasons
    assert history(record, "us", LATE, "ceasefire").issues[0].own_end == "immediate"


def test_a_correction_stays_in_the_chain_marked_on_both_ends(tracker_data: Path) -> None:
    changes = history(load_record(tracker_data), "russia", LATE, "guarantees").changes()
    claim, correction = changes[1], changes[2]
    assert (claim.statement_id, claim.corrected_by) == ("witkoff_claim", "statement of 2025-08-20")
    assert (correction.corrects, correction.kind) == ("witkoff_claim", "hardening")
    assert claim.after.accepted == ("article5_like", "incl_russia")


def test_as_of_hides_everything_later_including_later_corrections(tracker_data: Path) -> None:
    changes = history(load_record(tracker_data), "russia", date(2025, 8, 17), "guarantees").changes()
    assert [str(c.date) for c in changes] == ["2025-06-02", "2025-08-17"]
    assert changes[-1].corrected_by is None


def test_each_change_carries_its_sources_and_location(tracker_data: Path) -> None:
    change = history(load_record(tracker_data), "russia", LATE, "ceasefire").changes()[2]
    assert [s.id for s in change.sources] == ["rbc-2025-12-12"]
    assert change.sources[0].evidence == "“peace, not a ceasefire”"
    assert change.file.endswith("russia.yaml") and change.line > 0


def test_issues_without_statements_are_left_out_unless_asked_for(tracker_data: Path) -> None:
    record = load_record(tracker_data)
    assert [i.issue for i in history(record, "us", date(2025, 3, 1)).issues] == ["guarantees"]
    assert history(record, "us", date(2025, 3, 1), "territory").issues[0].changes == ()


def test_unknown_party_or_issue_is_a_user_error(tracker_data: Path) -> None:
    record = load_record(tracker_data)
    with pytest.raises(UserError, match="unknown party 'narnia'"):
        history(record, "narnia", LATE)
    with pytest.raises(UserError, match="unknown issue 'nato'"):
        history(record, "russia", LATE, "nato")


@given(records(), st.integers(0, DAYS), st.integers(0, DAYS))
def test_history_is_append_only_in_meaning(record: Record, early: int, late: int) -> None:
    """The history as of an earlier date is the start of the later one, each entry judged the same way."""
    early, late = sorted((early, late))
    for party in record.parties:
        before = history(record, party, day(early)).changes()
        after = history(record, party, day(late)).changes()
        assert [c.date <= day(early) for c in before] == [True] * len(before)
        same = [c for c in after if c.date <= day(early)]
        strip = [(c.issue, c.date, c.kind, c.reasons, c.after) for c in before]
        assert strip == [(c.issue, c.date, c.kind, c.reasons, c.after) for c in same]


@given(records())
def test_the_last_change_ends_in_the_position_of_the_record(record: Record) -> None:
    for party in record.parties:
        for issue in ISSUES:
            changes = issue_history(record, party, issue).changes
            if not changes:
                continue
            last = changes[-1].date
            position = record.position(party, issue, last)
            assert position is not None
            assert changes[-1].after == PositionState.of(ISSUES[issue], position)
            assert changes[0].kind == "opening"
            for change in changes[1:]:  # later openings: a stance after none, or a first acceptance
                before = change.before
                assert before is not None
                first = not before.stances or (not before.accepted and bool(change.after.accepted))
                assert (change.kind == "opening") == (first and change.after != before)
            assert all(a.after == b.before for a, b in pairwise(changes))
