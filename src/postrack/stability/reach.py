"""What a coalition can reach by a legal sequence of its members' moves.

R_H(s) (Fang, Hipel and Kilgour) is the set of states the members of H reach from ``s`` by one or
more unilateral moves where no member moves twice in a row; R+_H(s) is the same with unilateral
improvements only. The solution concepts never need the sets themselves, only the least value
(for the sanctioned decision maker) over them, so :func:`reach_min` computes that fixpoint over
(state, next mover) directly: ``best[k][t]`` is the least value reachable from ``t`` when ``k``
moves first, and after ``k`` moves to ``t'`` the sequence stops or continues with any member but
``k``. Each round is a few array operations; values only fall, so the loop ends.

Coalition analysis does need the sets; :func:`reach_sets` builds them for every start state at once
as bit rows (row ``t`` holds one bit per start state that reaches ``t``), with the same rule.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np

from postrack.stability.moves import MoveTable, Step

NO_STATE = np.iinfo(np.int64).max
"""Value standing for "nothing reachable"; larger than every real value."""


def reach_min(tables: Sequence[MoveTable], values: np.ndarray) -> np.ndarray:
    """For each row of ``values`` and each state s, the least value over R_H(s); NO_STATE if H cannot move."""
    values = np.atleast_2d(values)
    best = [np.full(values.shape, NO_STATE) for _ in tables]
    changed = True
    while changed:
        changed = False
        for k, table in enumerate(tables):
            after = values
            for j in range(len(tables)):
                if j != k:
                    after = np.minimum(after, best[j])
            new = np.where(table.allowed, after[:, table.targets], NO_STATE).min(axis=1)
            if not np.array_equal(new, best[k]):
                best[k] = new
                changed = True
    result = np.full(values.shape, NO_STATE)
    for row in best:
        result = np.minimum(result, row)
    return result


def reach_sets(tables: Sequence[MoveTable], size: int) -> np.ndarray:
    """Bool matrix ``into[t, s]``: t is in R_H(s) (one row per reached state, as it is built)."""
    words = (size + 63) // 64
    ids = np.arange(size)
    seed = np.zeros((size, words), dtype=np.uint64)
    seed[ids, ids >> 6] = np.left_shift(np.uint64(1), (ids & 63).astype(np.uint64))
    # targets[d] is an involution (s -> s ^ delta), so the move into t comes from targets[d, t];
    # a row mask of all ones or all zeros says whether that move is allowed.
    keep = [
        np.where(np.take_along_axis(t.allowed, t.targets, axis=1), ~np.uint64(0), np.uint64(0))
        for t in tables
    ]
    layers = [np.zeros((size, words), dtype=np.uint64) for _ in tables]
    changed = True
    while changed:
        changed = False
        for k, table in enumerate(tables):
            before = seed.copy()
            for j, layer in enumerate(layers):
                if j != k:
                    before |= layer
            new = layers[k].copy()
            for d in range(len(table.targets)):
                new |= before[table.targets[d]] & keep[k][d][:, None]
            if not np.array_equal(new, layers[k]):
                layers[k] = new
                changed = True
    rows = np.zeros((size, words), dtype=np.uint64)
    for layer in layers:
        rows |= layer
    bits = np.unpackbits(rows.astype("<u8").view(np.uint8), axis=1, count=size, bitorder="little")
    return bits.astype(bool)


def find_path(tables: Sequence[MoveTable], start: int, goal: int) -> list[Step] | None:
    """A shortest legal sequence of moves leading from ``start`` to ``goal``, if there is one."""
    parents: dict[tuple[int, int], tuple[int, int] | None] = {}
    queue: deque[tuple[int, int]] = deque()
    for table in tables:
        for nxt in table.successors(start):
            node = (nxt, table.dm)
            if node not in parents:
                parents[node] = None
                queue.append(node)
    while queue:
        node = queue.popleft()
        state, last = node
        if state == goal:
            return _unwind(node, parents, start)
        for table in tables:
            if table.dm == last:
                continue
            for nxt in table.successors(state):
                child = (nxt, table.dm)
                if child not in parents:
                    parents[child] = node
                    queue.append(child)
    return None


def _unwind(
    node: tuple[int, int], parents: dict[tuple[int, int], tuple[int, int] | None], start: int
) -> list[Step]:
    steps: list[Step] = []
    current: tuple[int, int] | None = node
    while current is not None:
        parent = parents[current]
        steps.append(Step(current[1], parent[0] if parent else start, current[0]))
        current = parent
    return steps[::-1]
