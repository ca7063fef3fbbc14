"""The Markdown memo of the fixture data, against golden files, and its structure as parsed Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from postrack.briefing import Memo, build_memo, markdown
from postrack.record import Record
from postrack.scenarios import load_with_scenarios


def test_full_memo_matches_golden(memo: Memo, golden: Callable[[str, str], None]) -> None:
    golden("memo.md", markdown(memo))


def test_two_party_memo_without_extras_matches_golden(
    record: Record, as_of: date, golden: Callable[[str, str], None]
) -> None:
    golden("memo-two-parties.md", markdown(build_memo(record, ["west", "east"], as_of)))


def test_memo_of_an_empty_zone_matches_golden(
    data_dir: Path, as_of: date, golden: Callable[[str, str], None]
) -> None:
    """With every plant option red-lined the zone is empty, and the memo says what would open it."""
    record = load_with_scenarios(data_dir, [data_dir.parent / "scenarios" / "plant_deadlock.yaml"])
    text = markdown(build_memo(record, ["east", "west"], as_of))
    assert "**The agreed zone is empty**, and so is the tolerated zone." in text
    assert "### What would open the agreed zone" in text
    golden("memo-empty-zone.md", text)


def test_sections_come_in_reading_order(memo: Memo) -> None:
    tokens = _tokens(markdown(memo))
    headings = [
        tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == [
        "Summary",
        "Where the parties stand",
        "Issue by issue",
        "Deal zone",
        "Would a deal hold?",
        "Scenarios against the baseline",
        "What moved since 2025-05-20",
        "Convergence, 2025-05-16 to 2025-06-10",
        "How sure are we",
        "Sources",
    ]


def test_matrix_is_a_table_with_one_column_per_pair(memo: Memo, parties: list[str]) -> None:
    tokens = _tokens(markdown(memo))
    header = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert header[:2] == ["Issue", "East × Mediator".replace("East", "Схід \\(East\\)")]
    assert len([h for h in header if "×" in h]) == len(parties) * (len(parties) - 1) // 2


def test_footnotes_are_defined_once_each_in_order_of_first_use(memo: Memo) -> None:
    body, _, notes = markdown(memo).partition("## Sources")
    used = list(dict.fromkeys(int(n) for n in re.findall(r"\[\^(\d+)\]", body)))
    defined = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", notes, flags=re.MULTILINE)]
    assert used == defined == list(range(1, len(defined) + 1))


def test_weak_sources_and_weakly_sourced_stances_are_marked(memo: Memo) -> None:
    text = markdown(memo)
    assert re.search(
        r"^- \*\*Схід \\\(East\\\)\*\* \(since 2025-06-05, salience 6\): Keeps the plant\.\[\^\d+\] ⚠$",
        text,
        re.M,
    )
    assert re.search(r"^\[\^\d+\]: Channel, 2025-06-05\. ⚠ weak source$", text, flags=re.MULTILINE)


def _tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)
