"""Time the four solution concepts on generated models: 4 decision makers, 8 to 16 options.

Run: python benchmarks/bench_stability.py [--repeat N]

Each model spreads its options evenly over four decision makers, rules out the states where the
first two options are both taken, and makes the first option irreversible. Preferences come in two
kinds: six random prioritised statements per decision maker (few preference levels, as written by
hand) and random strict rankings of all states (every state its own level, the hardest case for the
reachability fixpoint). Printed per model: states, compile time, time for Nash+GMR+SMR+SEQ for all
decision makers, and peak memory traced during the analysis (numpy buffers included); then the
coalition analysis (all 11 coalitions of two or more) up to its limit of 12 options.
Targets on a 2-core machine: 12 options under 1 s, 16 options under 30 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import time
import tracemalloc

import numpy as np

from postrack.stability.coalition import analyse_coalitions
from postrack.stability.compile import compile_model
from postrack.stability.concepts import CONCEPTS, analyse_stability
from postrack.stability.game import Game
from postrack.stability.loading import generated_locator
from postrack.stability.moves import Moves
from postrack.model.stability import DecisionMakerSpec, InfeasibleRule, ModelFile, OptionSpec

DECISION_MAKERS = 4


def generated(options: int, seed: int) -> ModelFile:
    rnd = random.Random(seed)
    names = [f"o{k}" for k in range(options)]
    shares = [options // DECISION_MAKERS + (d < options % DECISION_MAKERS) for d in range(DECISION_MAKERS)]
    dms, start = [], 0
    for d, share in enumerate(shares):
        owned = [
            OptionSpec(id=names[k], label=f"option {k}", irreversible="forward" if k == 0 else None)
            for k in range(start, start + share)
        ]
        start += share
        statements = []
        for _ in range(6):
            a, b = rnd.sample(names, 2)
            statements.append(
                rnd.choice([a, f"-{a}", f"{a} & -{b}", f"{a} | {b}", f"{a} IF {b}", f"{a} IFF -{b}"])
            )
        dms.append(DecisionMakerSpec(id=f"dm{d}", options=owned, statements=statements))
    return ModelFile(
        title=f"{options} options",
        decision_makers=dms,
        infeasible=[InfeasibleRule(pattern="YY" + "-" * (options - 2))],
    )


def strict_rankings(game: Game, seed: int) -> Game:
    rng = np.random.default_rng(seed)
    levels = np.stack([rng.permutation(game.size) for _ in game.decision_makers])
    return dataclasses.replace(game, levels=levels)


def timed(game: Game, repeat: int) -> tuple[float, float, list[int]]:
    """Best time of ``repeat`` runs, peak traced memory in MB, and equilibria counts per concept."""
    best = float("inf")
    peak = 0
    counts: list[int] = []
    for _ in range(repeat):
        tracemalloc.start()
        began = time.perf_counter()
        stability = analyse_stability(game)
        best = min(best, time.perf_counter() - began)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        counts = [len(stability.equilibria(c)) for c in CONCEPTS]
    return best, peak / 1e6, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per model; the best time is shown")
    args = parser.parse_args()
    header = (
        f"{'options':>7} {'states':>7} {'preferences':<12} {'compile s':>9} {'4 concepts s':>12}"
        f" {'peak MB':>8}  equilibria (Nash/GMR/SMR/SEQ)"
    )
    print(header)
    print("-" * len(header))
    games = {}
    for options in (8, 10, 12, 14, 16):
        began = time.perf_counter()
        game = compile_model(generated(options, seed=options), generated_locator("benchmark"))
        compiled = time.perf_counter() - began
        games[options] = game
        feasible = int(game.feasible.sum())
        for kind, variant in (("statements", game), ("strict", strict_rankings(game, seed=options))):
            seconds, peak, counts = timed(variant, args.repeat)
            shown = "/".join(map(str, counts))
            row = f"{options:>7} {feasible:>7} {kind:<12} {compiled:>9.3f} {seconds:>12.3f} {peak:>8.1f}"
            print(f"{row}  {shown}")
    print(f"\n{'options':>7} {'coalitions s':>12} {'peak MB':>8}")
    for options in (8, 10, 12):
        moves = Moves(games[options])
        tracemalloc.start()
        began = time.perf_counter()
        analyse_coalitions(games[options], moves)
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"{options:>7} {seconds:>12.3f} {peak:>8.1f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak resident memory: {rss:.0f} MB")


if __name__ == "__main__":
    main()
