"""The HTML memo: one file that needs nothing else, data text never markup, and the same content as
the other formats. Its behaviour in a browser is tested in ``test_brief_html_browser.py``."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_brief_hostile import HOSTILE, hostile_copy

from postrack.briefing import Memo, build_memo, html
from postrack.loading import load_record
from postrack.record import Record

PARTIES = ["east", "west", "mediator"]
TEMPLATE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "div",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "section",
    "span",
    "label",
    "select",
    "option",
    "input",
    "output",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "ul",
    "ol",
    "li",
    "b",
    "i",
    "a",
    "figure",
    "figcaption",
    "svg",
    "line",
    "polygon",
    "circle",
    "text",
    "polyline",
    "g",
    "script",
}


class _Page(HTMLParser):
    """Elements, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    return parsed


@pytest.fixture(scope="module")
def timeline_memo(record: Record, as_of: date, scenario_file: Path) -> Memo:
    return build_memo(record, PARTIES, as_of, date(2025, 5, 20), [scenario_file], with_timeline=True)


@pytest.fixture(scope="module")
def page(timeline_memo: Memo) -> str:
    return html(timeline_memo)


def test_the_page_needs_nothing_from_outside(page: str) -> None:
    parsed = _parse(page)
    assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in a for t, a in parsed.tags if t == "script")
    assert "@import" not in page and "url(" not in page
    policy = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv"))
    assert policy is not None and "default-src 'none'" in policy
    links = [a["href"] or "" for t, a in parsed.tags if t == "a"]
    assert links and all(h.startswith(("#src-", "https://", "http://")) for h in links)


def test_every_section_of_the_pdf_is_there(page: str) -> None:
    text = " ".join(" ".join(_parse(page).text).split())
    for heading in (
        "Summary",
        "Where the parties stand",
        "Issue by issue",
        "Deal zone",
        "Linkage between issues",
        "Would a deal hold?",
        "Scenarios against the baseline",
        "What moved since 2025-05-20",
        "Convergence, 2025-05-16 to 2025-06-10",
        "Sources",
    ):
        assert heading in text, heading


def test_cells_open_to_their_findings_and_sources(timeline_memo: Memo, page: str) -> None:
    cells = [c for r in timeline_memo.matrix.rows for c in r.cells]
    assert page.count(" data-row=") == len(cells)
    assert page.count("<details>") >= len(cells)
    assert re.search(r'<div class="why"><ul>\s*<li>[^<]+</li>', page)
    assert re.search(r'<div class="why">.*?<a href="#src-\d+">', page, re.S)


def test_the_timeline_ends_on_the_memo_and_changes_on_every_frame(timeline_memo: Memo, page: str) -> None:
    frames = timeline_memo.timeline
    assert frames[-1].date == timeline_memo.as_of
    assert [f.date for f in frames] == sorted({f.date for f in frames})
    assert all(a.rows != b.rows for a, b in pairwise(frames[:-1]))
    last = [[(c.status, c.gap, c.common) for c in row] for row in frames[-1].rows]
    assert last == [[(c.status, c.gap, c.common) for c in r.cells] for r in timeline_memo.matrix.rows]
    embedded = re.search(r'<script type="application/json" id="memo-timeline">(.*?)</script>', page, re.S)
    assert embedded is not None
    assert [f["date"] for f in json.loads(embedded.group(1))] == [f.date for f in frames]


def test_memo_without_timeline_leaves_it_out(memo: Memo) -> None:
    assert memo.timeline == ()


def test_hostile_data_stays_text(tmp_path: Path, as_of: date, data_dir: Path) -> None:
    strings = dict(
        HOSTILE, label="</script><script>alert(1)</script> <!--", name="<img src=x onerror=alert(1)>"
    )
    folder = hostile_copy(data_dir, tmp_path / "data", strings)
    page = html(build_memo(load_record(folder), ["east", "west"], as_of, with_timeline=True))
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags if t == "script"] == ["script", "script"]
    assert "img" not in [t for t, _ in parsed.tags]
    text = " ".join(parsed.text)
    for key in ("name", "summary", "quote", "outlet", "title", "label"):
        assert strings[key] in text, key
    assert "javascript:" not in " ".join(a.get("href") or "" for t, a in parsed.tags if t == "a")


def test_same_memo_gives_the_same_page(timeline_memo: Memo, page: str) -> None:
    assert html(timeline_memo) == page


html_chars = st.text(alphabet=st.sampled_from(list("<>&\"'/=!-[]{}#;: abЇ\u2028")), min_size=1, max_size=30)


@settings(max_examples=5, deadline=None)
@given(st.fixed_dictionaries({k: html_chars.map(lambda s: "x" + s) for k in HOSTILE}))
def test_any_markup_in_the_data_stays_text(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path, strings: dict[str, str]
) -> None:
    """Whatever the data hold, the page has the template's elements only and shows the data as text."""
    folder = hostile_copy(data_dir, tmp_path_factory.mktemp("generated") / "data", strings)
    parsed = _parse(
        html(build_memo(load_record(folder), ["east", "west"], date(2025, 6, 10), with_timeline=True))
    )
    assert {t for t, _ in parsed.tags} <= TEMPLATE_TAGS
    assert len([t for t, _ in parsed.tags if t == "script"]) == 2
    text = " ".join(" ".join(parsed.text).split())
    for key in ("name", "summary", "outlet"):
        assert " ".join(strings[key].split()) in text, key
