"""Where the conflict can go from its status quo when each decision maker takes its own improvements.

Breadth-first search over unilateral improvements of all decision makers gives, for every state
that can be reached, the fewest moves needed and one such path (ties broken by decision-maker
order, then state number, so the output is stable). States reached from which nobody can improve
are where that evolution stops: the reachable Nash equilibria.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from postrack.stability.moves import Moves, Step


@dataclass(frozen=True)
class Reached:
    state: int
    path: tuple[Step, ...]
    final: bool

    @property
    def distance(self) -> int:
        return len(self.path)


@dataclass(frozen=True)
class Evolution:
    start: int
    reached: tuple[Reached, ...]

    def finals(self) -> list[Reached]:
        return [r for r in self.reached if r.final]


def trace_from(moves: Moves, start: int) -> Evolution:
    """Every state reachable from ``start`` by unilateral improvements, with a shortest path to each."""
    paths: dict[int, tuple[Step, ...]] = {start: ()}
    queue = deque([start])
    finals: set[int] = set()
    while queue:
        state = queue.popleft()
        moved = False
        for table in moves.improving:
            for target in table.successors(state):
                moved = True
                if target not in paths:
                    paths[target] = (*paths[state], Step(table.dm, state, target))
                    queue.append(target)
        if not moved:
            finals.add(state)
    reached = sorted(paths.items(), key=lambda item: (len(item[1]), item[0]))
    return Evolution(start, tuple(Reached(s, p, s in finals) for s, p in reached))
