"""PR002 common-ground: options both parties accept, with no condition standing between them.

Example (as of 2025-05-16): Russia and Ukraine both accept ``prisoners: parity_swaps`` (the
1,000-for-1,000 exchange) and neither ties it to another issue, so the pair overlaps there. A
condition the counterpart itself meets (it accepts an outcome the condition asks for) is no
obstacle between the two, so the option counts as common ground too.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule
from postrack.stance import verdict


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    pair = ctx.both()
    if pair is None:
        return
    free = [o for o in ctx.shared() if _unobstructed(ctx, o)]
    if free:
        refs = tuple(r for o in free for side in (0, 1) for r in ctx.ref(side, o))
        yield Finding(
            "PR002",
            "common-ground",
            ctx.issue.id,
            ctx.parties,
            tuple(free),
            f"both accept {', '.join(free)}",
            refs,
        )


def _unobstructed(ctx: PairContext, option: str) -> bool:
    pair = ctx.both()
    assert pair is not None
    for side in (0, 1):
        other = ctx.parties[1 - side]
        for cond in pair[side].conditions_on(option):
            if verdict(cond, ctx.reader(other)) != "endorsed":
                return False
    return True


RULE = Rule("PR002", "common-ground", evaluate)
