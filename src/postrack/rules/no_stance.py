"""PR001 no-stance: one of the pair has no recorded stance on the issue as of the date.

Example: Turkey has said nothing sourced on ``reparations``; the pair (russia, turkey) is then
``unknown`` on that issue rather than silently treated as agreeing or disagreeing.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    for party, position in zip(ctx.parties, ctx.positions, strict=True):
        if position is None:
            yield Finding(
                "PR001",
                "no-stance",
                ctx.issue.id,
                ctx.parties,
                (),
                f"{party} has no recorded stance on {ctx.issue.id}",
            )


RULE = Rule("PR001", "no-stance", evaluate)
