"""The memo's typed context: plain data for templates, numbered sources, a summary that follows the data."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postrack.briefing import Memo, build_memo, plain
from postrack.briefing.footnotes import Footnotes
from postrack.problems import UserError
from postrack.record import Record
from postrack.scenarios import load_with_scenarios
from postrack.sources import CitedSource


def _only_plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_only_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


def test_templates_get_plain_data_only(memo: Memo) -> None:
    data = plain(memo)
    assert _only_plain(data)
    assert data["as_of"] == "2025-06-10" and data["since"] == "2025-05-20"


def source(n: int, reliability: str = "secondary", url: str = "") -> CitedSource:
    return CitedSource(f"s{n}", f"Outlet {n}", "", date(2025, 5, n), url, reliability, "evidence")


def test_footnotes_number_in_order_of_first_use_and_deduplicate() -> None:
    notes = Footnotes()
    assert notes.cite([source(3), source(1), source(3)]) == (1, 2)
    assert notes.cite([source(1), source(2)]) == (2, 3)
    assert [n.outlet for n in notes.notes()] == ["Outlet 3", "Outlet 1", "Outlet 2"]


def test_only_web_addresses_become_links_and_weak_sources_are_flagged() -> None:
    notes = Footnotes()
    notes.cite(
        [source(1, "weak", "https://a.example"), source(2, url="javascript:alert(1)"), source(3, url="")]
    )
    assert [(n.link, n.weak) for n in notes.notes()] == [(True, True), (False, False), (False, False)]


def test_every_note_is_cited_and_every_citation_has_a_note(memo: Memo) -> None:
    cited = {n for i in memo.issues for s in i.stances for n in s.notes}
    cited |= {n for s in memo.scenarios for n in s.notes}
    cited |= {n for m in memo.moved.moves for st in m.statements for n in st.notes} if memo.moved else set()
    if memo.zone.opening:
        cited |= {n for s in memo.zone.opening.sets for c in s.concessions for n in c.notes}
    assert cited == {n.number for n in memo.sources}


def test_weakly_sourced_stances_are_counted_and_flagged(memo: Memo) -> None:
    flagged = [(i.id, s.party_id) for i in memo.issues for s in i.stances if s.weak]
    assert flagged == [("aid", "west"), ("plant", "east")]
    assert memo.weak == 2


def test_summary_follows_the_data(record: Record, data_dir: Path, as_of: date) -> None:
    before = build_memo(record, ["east", "west"], as_of).summary
    deadlocked = load_with_scenarios(data_dir, [data_dir.parent / "scenarios" / "plant_deadlock.yaml"])
    after = build_memo(deadlocked, ["east", "west"], as_of).summary
    assert any(s.startswith("No package is agreed by every party (4 tolerated") for s in before)
    assert any(s.startswith("No package is agreed by every party (0 tolerated") for s in after)
    assert any("accept Nuclear plant: Joint operation" in s for s in before)
    assert any("drop the red line on Nuclear plant" in s for s in after)


def test_what_moved_appears_only_with_since(record: Record, as_of: date) -> None:
    assert build_memo(record, ["east", "west"], as_of).moved is None
    moved = build_memo(record, ["east", "west"], as_of, date(2025, 6, 3)).moved
    assert moved is not None
    assert [(m.party, m.issue) for m in moved.moves] == [
        ("Схід (East)", "Nuclear plant"),
        ("Захід (West)", "Military aid"),
    ]
    assert [s.kind for m in moved.moves for s in m.statements] == ["opening", "softening"]


def test_a_single_party_memo_has_no_pairs_and_no_chart(record: Record, as_of: date) -> None:
    memo = build_memo(record, ["east"], as_of)
    assert memo.matrix.pairs == () and memo.convergence is None
    assert memo.summary[0].startswith("As of 2025-06-10, the record holds Схід (East)'s stance on 4 issues")


def test_since_after_the_memo_date_is_a_user_error(record: Record, as_of: date) -> None:
    with pytest.raises(UserError, match="--since 2025-07-01 is after the memo's date 2025-06-10"):
        build_memo(record, ["east"], as_of, date(2025, 7, 1))
