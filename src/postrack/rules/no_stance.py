"""PR001 no-stance: one of the pair has no stance on the issue as of the date.

Example: Turkey has said nothing sourced on ``reparations``; the pair (russia, turkey) is then
``unknown`` on that issue rather than silently treated as agreeing or disagreeing. A party whose
statements set no option (after a ``reset``) has no stance either.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    for party, position, reading in zip(ctx.parties, ctx.positions, ctx.readings, strict=True):
        if reading is None:
            said = " (its statements set no option)" if position is not None else ""
            yield Finding(
                "PR001",
                "no-stance",
                ctx.issue.id,
                ctx.parties,
                (),
                f"{party} has no stance on {ctx.issue.id}{said}",
            )


RULE = Rule("PR001", "no-stance", evaluate)
