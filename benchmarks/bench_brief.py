"""Time and size of the briefing memo for the shipped data, Markdown and PDF.

Prints, for each stage, the first (cold) and the median wall time of several runs in one process:
building the memo (all analysis), rendering Markdown, rendering Typst source, compiling the PDF
(Typst memoises, so repeated compiles of the same source are faster than the first); the size
of each output; and the median wall time of the whole ``positions brief`` command in a fresh
process, which is what a user waits for. Target on a 2-core machine: the PDF under 1 s.

    python benchmarks/bench_brief.py [--runs 7] [--data positions] [--since 2025-11-01]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from postrack.briefing import build_memo, markdown, typst_source
from postrack.briefing.typst_pdf import compile_pdf
from postrack.loading import load_record

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def timed(runs: int, work: Callable[[], T]) -> tuple[tuple[float, float], T]:
    """Seconds of the first call and median over ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    assert result is not None
    return (times[0], statistics.median(times)), result


def command(runs: int, args: list[str]) -> float:
    """Median seconds of ``positions brief ARGS`` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        entry = "from postrack.cli.app import main; main()"
        subprocess.run([sys.executable, "-c", entry, "brief", *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=ROOT / "positions")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    parser.add_argument("--since", type=date.fromisoformat, default=None)
    args = parser.parse_args()

    load_time, record = timed(args.runs, lambda: load_record(args.data))
    parties = [p for p in record.manifest.parties if p in record.parties] or sorted(record.parties)
    since = args.since or min(record.dates())
    build_time, memo = timed(args.runs, lambda: build_memo(record, parties, args.as_of, since))
    md_time, md = timed(args.runs, lambda: markdown(memo))
    typ_time, source = timed(args.runs, lambda: typst_source(memo))
    pdf_time, pdf = timed(args.runs, lambda: compile_pdf(source, "memo.typ.j2"))

    common = ["--data", str(args.data), "--as-of", args.as_of.isoformat(), "--since", since.isoformat()]
    with tempfile.TemporaryDirectory() as tmp:
        cli_md = command(args.runs, [*common, "-o", str(Path(tmp) / "memo.md")])
        cli_pdf = command(args.runs, [*common, "-o", str(Path(tmp) / "memo.pdf")])

    print(f"data: {args.data}: {len(parties)} parties, {len(record.issues)} issues")
    print(f"memo as of {args.as_of}, what moved since {since}")
    print(f"{args.runs} runs; times in ms: first run, median")
    rows = [
        ("load data", load_time, ""),
        ("build memo (analysis)", build_time, f"{len(memo.sources)} sources"),
        ("render Markdown", md_time, f"{len(md.encode()):,} bytes"),
        ("render Typst source", typ_time, f"{len(source.encode()):,} bytes"),
        ("compile PDF", pdf_time, f"{len(pdf):,} bytes"),
    ]
    for name, (first, median), note in rows:
        print(f"{name:<24} {first * 1000:8.1f} {median * 1000:8.1f}  {note}")
    print(f"{'positions brief, md':<24} {'':8} {cli_md * 1000:8.1f}  whole command, fresh process")
    print(f"{'positions brief, pdf':<24} {'':8} {cli_pdf * 1000:8.1f}  whole command, fresh process")


if __name__ == "__main__":
    main()
