"""From stances and saliences to the integer utilities and weights of the model.

Utility of an option to a party (thousandths): ``demand`` 1000, ``acceptable`` 600,
``red_line`` 0; an option the party never named is *unstated*: on an ordered issue where the
party demands something it falls with the distance to the nearest demanded option, from 500 next
to it to 100 at the far end of the scale; otherwise (unordered issue, or no demand) 300.

Weights: a party's saliences over the model's issues, normalised to 10,000ths by largest
remainder (so they sum to exactly 10,000); an issue the party has no position on weighs 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from postrack.model import Issue
from postrack.record import IssuePosition

WEIGHT_TOTAL = 10_000
STANCE_UTILITY = {"demand": 1000, "acceptable": 600, "red_line": 0}
UNSTATED_NEAR, UNSTATED_FAR, UNSTATED = 500, 100, 300


def normalise(saliences: Sequence[int]) -> tuple[int, ...]:
    """Integer weights proportional to ``saliences`` summing to 10,000 (all 0 if none is positive)."""
    total = sum(saliences)
    if total <= 0:
        return tuple(0 for _ in saliences)
    floors = [s * WEIGHT_TOTAL // total for s in saliences]
    short = WEIGHT_TOTAL - sum(floors)
    by_remainder = sorted(range(len(saliences)), key=lambda i: (-(saliences[i] * WEIGHT_TOTAL % total), i))
    for i in by_remainder[:short]:
        floors[i] += 1
    return tuple(floors)


def option_utilities(issue: Issue, position: IssuePosition | None) -> tuple[int, ...]:
    """Utility of each option of ``issue`` to the party holding ``position``."""
    ids = issue.option_ids()
    if position is None:
        return tuple(UNSTATED for _ in ids)
    demanded = [k for k, o in enumerate(ids) if position.stance(o) == "demand"]
    out = []
    for k, option in enumerate(ids):
        stance = position.stance(option)
        if stance is not None:
            out.append(STANCE_UTILITY[stance])
        elif issue.ordered and demanded:
            out.append(unstated_on_scale(min(abs(k - d) for d in demanded), len(ids)))
        else:
            out.append(UNSTATED)
    return tuple(out)


def unstated_on_scale(distance: int, options: int) -> int:
    """500 next to a demanded option, falling evenly to 100 at the largest possible distance."""
    if options <= 2:
        return UNSTATED_NEAR
    return round(UNSTATED_NEAR - (UNSTATED_NEAR - UNSTATED_FAR) * (distance - 1) / (options - 2))
