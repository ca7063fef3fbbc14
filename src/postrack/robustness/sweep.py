"""The Monte Carlo sweep: worlds drawn over the credences, their verdicts counted, in blocks.

Each block of :data:`BLOCK` worlds is one task for any ``concurrent.futures.Executor`` (a local
process pool by default, or a Dask ``distributed`` client's executor: the same tasks unchanged).
Every uncertain event draws its own stream, seeded by the seed, the block and the event's stable
name, so the numbers depend on the seed and the sample count only: not on how many workers ran,
in what order blocks finished, or what other statements the data holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass
from datetime import date

import numpy as np

from postrack.record import Record
from postrack.robustness.credence import Doubtful
from postrack.robustness.verdicts import Evaluator, Zones
from postrack.zones.build import Tier
from postrack.zones.ranking import Ranking

BLOCK = 250
"""Worlds per task."""

Progress = Callable[[int, int], None]
"""Called with (worlds done, worlds in all) as blocks finish."""


@dataclass(frozen=True)
class Sweep:
    """Everything a block needs, picklable for another process or machine."""

    record: Record
    parties: tuple[str, ...]
    as_of: date
    issues: tuple[str, ...] | None
    tier: Tier
    ranking: Ranking
    zones: Zones
    statements: tuple[Doubtful, ...]
    sources: tuple[tuple[str, float], ...]
    verdicts: tuple[tuple[str, str], ...]
    """(verdict key, its value in the record): a world counts when the value is the same."""
    seed: int
    token: str
    """Names this sweep (uniquely), so a worker builds its evaluator once for all its blocks."""


def run(
    sweep: Sweep,
    samples: int,
    executor: Executor | None,
    progress: Progress | None = None,
    evaluator: Evaluator | None = None,
) -> list[int]:
    """How many of ``samples`` worlds keep each verdict's value, verdict by verdict (without an
    executor, in this process, with ``evaluator`` if given)."""
    blocks = [(b, min(BLOCK, samples - b * BLOCK)) for b in range(-(-samples // BLOCK))]
    totals = [0] * len(sweep.verdicts)
    done = 0
    if executor is None:
        here = evaluator or _evaluator(sweep)
        results = (_count(sweep, here, b, n) for b, n in blocks)
        for (_, n), counts in zip(blocks, results, strict=True):
            totals, done = _add(totals, counts), done + n
            if progress:
                progress(done, samples)
        return totals
    futures = {executor.submit(run_block, sweep, b, n): n for b, n in blocks}
    for future in as_completed(futures):
        totals, done = _add(totals, future.result()), done + futures[future]
        if progress:
            progress(done, samples)
    return totals


def _add(a: Sequence[int], b: Sequence[int]) -> list[int]:
    return [x + y for x, y in zip(a, b, strict=True)]


_EVALUATORS: dict[str, Evaluator] = {}
"""Per process: the evaluator of a sweep, built once for all its blocks (its caches are shared)."""


def run_block(sweep: Sweep, block: int, size: int) -> list[int]:
    """Counts for the worlds ``block * BLOCK`` to ``block * BLOCK + size - 1`` (a worker's task)."""
    evaluator = _EVALUATORS.get(sweep.token)
    if evaluator is None:
        _EVALUATORS.clear()
        evaluator = _EVALUATORS[sweep.token] = _evaluator(sweep)
    return _count(sweep, evaluator, block, size)


def _evaluator(sweep: Sweep) -> Evaluator:
    return Evaluator(
        sweep.record, sweep.parties, sweep.as_of, sweep.issues, tier=sweep.tier, ranking=sweep.ranking
    )


def _count(sweep: Sweep, evaluator: Evaluator, block: int, size: int) -> list[int]:
    standing = draw(sweep.statements, sweep.sources, sweep.seed, block, size)
    keys = [s.key for s in sweep.statements]
    counts = [0] * len(sweep.verdicts)
    for fallen in ~standing.T:
        absent = frozenset(keys[i] for i in np.flatnonzero(fallen))
        values = evaluator.evaluate(absent, zones=sweep.zones)
        for j, (key, value) in enumerate(sweep.verdicts):
            counts[j] += values[key] == value
    return counts


def draw(
    statements: Sequence[Doubtful], sources: Sequence[tuple[str, float]], seed: int, block: int, size: int
) -> np.ndarray:
    """Which statements stand (rows) in each world of the block (columns)."""
    right = {name: _stream(seed, block, name, size) < p for name, p in sources}
    out = np.ones((len(statements), size), dtype=bool)
    for row, st in enumerate(statements):
        if st.own < 1.0:
            out[row] &= _stream(seed, block, st.uid, size) < st.own
        if st.sources:
            out[row] &= np.logical_or.reduce([right[s] for s in st.sources])
    return out


def _stream(seed: int, block: int, name: str, size: int) -> np.ndarray:
    salt = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")
    return np.random.default_rng([seed, block, salt]).random(size)
