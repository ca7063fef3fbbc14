"""The PDF memo: its text has every section and figure, its fonts are embedded, its bytes are stable."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from postrack.briefing import Memo, build_memo, pdf
from postrack.scenarios import load_with_scenarios


@pytest.fixture(scope="module")
def content(memo: Memo) -> bytes:
    return pdf(memo)


def _text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


@pytest.fixture(scope="module")
def text(content: bytes) -> str:
    return _text(content)


def test_same_memo_gives_identical_bytes(memo: Memo, content: bytes) -> None:
    assert pdf(memo) == content


def test_sections_come_in_reading_order(text: str) -> None:
    headings = [
        "Summary",
        "1. Where the parties stand",
        "2. Issue by issue",
        "3. Deal zone",
        "3.1. Best packages",
        "3.2. What would open the agreed zone",
        "3.3. Per issue",
        "3.4. Linkage between issues",
        "4. Would a deal hold?",
        "5. Scenarios against the baseline",
        "6. What moved since 2025-05-20",
        "7. Convergence, 2025-05-16 to 2025-06-10",
        "8. How sure are we",
        "Sources",
    ]
    found = [text.find(h) for h in headings]
    assert -1 not in found and found == sorted(found)


def test_title_block_names_date_parties_and_classification(text: str) -> None:
    assert text.startswith("UNCLASSIFIED")
    assert "Briefing: Схід (East), Захід (West) and Mediator" in text
    assert "As of 2025-06-10 · changes since 2025-05-20" in text
    assert "Parties: Схід (East) (belligerent), Захід (West) (belligerent), Mediator (mediator)" in text


def test_matrix_and_charts_are_drawn_with_their_labels(text: str) -> None:
    assert "Issue Схід (East) × Mediator Схід (East) × Захід (West) Mediator × Захід (West)" in text
    assert "Table 1: Pairs of parties issue by issue" in text
    for status in ("overlap", "incompatible · gap 1", "unknown"):
        assert status in text
    chart = text[text.index("7. Convergence") : text.index("Sources")]
    for title in ("Ceasefire", "Military aid", "Prisoners", "Nuclear plant"):
        assert title in chart
    assert chart.count("2025-05-16") >= 4 and "gap (steps)" in chart and "Схід (East) × Захід (West)" in chart


def test_sources_are_numbered_with_dates_and_addresses(text: str) -> None:
    sources = text[text.rindex("Sources") :]
    assert "[1] Wire, “East's terms”, 2025-05-16. https://example.org/east?a=1&b=(2)" in sources
    assert "Channel, 2025-06-05. ⚠ weak source" in sources


def test_fonts_are_embedded_and_cover_ukrainian(content: bytes, text: str) -> None:
    reader = PdfReader(io.BytesIO(content))
    descriptors = [_descriptor(font) for page in reader.pages for font in _fonts(page)]
    assert descriptors and all(
        any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors
    )
    assert any("Libertinus" in str(d["/FontName"]) for d in descriptors)
    assert "Захід" in text and "Схід" in text


def _fonts(page: Any) -> list[Any]:
    resources = page["/Resources"].get_object()
    return [f.get_object() for f in resources.get("/Font", {}).get_object().values()]


def _descriptor(font: Any) -> Any:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


def test_an_empty_zone_says_what_would_open_it(data_dir: Path, as_of: date) -> None:
    record = load_with_scenarios(data_dir, [data_dir.parent / "scenarios" / "plant_deadlock.yaml"])
    text = _text(pdf(build_memo(record, ["east", "west"], as_of)))
    assert "The agreed zone is empty, and so is the tolerated zone." in text
    assert "3.1. What would open the agreed zone" in text
    assert "Схід (East): drop the red line on Nuclear plant: Kyiv operates" in text
