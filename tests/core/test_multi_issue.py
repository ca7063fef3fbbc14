"""A document covering several issues reads exactly as the per-issue statements it stands for."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from postrack.loading import load_record
from postrack.problems import UserError
from postrack.tracker.recording import NewStatement, record_statement

DOCUMENT = """\
documents:
  - date: 2025-06-02
    summary: The memo sets terms on aid and prisoners.
    sources: [{ref: wire-2025-06-02, paraphrase: the memo}]
    confidence: high
    issues:
      military_aid:
        demand: [halted]
        salience: 7
      prisoners:
        summary: Offers all for all in the memo.
        acceptable: [all_for_all]
"""

PER_ISSUE = """\
    - date: 2025-06-02
      summary: The memo sets terms on aid and prisoners.
      demand: [halted]
      salience: 7
      sources: [{ref: wire-2025-06-02, paraphrase: the memo}]
      confidence: high
"""


def _folder(tmp_path: Path, small_dir: Path, south_extra: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(small_dir, folder)
    south = folder / "south.yaml"
    south.write_text(south.read_text() + south_extra)
    return folder


def test_a_document_becomes_one_statement_per_issue_in_date_order(tmp_path: Path, small_dir: Path) -> None:
    record = load_record(_folder(tmp_path, small_dir, DOCUMENT))
    aid = [r.statement for r in record.statements("south", "military_aid")]
    prisoners = [r.statement for r in record.statements("south", "prisoners")]
    assert [(s.date, s.demand, s.salience, s.confidence) for s in aid][-1] == (
        date(2025, 6, 2),
        ["halted"],
        7,
        "high",
    )
    last = prisoners[-1]
    assert (last.summary, last.acceptable) == ("Offers all for all in the memo.", ["all_for_all"])
    assert [s.date for s in prisoners] == sorted(s.date for s in prisoners)
    position = record.position("south", "prisoners", date(2025, 6, 2))
    assert position is not None and position.stance("all_for_all") == "acceptable"


def test_a_document_and_the_statements_it_stands_for_fold_alike(tmp_path: Path, small_dir: Path) -> None:
    as_document = load_record(_folder(tmp_path / "a", small_dir, DOCUMENT))
    south = (small_dir / "south.yaml").read_text()
    last_aid = "      sources: [{ref: blog-2025-06-01, paraphrase: no halt}]\n"
    assert south.count(last_aid) == 1
    per_issue = _folder(tmp_path / "b", small_dir, "")
    (per_issue / "south.yaml").write_text(south.replace(last_aid, last_aid + PER_ISSUE))
    plain = load_record(per_issue)
    on = date(2025, 6, 2)
    doc_pos, plain_pos = (r.position("south", "military_aid", on) for r in (as_document, plain))
    assert doc_pos is not None and plain_pos is not None
    assert {o: s.stance for o, s in doc_pos.stances.items()} == {
        o: s.stance for o, s in plain_pos.stances.items()
    }
    assert doc_pos.salience == plain_pos.salience


def test_problems_in_a_document_point_at_its_own_lines(tmp_path: Path, small_dir: Path) -> None:
    bad = DOCUMENT.replace("demand: [halted]", "demand: [haltd]").replace("salience: 7", "salience: 11")
    folder = _folder(tmp_path, small_dir, bad)
    first = len((small_dir / "south.yaml").read_text().splitlines())
    with pytest.raises(UserError) as caught:
        load_record(folder)
    text = caught.value.summary()
    assert f"south.yaml:{first + 9}:" in text and "documents[0].issues.military_aid.salience" in text
    with pytest.raises(UserError) as caught:
        typo = DOCUMENT.replace("demand: [halted]", "demand: [haltd]")
        load_record(_folder(tmp_path / "c", small_dir, typo))
    text = caught.value.summary()
    assert f"south.yaml:{first + 8}:" in text and "documents[0].issues.military_aid.demand[0]" in text
    assert "unknown option 'haltd'" in text


def test_a_shared_field_error_names_the_document_field(tmp_path: Path, small_dir: Path) -> None:
    folder = _folder(tmp_path, small_dir, DOCUMENT.replace("ref: wire-2025-06-02", "ref: nowhere"))
    with pytest.raises(UserError) as caught:
        load_record(folder)
    assert "documents[0].sources[0].ref: unknown source 'nowhere'" in caught.value.summary()


def test_a_malformed_document_is_reported_where_it_is(tmp_path: Path, small_dir: Path) -> None:
    folder = _folder(tmp_path, small_dir, DOCUMENT.replace("    issues:\n", "    issue:\n", 1))
    with pytest.raises(UserError) as caught:
        load_record(folder)
    text = caught.value.summary()
    assert "documents[0].issues: field required" in text and "documents[0].issue: unknown field" in text


def test_record_appends_beside_a_document(tmp_path: Path, small_dir: Path) -> None:
    folder = _folder(tmp_path, small_dir, DOCUMENT)
    record_statement(
        folder,
        NewStatement(
            party="south",
            issue="prisoners",
            stance="demand",
            options=("all_for_all",),
            date=date(2025, 6, 3),
            source="wire-2025-06-02",
            summary="Insists on all for all.",
        ),
    )
    prisoners = [r.statement for r in load_record(folder).statements("south", "prisoners")]
    assert [s.summary for s in prisoners][-2:] == [
        "Offers all for all in the memo.",
        "Insists on all for all.",
    ]
