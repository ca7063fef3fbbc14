"""The memo's forecast section: present only when asked, in Markdown and in the PDF, with a chart."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from postrack.briefing import build_memo, document
from postrack.briefing.forecast_section import round_segments
from postrack.loading import load_record

PARTIES = ["north", "south", "broker"]


def test_section_only_when_asked(small_dir: Path) -> None:
    record = load_record(small_dir)
    plain = document(build_memo(record, PARTIES, date(2025, 6, 10)), "md").decode()
    asked = document(build_memo(record, PARTIES, date(2025, 6, 10), with_forecast=True), "md").decode()
    assert "## Forecast" not in plain
    assert "## Forecast: where each issue would settle" in asked
    assert "the default 50.0 (of 100) was used" in asked
    assert asked.index("## Forecast") < asked.index("## Sources")


def test_pdf_has_the_section(small_dir: Path) -> None:
    memo = build_memo(load_record(small_dir), PARTIES, date(2025, 6, 10), with_forecast=True)
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(document(memo, "pdf"))).pages)
    assert "Forecast: where each issue would settle" in " ".join(text.split())


def test_chart_segments_run_from_the_first_round_to_the_last() -> None:
    segments = round_segments([2.0, 1.0, 1.0], top=2)
    assert (segments[0].x1, segments[0].y1) == (0.0, 1.0)
    assert (segments[-1].x2, segments[-1].y2) == (1.0, 0.5)
    assert len(round_segments([1.0], top=2)) == 1
