"""How validate, compare, zones and brief grow with the number of statements.

Generates a data folder of N statements (seeded: 4 parties, 8 issues of 4 options, stances that
drift over the days, a source per 20 statements), runs each command in its own process and prints
wall time and peak memory (max RSS of that process), then the growth exponent fitted to the
timings (log time against log N, least squares; 1 is linear, 2 quadratic).

    python benchmarks/bench_statements.py 10000 100000   # default sizes: 10k and 100k
    python benchmarks/bench_statements.py 1000000 --only validate

A party file is limited to 10 MiB, so past about 250,000 statements the folder needs more
parties than the four here; the generator adds parties as needed (which also makes compare and
zones harder, so those figures are not the same shape of problem).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ISSUES, OPTIONS = 8, 4
STANCES = ("demand", "acceptable", "red_line")
COMMANDS = {
    "validate": ["validate", "{data}"],
    "compare": ["compare", "--data", "{data}", "-f", "json", "--as-of", "2030-01-01"],
    "zones": ["zones", "--data", "{data}", "-f", "json", "--as-of", "2030-01-01"],
    "brief": ["brief", "--data", "{data}", "-f", "md", "--as-of", "2030-01-01"],
}
BYTES_PER_STATEMENT = 170
MAX_PARTY_BYTES = 9 * 1024 * 1024


def generate(folder: Path, statements: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    parties = max(4, math.ceil(statements * BYTES_PER_STATEMENT / MAX_PARTY_BYTES))
    start = dt.date(2020, 1, 1)
    days = max(1, statements // (parties * 4))
    issues = [f"issue{i}" for i in range(ISSUES)]
    lines = ["issues:"]
    for issue in issues:
        lines += [f"  - id: {issue}", f"    title: Issue {issue}", "    ordered: true", "    options:"]
        lines += [f"      - {{id: o{k}, label: Option {k}}}" for k in range(OPTIONS)]
    (folder / "issues.yaml").write_text("\n".join(lines) + "\n")
    sources = max(1, statements // 20)
    src = ["sources:"]
    src += [
        f"  - {{id: s{k}, outlet: Wire, title: Report {k}, date: {start}}}"
        for k in range(sources)
    ]
    (folder / "sources.yaml").write_text("\n".join(src) + "\n")
    per_party = statements // parties
    for p in range(parties):
        out = [f"party: {{id: p{p}, name: Party {p}, role: belligerent}}", "positions:"]
        per_issue = per_party // ISSUES
        for issue in issues:
            out.append(f"  {issue}:")
            for n in range(per_issue):
                day = start + dt.timedelta(days=n * days // max(1, per_issue))
                option = f"o{rng.randrange(OPTIONS)}"
                stance = STANCES[rng.randrange(2 if n % 7 else 3)]
                out += [
                    f"    - date: {day}",
                    f"      summary: Statement {n} of party {p} on {issue}.",
                    f"      {stance}: [{option}]",
                    f"      salience: {rng.randint(1, 10)}",
                    f"      sources: [{{ref: s{rng.randrange(sources)}, paraphrase: said so}}]",
                ]
        (folder / f"p{p}.yaml").write_text("\n".join(out) + "\n")


def run(command: list[str], timeout: float) -> tuple[float, float, int]:
    """Seconds, peak MB and exit code of one command in its own process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from postrack.cli.app import main; main()", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return math.inf, math.nan, -9
        time.sleep(0.05)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def exponent(points: list[tuple[int, float]]) -> float:
    finite = [(math.log(n), math.log(t)) for n, t in points if math.isfinite(t) and t > 0]
    if len(finite) < 2:
        return math.nan
    mx = sum(x for x, _ in finite) / len(finite)
    my = sum(y for _, y in finite) / len(finite)
    return sum((x - mx) * (y - my) for x, y in finite) / sum((x - mx) ** 2 for x, _ in finite)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--only", action="append", choices=sorted(COMMANDS))
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    wanted = args.only or list(COMMANDS)
    timings: dict[str, list[tuple[int, float]]] = {name: [] for name in wanted}
    print(f"{'statements':>10} {'command':<9} {'seconds':>8} {'peak MB':>8} exit")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="positions-scale-") as tmp:
            generate(Path(tmp), size)
            for name in wanted:
                argv = [part.format(data=tmp) for part in COMMANDS[name]]
                seconds, peak, code = run(argv, args.timeout)
                timings[name].append((size, seconds))
                print(f"{size:>10,} {name:<9} {seconds:>8.2f} {peak:>8.0f} {code}", flush=True)
    for name, points in timings.items():
        print(f"growth exponent {name}: {exponent(points):.2f}")


if __name__ == "__main__":
    main()
