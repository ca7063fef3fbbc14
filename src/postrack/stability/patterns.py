"""States written as Y/N patterns, one character per option in model order.

State number = sum of 2**k over the options k taken, so the pattern is the state's bits read from
the first option to the last. A ``-`` leaves an option open, so one pattern can stand for many
states; it becomes a (mask, value) pair and a state matches when ``state & mask == value``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Pattern:
    mask: int
    value: int

    def matches(self, states: np.ndarray) -> np.ndarray:
        return np.asarray((states & self.mask) == self.value)


def parse_pattern(text: str, count: int, *, allow_open: bool = True) -> Pattern:
    """Read a pattern over ``count`` options; raise ValueError saying what is wrong."""
    cleaned = text.strip().upper()
    if len(cleaned) != count:
        raise ValueError(f"pattern {text!r} has {len(cleaned)} characters; the model has {count} options")
    allowed = "YN-" if allow_open else "YN"
    mask = value = 0
    for k, char in enumerate(cleaned):
        if char not in allowed:
            wanted = "Y, N or -" if allow_open else "Y or N"
            raise ValueError(f"pattern {text!r}: character {k + 1} is {char!r}, expected {wanted}")
        if char != "-":
            mask |= 1 << k
            value |= (char == "Y") << k
    return Pattern(mask, value)


def format_state(state: int, count: int) -> str:
    return "".join("Y" if state >> k & 1 else "N" for k in range(count))
