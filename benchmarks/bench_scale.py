"""The engine at scale, beside the solver path on the same instances in the same run; Markdown out.

    python benchmarks/bench_scale.py [--quick] [--options 6] [--limit 60] [--shapes themed,random1,random2]

Shapes (benchmarks/generate.py, 6 parties): ``themed`` is the shipped data's linkage (themes of
4 issues, 2 conditions per issue, 15% of links to a neighbouring theme), 32-512 issues;
``random1`` / ``random2`` link issues at random across the whole model, 1 or 2 conditions per
issue, 16-256 issues. Per instance (the first seed with an open zone at red-line density 0.12,
and with an empty one at 0.35) and per task -- the exact count, the top 10 under each ranking
(Nash, egalitarian max-min, utilitarian) with Pareto marks, and the cheapest concessions -- it
runs the product as shipped (default memory budget: each part by elimination where its tables
fit, else CP-SAT and Ganak) and the same library forced down the solver path (a 1-byte budget:
every part by CP-SAT, counts by Ganak), each in a fresh forked process so that its peak RSS
(numpy and solver memory included) is its own and a task past ``--limit`` seconds is stopped.
It prints time, peak memory, the method and width chosen, the ratio product / solver, whether
both answers agree, and per task and shape the fitted growth exponent (time ~ issues^k).

``--quick`` takes the three smallest sizes of each shape, so a run finishes in a few minutes.
Brute force lives in bench_zones.py (it only fits at 8 issues).
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from postrack.zones.concessions import open_zone
from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.model import ZoneModel
from postrack.zones.plan import Budget, plan
from postrack.zones.solve import ranked

SHAPES: dict[str, tuple[dict[str, Any], list[int]]] = {
    "themed": ({"theme_size": 4, "cross": 0.15, "conditions": 2}, [32, 64, 128, 256, 512]),
    "random1": ({"cross": 0.0, "conditions": 1}, [16, 32, 64, 128, 256]),
    "random2": ({"cross": 0.0, "conditions": 2}, [16, 32, 64, 128, 256]),
}
SOLVER = Budget(memory=1)
TASKS = ("count", "nash", "egalitarian", "utilitarian", "concessions")


def shape_of(name: str, issues: int) -> dict[str, Any]:
    shape = dict(SHAPES[name][0])
    shape.setdefault("theme_size", issues)  # one theme: links go anywhere
    return shape


def instance(issues: int, options: int, density: float, want_open: bool, shape: dict[str, Any]) -> ZoneModel:
    """The first seed whose zone is open (or empty) as wanted; emptiness is cheap to decide by CP-SAT."""
    from postrack.zones import cpsat

    for seed in range(200):
        model = generate(issues=issues, options=options, red_lines=density, seed=seed, **shape)
        domains = tuple(tuple(range(len(i.options))) for i in model.issues)
        enc = cpsat.Encoding(model, range(issues), priced=False, domains=domains)
        if (enc.solve() is not None) == want_open:
            return model
    raise RuntimeError("no instance found")


def run(task: str, model: ZoneModel, budget: Budget) -> Any:
    parts = decompose(model)
    zone = count_zone(model, parts, budget)
    if task == "count":
        return (zone.total, zone.exact)
    if task == "concessions":
        found = open_zone(model, parts, zone.per_part, budget=budget, upper=zone.upper)
        return (found.cost, frozenset(found.sets), found.complete)
    return tuple((r.package, r.score, r.pareto) for r in ranked(model, parts, zone, task, 10, budget))  # type: ignore[arg-type]


def isolated(fn: Callable[[], Any], limit: float) -> tuple[float | None, float, Any]:
    """(seconds or None past ``limit``, peak RSS in MiB, result) of ``fn`` in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        start = time.perf_counter()
        try:
            result = fn()
            payload = pickle.dumps((time.perf_counter() - start, result))
        except MemoryError:
            payload = pickle.dumps((None, "out of memory"))
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.005)
    else:
        os.kill(pid, 9)
        _, _, usage = os.wait4(pid, 0)
        os.close(read)
        return None, usage.ru_maxrss / 1024, None
    with os.fdopen(read, "rb") as inp:
        data = inp.read()
    seconds, result = pickle.loads(data) if data else (None, "crashed")
    return seconds, usage.ru_maxrss / 1024, result


def fit(points: list[tuple[int, float]]) -> str:
    """Least-squares slope of log(time) on log(issues)."""
    if len(points) < 2:
        return "—"
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return f"{sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den:.2f}" if den else "—"


def verdict(task: str, mine: Any, peer: Any) -> str:
    """Identical answers; for counts either may be a labelled bound, for concessions past 12 sets
    the listed ones may differ (the costs must not)."""
    if not isinstance(mine, tuple) or not isinstance(peer, tuple):
        return "—"
    if task == "count" and not (mine[1] and peer[1]):
        return "bound"
    if task == "concessions" and not (mine[2] and peer[2]):
        return "yes (cost)" if mine[0] == peer[0] else "NO"
    return "yes" if mine == peer else "NO"


def cell(seconds: float | None, memory: float) -> str:
    shown = (
        "timeout" if seconds is None else (f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s")
    )
    return f"{shown}, {memory:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the three smallest sizes of each shape")
    parser.add_argument("--options", type=int, default=6)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a task is stopped")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    print(f"{args.options} options, 6 parties; product = default budget; solver = CP-SAT/Ganak path\n")
    print(
        "| shape | issues | task | method, max width | product | solver | product / solver | agree |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    growth: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for name in args.shapes.split(","):
        sizes = SHAPES[name][1][:3] if args.quick else SHAPES[name][1]
        for n in sizes:
            shape = shape_of(name, n)
            models = {
                "open": instance(n, args.options, 0.12, True, shape),
                "empty": instance(n, args.options, 0.35, False, shape),
            }
            for task in TASKS:
                model = models["empty" if task == "concessions" else "open"]
                parts = decompose(model)
                plans = plan(model, parts, Budget())
                used = {"count": "count"}.get(task, "cost" if task == "concessions" else "search")
                methods = sorted({getattr(p, used) for p in plans})
                how = f"{'+'.join(methods)}, {max(p.width for p in plans)}"
                mine = isolated(lambda t=task, m=model: run(t, m, Budget()), args.limit)  # type: ignore[misc]
                peer = isolated(lambda t=task, m=model: run(t, m, SOLVER), args.limit)  # type: ignore[misc]
                ratio = f"{mine[0] / peer[0]:.2f}" if mine[0] and peer[0] else "—"
                agree = verdict(task, mine[2], peer[2])
                if mine[0] is not None:
                    growth.setdefault((name, task), []).append((n, mine[0]))
                print(
                    f"| {name} | {n} | {task} | {how} | {cell(mine[0], mine[1])} | {cell(peer[0], peer[1])}"
                    f" | {ratio} | {agree} |",
                    flush=True,
                )
    print("\n| shape | task | growth exponent (product) |\n|---|---|---|")
    for (name, task), points in growth.items():
        print(f"| {name} | {task} | {fit(points)} |")


if __name__ == "__main__":
    main()
