"""From stances and saliences to the integer utilities and weights of the model.

Utility of an option to a party (thousandths), from its level in the stance model: demanded
1000, accepted or conditional 600, red-lined 0; an option the party never named is *unstated*:
on an ordered issue where the party demands something it falls with the distance to the nearest
demanded option, from 500 next to it to 100 at the far end of the scale; otherwise 300.

Weights: a party's saliences over the model's issues, normalised to 10,000ths by largest
remainder (so they sum to exactly 10,000); an issue the party has no position on weighs 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from postrack.model import Issue
from postrack.stance import Level, Reading

WEIGHT_TOTAL = 10_000
DEMANDED = 1000
LEVEL_UTILITY: dict[Level, int] = {"accepted": 600, "conditional": 600, "red_line": 0}
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


def option_utilities(issue: Issue, reading: Reading | None) -> tuple[int, ...]:
    """Utility of each option of ``issue`` to the party whose reading is ``reading``."""
    ids = issue.option_ids()
    if reading is None:
        return tuple(UNSTATED for _ in ids)
    demanded = [ids.index(o) for o in reading.demanded()]
    out = []
    for k, option in enumerate(ids):
        level = reading.level(option)
        if option in reading.demanded():
            out.append(DEMANDED)
        elif level != "unstated":
            out.append(LEVEL_UTILITY[level])
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
