"""A compiled graph model: states are integers, preferences are integer levels per decision maker.

Everything the solution concepts need is an array indexed by state number (``2**m`` entries for
``m`` options), so checks run over all states at once; infeasible states stay in the arrays but are
masked out by ``feasible`` and can never be moved to.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from postrack.stability.patterns import format_state, parse_pattern


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    owner: int
    irreversible: str | None = None


@dataclass(frozen=True)
class DecisionMaker:
    id: str
    name: str
    options: tuple[int, ...]

    @property
    def mask(self) -> int:
        return sum(1 << k for k in self.options)


@dataclass(frozen=True, eq=False)
class Game:
    """Decision makers, options, feasible states and preference levels (higher is preferred)."""

    title: str
    decision_makers: tuple[DecisionMaker, ...]
    options: tuple[Option, ...]
    feasible: np.ndarray
    levels: np.ndarray
    status_quo: int | None = None
    description: str = ""

    @property
    def option_count(self) -> int:
        return len(self.options)

    @property
    def size(self) -> int:
        """Number of state numbers, feasible or not (``2**m``)."""
        return 1 << len(self.options)

    def states(self) -> np.ndarray:
        """Feasible state numbers in increasing order."""
        return np.flatnonzero(self.feasible)

    def pattern(self, state: int) -> str:
        return format_state(state, len(self.options))

    def taken(self, state: int) -> list[str]:
        return [o.id for k, o in enumerate(self.options) if state >> k & 1]

    def prefers(self, dm: int, a: int, b: int) -> bool:
        return bool(self.levels[dm, a] > self.levels[dm, b])

    def state_of(self, text: str) -> int:
        """The feasible state a full Y/N pattern names; ValueError saying why when it names none."""
        state = parse_pattern(text, len(self.options), allow_open=False).value
        if not self.feasible[state]:
            raise ValueError(f"state {text!r} is infeasible in this model")
        return state

    def irreversible_masks(self) -> tuple[int, int]:
        """(options that may not go from Y to N, options that may not go from N to Y)."""
        forward = sum(1 << k for k, o in enumerate(self.options) if o.irreversible == "forward")
        backward = sum(1 << k for k, o in enumerate(self.options) if o.irreversible == "backward")
        return forward, backward
