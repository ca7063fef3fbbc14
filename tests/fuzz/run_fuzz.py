"""Fuzz the CLI at scale (not part of the test run): `python tests/fuzz/run_fuzz.py [CASES] [SEED]`.

With ``FUZZ_KIND=hostile`` the documents come from :mod:`fuzz.hostile` (tags, control characters,
special files, ``-o`` targets, amplification, ``record`` text) instead of mutations.

Prints how many command runs there were, how many ended cleanly or were rejected cleanly, and how
many crashed (target: zero), with the first crashes in full.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import os

from fuzz.harness import Tally, fuzz
from fuzz.hostile import fuzz_hostile


def main() -> int:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    start = time.perf_counter()

    def progress(done: int, tally: Tally) -> None:
        if done % 250 == 0 or done == cases:
            print(
                f"[{done}/{cases} documents, {time.perf_counter() - start:.0f} s] {tally.line()}",
                file=sys.stderr,
            )

    run = fuzz_hostile if os.environ.get("FUZZ_KIND") == "hostile" else fuzz
    tally = run(cases, seed, progress)
    print(f"documents: {cases}; {tally.line()}; {time.perf_counter() - start:.0f} s")
    for crash in tally.crashes:
        print("CRASH", crash)
    return 1 if tally.outcomes["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
