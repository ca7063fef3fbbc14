"""Size and speed of the HTML memo for the shipped data, and how long Chromium takes to show it.

Prints the page's size (target: under 2 MB) and how much of it is the embedded timeline; the
median time to build the memo with its timeline and to render the HTML; and the median time
headless Chromium takes from navigation to the ``load`` event of the file:// page, then to
the first frame after it (target: under 1 s). Needs ``playwright`` and Chromium at
/usr/bin/chromium (Debian's ``chromium`` package).

    python benchmarks/bench_html.py [--runs 7] [--data positions] [--as-of 2026-06-05]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from postrack.briefing import build_memo, html
from postrack.loading import load_record

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
T = TypeVar("T")


def timed(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """Median seconds over ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    assert result is not None
    return statistics.median(times), result


def browser_times(page_file: Path, runs: int) -> tuple[float, float]:
    """Median seconds to the load event, and to the first frame painted after it, per width."""
    from playwright.sync_api import sync_playwright

    loads, painted = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for _ in range(runs):
            for width in (390, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                start = time.perf_counter()
                page.goto(page_file.as_uri(), wait_until="load")
                loads.append(time.perf_counter() - start)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                painted.append(time.perf_counter() - start)
                page.close()
        browser.close()
    return statistics.median(loads), statistics.median(painted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=ROOT / "positions")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 6, 5))
    args = parser.parse_args()

    record = load_record(args.data)
    parties = sorted(record.manifest.parties or record.parties)
    built, memo = timed(args.runs, lambda: build_memo(record, parties, args.as_of, with_timeline=True))
    rendered, page = timed(args.runs, lambda: html(memo))
    size = len(page.encode("utf-8"))
    embedded = re.search(r'id="memo-timeline">(.*?)</script>', page, re.S)
    timeline = len(embedded.group(1).encode("utf-8")) if embedded else 0
    print(
        f"HTML memo as of {args.as_of}: {size / 1e6:.2f} MB ({len(memo.timeline)} dated frames,"
        f" {timeline / 1e3:.0f} kB of them)"
    )
    print(f"build memo with timeline: {built * 1e3:.0f} ms; render HTML: {rendered * 1e3:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "memo.html"
        target.write_text(page, encoding="utf-8")
        load, paint = browser_times(target, args.runs)
    print(
        f"headless Chromium, 390 and 1280 px: load event {load * 1e3:.0f} ms,"
        f" first frame {paint * 1e3:.0f} ms"
    )


if __name__ == "__main__":
    main()
