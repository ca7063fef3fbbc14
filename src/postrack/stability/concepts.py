"""Nash, GMR, SMR and SEQ stability for every state and decision maker (Fang, Hipel and Kilgour, 1993).

For decision maker i at state s, with R+_i(s) its unilateral improvements and N-i the others:

- Nash: R+_i(s) is empty.
- GMR: every s1 in R+_i(s) can be answered by some s2 in R_{N-i}(s1) with s2 not preferred to s.
- SMR: as GMR, and from that s2 every move of i (and staying) leaves i no better off than s.
- SEQ: as GMR, but the answer must be in R+_{N-i}(s1): a sequence of the others' own improvements.

"Can be answered" is the same test in all three: the harshest state the others can reach from s1
(by i's ranking, or for SMR by the best i can make of it) is not preferred to s. So each concept
is one :func:`~postrack.stability.reach.reach_min` per decision maker, and the harshest reply found
is kept as the witness that explains a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from postrack.stability.game import Game
from postrack.stability.moves import Moves
from postrack.stability.reach import NO_STATE, reach_min

CONCEPTS = ("nash", "gmr", "smr", "seq")
CONCEPT_NAMES = {
    "nash": "Nash stability",
    "gmr": "general metarationality",
    "smr": "symmetric metarationality",
    "seq": "sequential stability",
}


@dataclass(frozen=True, eq=False)
class Stability:
    """Verdicts for every (decision maker, state), with the moves and replies that explain them.

    ``stable[c][i, s]``: s is stable for decision maker i under concept c.
    ``breaking[c][i, s]``: the improving move of i from s that no reply deters (the one i likes
    best, ties to the lower state number), or -1 when s is stable.
    ``replies[c][i, s1]`` (c in gmr, smr, seq): the others' harshest reply once i has moved to s1,
    encoded as ``value * game.size + state`` where value is i's level of that state (for SMR, the
    level i can restore from it), or NO_STATE when the others cannot answer from s1.
    ``restore[i, s]``: the best state i can reach from s in at most one move (s itself on ties).
    """

    game: Game
    moves: Moves
    stable: dict[str, np.ndarray]
    breaking: dict[str, np.ndarray]
    replies: dict[str, np.ndarray]
    restore: np.ndarray

    def equilibria(self, concept: str) -> np.ndarray:
        """States stable for every decision maker under ``concept``, in increasing order."""
        return np.flatnonzero(self.stable[concept].all(axis=0) & self.game.feasible)

    def reply(self, concept: str, dm: int, state: int) -> tuple[int, int] | None:
        """(value, state) of the others' harshest reply to dm's arrival at ``state``, if any."""
        key = int(self.replies[concept][dm, state])
        if key == NO_STATE:
            return None
        return key // self.game.size, key % self.game.size


def analyse_stability(game: Game, moves: Moves | None = None) -> Stability:
    """All four concepts for every decision maker; moves are reused from ``moves`` when given."""
    moves = moves or Moves(game)
    size = game.size
    ids = np.arange(size, dtype=np.int64)
    n = len(game.decision_makers)
    stable = {c: np.zeros((n, size), dtype=bool) for c in CONCEPTS}
    breaking = {c: np.full((n, size), -1, dtype=np.int64) for c in CONCEPTS}
    replies = {c: np.full((n, size), NO_STATE, dtype=np.int64) for c in CONCEPTS[1:]}
    restore = np.empty((n, size), dtype=np.int64)
    for i in range(n):
        level = game.levels[i]
        own, improving = moves.unilateral[i], moves.improving[i]
        restore[i] = _best_within_one_move(level, own.targets, own.allowed, size)
        best_counter = level[restore[i]]
        replies["gmr"][i], replies["smr"][i] = reach_min(
            moves.others(i), np.stack([level * size + ids, best_counter * size + ids])
        )
        replies["seq"][i] = reach_min(moves.others(i, improving=True), level * size + ids)[0]
        breaking["nash"][i] = _preferred_target(level, improving.targets, improving.allowed, size)
        for concept in CONCEPTS[1:]:
            answer = replies[concept][i] // size  # NO_STATE // size still exceeds every level
            escapes = improving.allowed & (answer[improving.targets] > level[None, :])
            breaking[concept][i] = _preferred_target(level, improving.targets, escapes, size)
    for concept in CONCEPTS:
        breaking[concept][:, ~game.feasible] = -1
        stable[concept] = (breaking[concept] < 0) & game.feasible
    return Stability(game, moves, stable, breaking, replies, restore)


def _preferred_target(level: np.ndarray, targets: np.ndarray, allowed: np.ndarray, size: int) -> np.ndarray:
    """Per state, the allowed target with the highest level (ties to the lower number); -1 if none."""
    top = int(level.max()) + 1
    key = np.where(allowed, (top - level[targets]) * size + targets, NO_STATE).min(axis=0)
    return np.where(key == NO_STATE, -1, key % size)


def _best_within_one_move(
    level: np.ndarray, targets: np.ndarray, allowed: np.ndarray, size: int
) -> np.ndarray:
    """Per state s, the state of highest level among s and its moves; s itself wins ties."""
    top = int(level.max()) + 1
    ids = np.arange(size, dtype=np.int64)
    stay = (top - level) * (2 * size)
    move = np.where(allowed, (top - level[targets]) * (2 * size) + targets + 1, NO_STATE).min(axis=0)
    key = np.minimum(stay, move)
    remainder = key % (2 * size)
    return np.where(remainder == 0, ids, remainder - 1)
