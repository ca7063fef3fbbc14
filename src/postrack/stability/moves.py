"""Unilateral moves and unilateral improvements, as one table per decision maker.

A decision maker moves by changing any non-empty set of its own options at once, so every move
from state ``s`` is ``s ^ d`` for a non-empty subset ``d`` of its option bits. The table keeps, for
each such ``d``, whether the move is allowed from every state (both ends feasible, no irreversible
option turned the forbidden way); reading the table for one ``d`` is one array operation over all
states, which is what keeps 65,536-state models fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from postrack.stability.game import Game


@dataclass(frozen=True)
class Step:
    """One unilateral move: decision maker ``dm`` takes the conflict from ``source`` to ``target``."""

    dm: int
    source: int
    target: int


@dataclass(frozen=True, eq=False)
class MoveTable:
    """Moves of one decision maker: from ``s`` to ``targets[d, s]`` wherever ``allowed[d, s]``."""

    dm: int
    targets: np.ndarray
    allowed: np.ndarray

    def successors(self, state: int) -> list[int]:
        return sorted(int(t) for t in self.targets[self.allowed[:, state], state])

    def restricted(self, keep: np.ndarray) -> MoveTable:
        return MoveTable(self.dm, self.targets, self.allowed & keep)


def move_table(game: Game, dm: int) -> MoveTable:
    mask = game.decision_makers[dm].mask
    ids = np.arange(game.size, dtype=np.int64)
    forward, backward = game.irreversible_masks()
    deltas = _subsets(mask)
    targets = np.empty((len(deltas), game.size), dtype=np.int64)
    allowed = np.empty((len(deltas), game.size), dtype=bool)
    for row, delta in enumerate(deltas):
        targets[row] = ids ^ delta
        undone = (ids & delta & forward) != 0
        done = (~ids & delta & backward) != 0
        allowed[row] = game.feasible & game.feasible[targets[row]] & ~undone & ~done
    return MoveTable(dm, targets, allowed)


def _subsets(mask: int) -> list[int]:
    """Non-empty subsets of the bits of ``mask``, in increasing order."""
    out = []
    sub = mask
    while sub:
        out.append(sub)
        sub = (sub - 1) & mask
    return sorted(out)


class Moves:
    """Move tables of every decision maker, built once and shared by all solution concepts."""

    def __init__(self, game: Game) -> None:
        self.game = game

    @cached_property
    def unilateral(self) -> tuple[MoveTable, ...]:
        return tuple(move_table(self.game, dm) for dm in range(len(self.game.decision_makers)))

    @cached_property
    def improving(self) -> tuple[MoveTable, ...]:
        """Unilateral improvements: moves to a state the mover strictly prefers."""
        ids = np.arange(self.game.size)
        out = []
        for table in self.unilateral:
            levels = self.game.levels[table.dm]
            out.append(table.restricted(levels[table.targets] > levels[ids]))
        return tuple(out)

    def others(self, dm: int, *, improving: bool = False) -> tuple[MoveTable, ...]:
        tables = self.improving if improving else self.unilateral
        return tuple(t for t in tables if t.dm != dm)
