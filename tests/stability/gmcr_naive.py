"""A deliberately naive graph-model solver written straight from the published definitions.

It shares nothing with ``postrack.stability`` except the compiled :class:`Game` it reads (options,
feasibility, irreversibility, preference levels): moves are found by comparing every pair of
states, R_H(s) is grown with the last-mover sets Omega_H(s, t) exactly as Fang, Hipel and Kilgour
define it, and each concept is the quantified statement of its definition. Slow, and meant to be.
"""

from __future__ import annotations

from collections import deque
from itertools import combinations

from postrack.stability.game import Game


class NaiveGMCR:
    def __init__(self, game: Game) -> None:
        self.game = game
        self.n = len(game.decision_makers)
        self.states = [s for s in range(game.size) if game.feasible[s]]
        self.level = [[int(game.levels[i, s]) for s in range(game.size)] for i in range(self.n)]
        self.owner_mask = [dm.mask for dm in game.decision_makers]

    def prefers(self, i: int, a: int, b: int) -> bool:
        return self.level[i][a] > self.level[i][b]

    def moves(self, i: int, s: int) -> set[int]:
        """R_i(s): feasible states differing from s only in i's options, respecting irreversibility."""
        out = set()
        for t in self.states:
            if t == s or (s ^ t) & ~self.owner_mask[i]:
                continue
            legal = True
            for k, option in enumerate(self.game.options):
                before, after = s >> k & 1, t >> k & 1
                if option.irreversible == "forward" and before == 1 and after == 0:
                    legal = False
                if option.irreversible == "backward" and before == 0 and after == 1:
                    legal = False
            if legal:
                out.add(t)
        return out

    def improvements(self, i: int, s: int) -> set[int]:
        return {t for t in self.moves(i, s) if self.prefers(i, t, s)}

    def coalition_reach(self, coalition: tuple[int, ...], s: int, improving: bool = False) -> set[int]:
        """R_H(s) (or R+_H(s)) by the inductive definition with last-mover sets Omega."""
        step = self.improvements if improving else self.moves
        omega: dict[int, set[int]] = {}
        for j in coalition:
            for s1 in step(j, s):
                omega.setdefault(s1, set()).add(j)
        changed = True
        while changed:
            changed = False
            for s1, movers in list(omega.items()):
                for k in coalition:
                    if movers == {k}:
                        continue
                    for s2 in step(k, s1):
                        if k not in omega.setdefault(s2, set()):
                            omega[s2].add(k)
                            changed = True
        return set(omega)

    def others(self, i: int) -> tuple[int, ...]:
        return tuple(j for j in range(self.n) if j != i)

    def nash(self, i: int, s: int) -> bool:
        return not self.improvements(i, s)

    def gmr(self, i: int, s: int) -> bool:
        return all(
            any(not self.prefers(i, s2, s) for s2 in self.coalition_reach(self.others(i), s1))
            for s1 in self.improvements(i, s)
        )

    def smr(self, i: int, s: int) -> bool:
        return all(
            any(
                not self.prefers(i, s2, s) and all(not self.prefers(i, s3, s) for s3 in self.moves(i, s2))
                for s2 in self.coalition_reach(self.others(i), s1)
            )
            for s1 in self.improvements(i, s)
        )

    def seq(self, i: int, s: int) -> bool:
        return all(
            any(not self.prefers(i, s2, s) for s2 in self.coalition_reach(self.others(i), s1, improving=True))
            for s1 in self.improvements(i, s)
        )

    def stable(self, concept: str, i: int, s: int) -> bool:
        return bool(getattr(self, concept)(i, s))

    def coalitional_improvements(self, coalition: tuple[int, ...], s: int) -> set[int]:
        return {
            t for t in self.coalition_reach(coalition, s) if all(self.prefers(k, t, s) for k in coalition)
        }

    def coalitions(self) -> list[tuple[int, ...]]:
        return [c for size in range(2, self.n + 1) for c in combinations(range(self.n), size)]

    def reachable_by_improvements(self, start: int) -> dict[int, int]:
        """Fewest unilateral improvements (by anyone) from ``start`` to each reachable state."""
        distance = {start: 0}
        queue = deque([start])
        while queue:
            s = queue.popleft()
            for i in range(self.n):
                for t in self.improvements(i, s):
                    if t not in distance:
                        distance[t] = distance[s] + 1
                        queue.append(t)
        return distance
