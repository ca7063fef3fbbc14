"""The PDF memo's layout, checked on the rendered pages: nothing runs off a page, the matrix stays
readable with many parties, and the pictures carry what a reader needs to read them.

Character boxes come from pdfium (``pypdfium2``), which places every glyph where a viewer draws it.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from postrack.briefing import Memo, build_memo, pdf
from postrack.briefing.issues import party_codes
from postrack.briefing.linkage_figure import _crossings
from postrack.loading import load_record
from postrack.paths import shipped_data_dir

pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test extra) reads the PDF's glyph boxes")
pdfium_raw = pytest.importorskip("pypdfium2.raw")

ROOT = Path(__file__).parents[2]
GERD = ROOT / "examples" / "gerd"
GERD_PARTIES = ["egypt", "ethiopia", "sudan", "us", "african_union"]
SLACK = 28.0
FOOTER, LINE, HEADING_PT = 45.0, 10.0, 11.4
"""Points: the footer's top, a line's height for finding the last line, and the least heading size."""
"""Points a glyph may stray into the page margin (2 cm) before it counts as running off the page."""


def _glyph_boxes(content: bytes) -> Iterator[tuple[int, float, float, tuple[float, float, float, float]]]:
    document = pdfium.PdfDocument(content)
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        text = page.get_textpage()
        for k in range(text.count_chars()):
            box = text.get_charbox(k)
            if box[2] > box[0]:
                yield number + 1, width, height, box


def _overflow(content: bytes) -> list[str]:
    return [
        f"page {n}: glyph at {tuple(round(v) for v in box)} outside {round(w)}×{round(h)}"
        for n, w, h, box in _glyph_boxes(content)
        if box[0] < SLACK or box[1] < SLACK or box[2] > w - SLACK or box[3] > h - SLACK
    ]


def _memos() -> Iterator[tuple[str, Memo]]:
    shipped = load_record(shipped_data_dir())
    for day in (date(2025, 6, 2), date(2025, 12, 31)):
        yield f"shipped {day}", build_memo(shipped, sorted(shipped.manifest.parties), day)
    gerd = load_record(GERD)
    yield "gerd, five parties", build_memo(gerd, GERD_PARTIES, date(2023, 12, 31))


def _stranded_headings(content: bytes) -> list[int]:
    """Pages whose last line of text (above the footer) is set at a heading's size (11.5 pt and up;
    text is 10.5 pt): a heading left at the foot of a page, away from what it introduces."""
    document = pdfium.PdfDocument(content)
    stranded = []
    for number in range(len(document)):
        text = document[number].get_textpage()
        glyphs = [
            (text.get_charbox(k)[1], pdfium_raw.FPDFText_GetFontSize(text.raw, k))
            for k in range(text.count_chars())
            if text.get_charbox(k)[1] > FOOTER
        ]
        lowest = min((bottom for bottom, _ in glyphs), default=0.0)
        if any(size >= HEADING_PT for bottom, size in glyphs if bottom < lowest + LINE):
            stranded.append(number + 1)
    return stranded


@pytest.mark.parametrize(("name", "memo"), list(_memos()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_text_runs_off_a_page_and_no_heading_ends_one(name: str, memo: Memo) -> None:
    content = pdf(memo)
    assert _overflow(content) == [], name
    assert _stranded_headings(content) == [], name


def test_the_check_sees_a_heading_at_the_foot_of_a_page(memo: Memo, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "typ").mkdir(parents=True)
    (templates / "typ" / "convergence.typ.j2").write_text(
        "#pagebreak()\n#v(1fr)\n#text(size: 13pt)[Stranded]\n#pagebreak()\n", encoding="utf-8"
    )
    assert _stranded_headings(pdf(memo, templates))


def test_the_check_sees_text_pushed_off_the_page(memo: Memo, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "typ").mkdir(parents=True)
    (templates / "typ" / "convergence.typ.j2").write_text(
        "#place(dx: 17cm)[off the page]\n", encoding="utf-8"
    )
    assert _overflow(pdf(memo, templates))


def test_many_parties_get_codes_and_statuses_only() -> None:
    gerd = load_record(GERD)
    memo = build_memo(gerd, GERD_PARTIES, date(2023, 12, 31))
    assert memo.matrix.compact and len(memo.matrix.pair_codes) == 10
    assert [c.code for c in memo.matrix.codes] == ["EGY", "ETH", "SUD", "US", "AU"]
    text = " ".join(pdfium.PdfDocument(pdf(memo))[0].get_textpage().get_text_range().split())
    assert "EGY Egypt" in text and "unknownunknown" not in text


@pytest.mark.parametrize(
    ("names", "codes"),
    [
        (["Egypt", "United States"], ("EGY", "US")),
        (["Uganda", "Ukraine", "United Kingdom"], ("UGA", "UKR", "UK")),
        (["Austria", "Australia"], ("AUSTRI", "AUSTRA")),
    ],
)
def test_party_codes_are_short_and_distinct(names: list[str], codes: tuple[str, ...]) -> None:
    assert party_codes(names) == codes


def test_equilibria_come_fewest_concessions_first_with_the_reason(memo: Memo) -> None:
    assert memo.stability is not None
    counts = [len(s.concessions) for s in memo.stability.shown]
    assert counts == sorted(counts)
    assert all("status quo" in s.reason for s in memo.stability.shown)


def test_summary_uses_the_matrix_words(memo: Memo) -> None:
    """The summary names an issue as overlapping only where every cell of the matrix says overlap."""
    shipped = load_record(shipped_data_dir())
    for m in (memo, build_memo(shipped, sorted(shipped.manifest.parties), date(2025, 6, 2))):
        opening = m.summary[0]
        for row in m.matrix.rows:
            if row.title in opening.split(": ", 1)[-1]:
                assert all(c.status == "overlap" for c in row.cells), (row.title, opening)


def test_eight_parties_fit_the_page(tmp_path: Path, data_dir: Path, as_of: date) -> None:
    """Five more parties copied from the fixture's three: 28 pairs in five tables, none too wide."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir, folder)
    names = ["Northern Alliance", "Southern Coast", "Islands", "Highlands", "Federation of the Plains"]
    for k, name in enumerate(names):
        source = ("east", "west", "mediator")[k % 3]
        text = (data_dir / f"{source}.yaml").read_text(encoding="utf-8")
        text = re.sub(r"party: \{id: \w+, name: [^,]+,", f"party: {{id: p{k}, name: {name},", text, count=1)
        (folder / f"p{k}.yaml").write_text(text, encoding="utf-8")
    record = load_record(folder)
    parties = sorted(record.parties)
    assert len(parties) == 8
    memo = build_memo(record, parties, as_of)
    assert memo.matrix.compact and len(memo.matrix.pair_codes) == 28
    content = pdf(memo)
    assert _overflow(content) == [] and _stranded_headings(content) == []
    first_pages = " ".join(pdfium.PdfDocument(content)[n].get_textpage().get_text_range() for n in range(2))
    assert "(5 of 5)" in first_pages


def test_linkage_arrows_point_at_their_ends_and_do_not_cross() -> None:
    shipped = load_record(shipped_data_dir())
    memo = build_memo(shipped, sorted(shipped.manifest.parties), date(2025, 6, 2))
    assert memo.linkage is not None
    for e in memo.linkage.edges:
        tip, base = e.head[0], e.head[1]
        to_end = math.hypot(e.x2 - tip.x, e.y2 - tip.y)
        assert to_end < math.hypot(e.x2 - base.x, e.y2 - base.y) and to_end < 0.05
    assert _crossings(list(memo.linkage.edges)) == 0
