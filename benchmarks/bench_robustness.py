"""Benchmark of robustness analysis; prints the figures as Markdown.

    python benchmarks/bench_robustness.py [--samples 10000] [--as-of 2025-12-31] [--growth 50,200,1000]

1. Pivotal statements (what every compare cell and zone tier rests on, and the smallest flipping
   sets) on the shipped data: russia, ukraine, us, every issue, one date; one core.
2. A Monte Carlo sweep of ``--samples`` worlds over compare and both zone tiers on the same data:
   in this process, on a two-process pool, and on a two-worker Dask ``LocalCluster``; the widest
   95% interval reached and the speed-up from the second core. The three runs must agree exactly.
3. Growth with the number of doubtful statements on generated records (tests/robustness/generate.py):
   pivotal search time, how many verdicts were enumerated exactly and how many sampled (where exact
   enumeration hands over), and the time of a 1,000-world sweep.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.robustness.generate import AS_OF, PARTIES, small_record

from postrack.loading import load_record
from postrack.paths import shipped_data_dir
from postrack.record import Record
from postrack.robustness import EXACT_BOUND, analyse
from postrack.robustness.credence import doubt
from postrack.robustness.pivotal import pivots
from postrack.robustness.sweep import Sweep, run
from postrack.robustness.verdicts import Evaluator

SHIPPED = ("russia", "ukraine", "us")


def pivotal(record: Record, parties: tuple[str, ...], as_of: date) -> tuple[float, float, int, int]:
    start, cpu = time.perf_counter(), time.process_time()
    evaluator = Evaluator(record, parties, as_of)
    model = doubt(record, parties, as_of)
    verdicts = [v for v in evaluator.verdicts if v.kind in ("cell", "zone")]
    found = pivots(evaluator, model, verdicts, "tiers")
    resting = sum(bool(p.rests_on) for p in found.values())
    return time.perf_counter() - start, time.process_time() - cpu, len(verdicts), resting


def sweep(
    record: Record, parties: tuple[str, ...], as_of: date, samples: int, pool: Executor | None
) -> tuple[float, list[int]]:
    evaluator = Evaluator(record, parties, as_of)
    model = doubt(record, parties, as_of)
    verdicts = tuple((v.key, v.value) for v in evaluator.verdicts if v.kind in ("cell", "zone"))
    job = Sweep(
        record, parties, as_of, None, "agreed", "nash", "tiers", model.statements, model.sources, verdicts, 0,
        uuid.uuid4().hex,
    )  # fmt: skip
    start = time.perf_counter()
    hits = run(job, samples, pool)
    return time.perf_counter() - start, hits


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def widest(hits: list[int], samples: int) -> float:
    from postrack.robustness.estimate import wilson

    return max(wilson(h, samples, 0).high - wilson(h, samples, 0).low for h in hits)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 12, 31))
    parser.add_argument("--growth", default="50,200,1000")
    args = parser.parse_args()
    record = load_record(shipped_data_dir())
    statements = len(doubt(record, SHIPPED, args.as_of).statements)

    seconds, cpu, verdicts, resting = pivotal(record, SHIPPED, args.as_of)
    print(f"## Shipped data: {', '.join(SHIPPED)} as of {args.as_of} ({statements} statements)\n")
    print(
        f"- pivotal statements of {verdicts} verdicts (cells and tiers; {resting} rest on some"
        f" statement): {seconds:.2f} s wall, {cpu:.2f} s CPU, one core"
    )

    cpu = time.process_time()
    one, hits = sweep(record, SHIPPED, args.as_of, args.samples, None)
    cpu = time.process_time() - cpu
    children = children_cpu()
    with ProcessPoolExecutor(max_workers=2) as pool:
        two, hits2 = sweep(record, SHIPPED, args.as_of, args.samples, pool)
    children = children_cpu() - children
    width = widest(hits, args.samples)
    print(f"- Monte Carlo, {args.samples:,} worlds, compare + both zone tiers: one core {one:.1f} s wall")
    print(f"  ({cpu:.1f} s CPU, {1000 * cpu / args.samples:.2f} ms a world); two processes {two:.1f} s wall")
    print(f"  ({children:.1f} s CPU in all): speed-up {one / two:.2f}x; widest 95% interval {width:.3f}")
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("- Dask: not installed (pip install 'positions-tracker[dask]')")
    else:
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            dask_s, hits3 = sweep(record, SHIPPED, args.as_of, args.samples, client.get_executor())
        print(f"- the same sweep on a two-worker Dask LocalCluster: {dask_s:.1f} s wall")
        assert hits == hits2 == hits3, "the three runs must count the same worlds"
    print(f"- load average during the run: {os.getloadavg()[0]:.1f} (the machine has {os.cpu_count()} cores)")

    print(f"\n## Growth (generated, 3 parties, 12 issues; exact up to {EXACT_BOUND} events)\n")
    print(
        "| doubtful statements | pivotal search | exact verdicts | sampled verdicts | exact + 1,000 worlds |"
    )
    print("|---|---|---|---|---|")
    for n in (int(x) for x in args.growth.split(",")):
        generated = small_record(1, statements=n, sources=max(3, n // 4), issues=12)
        seconds, _, _, _ = pivotal(generated, PARTIES, AS_OF)
        start = time.perf_counter()
        report = analyse(generated, PARTIES, AS_OF, zones="tiers", samples=1000)
        total = time.perf_counter() - start
        exact = sum(r.estimate.method == "exact" for r in report.verdicts)
        sampled = len(report.verdicts) - exact
        print(f"| {n:,} | {seconds:.2f} s | {exact} | {sampled} | {total - seconds:.1f} s |")


if __name__ == "__main__":
    main()
