"""Coalition analysis: joint moves that leave every member of a coalition better off.

For a coalition H of two or more decision makers, a coalitional improvement from s is a state
t in R_H(s) (reached by a legal sequence of the members' moves) that every member of H strictly
prefers to s (Kilgour, Hipel, Fang and Peng, 2001). A state from which no coalition has one is
coalition-proof in this sense; an equilibrium that is not shows where a joint deal could unseat it.
The reachable sets are built for all start states at once, which bounds the model size.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from postrack.stability.game import Game
from postrack.stability.moves import Moves
from postrack.stability.reach import reach_sets

MAX_COALITION_STATES = 1 << 12


@dataclass(frozen=True, eq=False)
class Coalitions:
    """Per coalition (tuple of decision-maker indices) and state: how many joint improvements, and one.

    ``example[c, s]`` is the improvement whose worst-off member ranks it highest (ranks scaled to
    0-1 per decision maker, ties to the lower state number); -1 when there is none.
    """

    coalitions: tuple[tuple[int, ...], ...]
    count: np.ndarray
    example: np.ndarray

    def improvable(self) -> np.ndarray:
        """States from which some coalition of two or more has a joint improvement."""
        return np.asarray((self.count > 0).any(axis=0))


def coalitions_of(n: int) -> tuple[tuple[int, ...], ...]:
    return tuple(c for size in range(2, n + 1) for c in combinations(range(n), size))


def analyse_coalitions(game: Game, moves: Moves) -> Coalitions:
    groups = coalitions_of(len(game.decision_makers))
    count = np.zeros((len(groups), game.size), dtype=np.int64)
    example = np.full((len(groups), game.size), -1, dtype=np.int64)
    levels = game.levels
    scaled = levels / np.maximum(levels.max(axis=1, keepdims=True), 1)
    for c, group in enumerate(groups):
        # better[t, s]: t is a joint improvement from s (reached by the coalition, preferred by all).
        better = reach_sets([moves.unilateral[i] for i in group], game.size) & game.feasible[None, :]
        for i in group:
            better &= levels[i][:, None] > levels[i][None, :]
        count[c] = better.sum(axis=0)
        worst_off = scaled[list(group)].min(axis=0)
        order = np.lexsort((np.arange(game.size), -worst_off))
        position = np.empty(game.size, dtype=np.int32)
        position[order] = np.arange(game.size, dtype=np.int32)
        first = np.where(better, position[:, None], np.int32(game.size)).min(axis=0)
        example[c] = np.where(count[c] > 0, order[np.minimum(first, game.size - 1)], -1)
    return Coalitions(groups, count, example)
