"""Benchmark of the zone engine on synthetic models; prints a Markdown table.

    python benchmarks/bench_zones.py [--repeat 5] [--sizes 8,12,16,24,32] [--brute-limit 2000000]
        [--theme-size 4] [--cross 0.15] [--conditions 2]

For each number of issues (6 options, 6 parties, 2 conditions per issue; see generate.py for how
they are placed) it takes the first seed whose zone is open (red-line density 0.12) and the first
whose zone is empty (density 0.35), and reports median wall times of

(a) decomposition + emptiness + exact count (open instance; the empty one in brackets),
(b) (a) + the top-10 Nash packages with exact Pareto marks (open instance),
(c) (a) + the minimum concession set, its alternatives (up to 12, "12+" when there are more) and
    the zone size after each single concession (empty instance),
(d) the whole report (per-issue zone with reasons too), open / empty,

the peak traced memory of one run of each, and, where the model has at most ``--brute-limit``
packages, the brute-force reference's time for the same answers and whether they agree.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from math import prod
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from generate import generate

from postrack.zones.best import best_packages
from postrack.zones.concessions import open_zone
from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.model import ZoneModel
from postrack.zones.solve import solve


def first(issues: int, density: float, want_open: bool, **shape: Any) -> tuple[int, ZoneModel]:
    for seed in range(1000):
        model = generate(issues=issues, red_lines=density, seed=seed, **shape)
        if (count_zone(model, decompose(model)).total > 0) == want_open:
            return seed, model
    raise RuntimeError("no instance found")


def count(model: ZoneModel) -> int:
    return count_zone(model, decompose(model)).total


def top10(model: ZoneModel) -> list[tuple[tuple[int, ...], bool]]:
    parts = decompose(model)
    zone = count_zone(model, parts)
    domains = tuple(tuple(o for o, n in enumerate(row) if n) for row in zone.per_option)
    return [(r.package, r.pareto) for r in best_packages(model, parts, domains, "nash", 10)]


def concessions(model: ZoneModel) -> tuple[int, set[frozenset[int]], bool]:
    parts = decompose(model)
    zone = count_zone(model, parts)
    found = open_zone(model, parts, zone.per_part)
    return found.cost, set(found.sets), found.complete


def report(model: ZoneModel) -> object:
    return solve(model, date(2025, 1, 1))


def timed(fn: Callable[[ZoneModel], Any], model: ZoneModel, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(model)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak(fns: list[tuple[Callable[[ZoneModel], Any], ZoneModel]]) -> float:
    tracemalloc.start()
    for fn, model in fns:
        fn(model)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


def brute(open_model: ZoneModel, empty_model: ZoneModel, answers: dict[str, Any]) -> tuple[list[float], bool]:
    """Seconds the reference takes for (a), (b) and (c), and whether every answer is identical."""
    from zones import reference as ref

    times, agree = [], True
    start = time.perf_counter()
    agree &= len(ref.zone(open_model)) == answers["count"]
    times.append(time.perf_counter() - start)
    start = time.perf_counter()
    agree &= [(b.package, b.pareto) for b in ref.best(open_model, "nash", 10)] == answers["top10"]
    times.append(time.perf_counter() - start)
    start = time.perf_counter()
    cost, sets = ref.cheapest(empty_model)
    found_cost, found_sets, complete = answers["concessions"]
    agree &= cost == found_cost and (found_sets == sets if complete else found_sets < sets)
    times.append(time.perf_counter() - start)
    return times, agree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="8,12,16,24,32")
    parser.add_argument("--brute-limit", type=int, default=2_000_000)
    parser.add_argument(
        "--theme-size", type=int, default=4, help="issues per theme (denser linkage when larger)"
    )
    parser.add_argument("--cross", type=float, default=0.15, help="share of links to a neighbouring theme")
    parser.add_argument("--conditions", type=int, default=2, help="conditions per issue")
    args = parser.parse_args()
    shape = {"theme_size": args.theme_size, "cross": args.cross, "conditions": args.conditions}
    print(
        "| issues | parts, max width | packages in zone | (a) count | (b) top-10 | (c) concessions"
        " | (d) full report, open / empty | peak memory | brute force (a) / (b) / (c)"
        " | engine speed-up | vs brute |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        _, open_model = first(n, 0.12, True, **shape)
        _, empty_model = first(n, 0.35, False, **shape)
        parts = decompose(open_model)
        t_count, total = timed(count, open_model, args.repeat)
        t_count_empty, _ = timed(count, empty_model, args.repeat)
        t_best, best = timed(top10, open_model, args.repeat)
        t_conc, conc = timed(concessions, empty_model, args.repeat)
        t_full, _ = timed(report, open_model, args.repeat)
        t_full_empty, _ = timed(report, empty_model, args.repeat)
        memory = peak(
            [(count, open_model), (top10, open_model), (concessions, empty_model), (report, empty_model)]
        )
        packages = prod(len(i.options) for i in open_model.issues)
        bf, ratio, verdict = "—", "—", "—"
        if packages <= args.brute_limit:
            times, agree = brute(
                open_model, empty_model, {"count": total, "top10": best, "concessions": conc}
            )
            bf = " / ".join(f"{t:.1f} s" for t in times)
            ratio = " / ".join(
                f"{t / e:,.0f}x" for t, e in zip(times, (t_count, t_best, t_conc), strict=True)
            )
            verdict = "identical" if agree else "DIFFERENT"
        print(
            f"| {n} | {len(parts)}, {max(p.width for p in parts)} | {total:.3g} | "
            f"{ms(t_count)} (empty: {ms(t_count_empty)}) | {ms(t_best)} | "
            f"{ms(t_conc)} (cost {conc[0]}, {len(conc[1])}{'' if conc[2] else '+'} sets) | "
            f"{ms(t_full)} / {ms(t_full_empty)} | {memory:.1f} MiB | {bf} | {ratio} | {verdict} |",
            flush=True,
        )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    main()
