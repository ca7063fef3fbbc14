"""What ``record`` writes reads back as given: odd characters refused, line ends and BOM kept, no litter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postrack.loading import load_record
from postrack.problems import UserError
from postrack.tracker.recording import NewSource, NewStatement, record_statement


def statement(**changes: object) -> NewStatement:
    base: dict[str, object] = {
        "party": "ukraine",
        "issue": "territory",
        "stance": "acceptable",
        "options": ("freeze_line",),
        "date": date(2025, 10, 1),
        "source": "pravda-2025-09-26",
        "summary": "Restates the freeze on the line.",
    }
    base.update(changes)
    return NewStatement(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("char", ["\x85", "\x1c", "\x1f", "\u2028", "\u2029", "\r", "\x1b", "\x00", "\x9b"])
@pytest.mark.parametrize("field", ["summary", "quote", "paraphrase"])
def test_line_breaks_and_controls_are_refused_and_nothing_is_written(
    tracker_copy: Path, char: str, field: str
) -> None:
    before = {p.name: p.read_bytes() for p in tracker_copy.iterdir()}
    with pytest.raises(UserError, match=f"--{field}: contains U\\+{ord(char):04X}"):
        record_statement(tracker_copy, statement(**{field: f"he said{char}no"}))
    assert {p.name: p.read_bytes() for p in tracker_copy.iterdir()} == before


@pytest.mark.parametrize("part", ["outlet", "title", "url"])
def test_new_source_text_is_checked_too(tracker_copy: Path, part: str) -> None:
    fields = {"outlet": "Wire", "title": "", "url": ""} | {part: "a\x85b"}
    new = statement(source="wire-new", new_source=NewSource(**fields))  # type: ignore[arg-type]
    with pytest.raises(UserError, match=f"--new-source-{part}"):
        record_statement(tracker_copy, new)


def test_tabs_newlines_and_other_scripts_read_back_exactly(tracker_copy: Path) -> None:
    summary = "Він сказав «ні»\tتوقف‏ 👍🏽 e\u0301"
    record_statement(tracker_copy, statement(summary=summary, quote="line one\nline two"))
    landed = [r.statement for r in load_record(tracker_copy).statements("ukraine", "territory")]
    assert any(s.summary == summary and s.sources[0].quote == "line one\nline two" for s in landed)


@pytest.mark.parametrize("party", ["../ukraine", "/tmp/ukraine", "Ukraine", "ukraine/../ukraine", ""])
def test_a_party_that_is_not_an_id_is_refused_before_any_file_is_opened(tmp_path: Path, party: str) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(UserError, match="is not a party id"):
        record_statement(missing, statement(party=party))
    assert not missing.exists()


def test_a_crlf_file_keeps_crlf_line_ends(tracker_copy: Path) -> None:
    path = tracker_copy / "ukraine.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    record_statement(tracker_copy, statement())
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert b"Restates the freeze on the line." in raw


def test_leftover_temporary_files_of_a_killed_writer_are_removed(tracker_copy: Path) -> None:
    litter = tracker_copy / ".ukraine.yaml.x1y2z3.tmp"
    litter.write_text("half a file")
    record_statement(tracker_copy, statement())
    assert not litter.exists()
    assert not list(tracker_copy.glob(".*.tmp"))
