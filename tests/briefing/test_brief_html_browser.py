"""The HTML memo in a real headless Chromium: it loads without console errors, the filters and the
date control change what is shown, and it fits a phone and a wide screen.

Needs the ``playwright`` package (test extra) and Debian's ``chromium`` (``apt-get install
chromium``; ``.ci/run`` installs it); skipped with the reason otherwise. Screenshots at 390 and
1280 px go to ``$TMPDIR/positions-html-memo-<width>.png`` for a person to look at.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postrack.briefing import build_memo, html
from postrack.loading import load_record
from postrack.paths import shipped_data_dir

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
_MISSING = (
    "playwright is not installed (test extra)"
    if importlib.util.find_spec("playwright") is None
    else "no Chromium at /usr/bin/chromium (apt-get install chromium)"
    if not Path(CHROMIUM).is_file()
    else ""
)
if _MISSING and os.environ.get("CI"):  # CI installs both (.ci/run): a skip there would hide a gap
    raise RuntimeError(f"browser tests cannot run in CI: {_MISSING}")
if _MISSING:
    pytest.skip(f"{_MISSING}: the HTML memo's browser tests need both", allow_module_level=True)

from playwright import sync_api  # noqa: E402  # only once it is known to be installed

WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def memo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    record = load_record(shipped_data_dir())
    memo = build_memo(record, sorted(record.manifest.parties), date(2025, 6, 2), with_timeline=True)
    path = tmp_path_factory.mktemp("html") / "memo.html"
    path.write_text(html(memo), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def _open(browser: Any, memo_file: Path, width: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith("file://") else errors.append(f"request {r.url}"))
    page.goto(memo_file.as_uri())
    return page, errors


@pytest.mark.parametrize("width", WIDTHS)
def test_loads_cleanly_and_fits_the_screen(browser: Any, memo_file: Path, width: int) -> None:
    page, errors = _open(browser, memo_file, width)
    page.screenshot(path=str(Path(tempfile.gettempdir()) / f"positions-html-memo-{width}.png"))
    assert errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def _visible(page: Any, selector: str) -> int:
    return int(page.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).length"))


def test_filters_show_one_party_and_one_issue(browser: Any, memo_file: Path) -> None:
    page, errors = _open(browser, memo_file, 1280)
    assert _visible(page, "table.matrix thead th[data-parties]") == 3
    page.select_option("#party-filter", "us")
    shown = page.locator("table.matrix thead th[data-parties]").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent)"
    )
    assert shown == ["Russia × United States", "Ukraine × United States"]
    page.select_option("#issue-filter", "ceasefire")
    assert _visible(page, "table.matrix tbody tr") == 1
    assert _visible(page, "table.matrix td[data-row]") == 2
    page.select_option("#party-filter", "")
    page.select_option("#issue-filter", "")
    assert _visible(page, "table.matrix tbody tr") > 10
    assert errors == []
    page.close()


def test_a_cell_opens_to_its_findings_and_sources(browser: Any, memo_file: Path) -> None:
    page, errors = _open(browser, memo_file, 390)
    cell = page.locator("table.matrix td[data-row='0'][data-col='0']")
    assert not cell.locator(".why").is_visible()
    cell.locator("summary").click()
    assert cell.locator(".why").is_visible()
    assert cell.locator(".why a[href^='#src-']").count() > 0
    assert errors == []
    page.close()


def test_the_date_control_moves_the_matrix_through_the_record(browser: Any, memo_file: Path) -> None:
    page, errors = _open(browser, memo_file, 1280)
    cells = page.locator("table.matrix td[data-row]")
    now = cells.evaluate_all("els => els.map(e => e.className + e.textContent)")
    page.locator("#date-control").fill("0")
    assert page.locator("#date-shown").text_content() == "2025-01-01"
    then = cells.evaluate_all("els => els.map(e => e.className + e.textContent)")
    assert then != now
    first = cells.first
    first.locator("summary").click()
    assert first.locator(".past").is_visible() and not first.locator(".why").is_visible()
    page.locator("#date-control").fill(page.locator("#date-control").get_attribute("max") or "0")
    assert "the memo's date" in (page.locator("#date-shown").text_content() or "")
    assert cells.evaluate_all("els => els.map(e => e.className + e.textContent)") == now
    assert errors == []
    page.close()
