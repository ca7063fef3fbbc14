"""PR002 common-ground: options both parties would accept, with no condition attached.

Example (as of 2025-05-16): Russia and Ukraine both accept ``prisoners: parity_swaps`` (the
1,000-for-1,000 exchange) and neither ties it to another issue, so the pair overlaps there.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    pair = ctx.both()
    if pair is None:
        return
    free = [
        o for o in ctx.accepted_by_both() if not pair[0].conditions_on(o) and not pair[1].conditions_on(o)
    ]
    if free:
        refs = tuple(p.stances[o].ref for o in free for p in pair)
        yield Finding(
            "PR002",
            "common-ground",
            ctx.issue.id,
            ctx.parties,
            tuple(free),
            f"both accept {', '.join(free)}",
            refs,
        )


RULE = Rule("PR002", "common-ground", evaluate)
