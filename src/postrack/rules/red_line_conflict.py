"""PR004 red-line-conflict: an option one party accepts is the other party's red line.

Example (as of 2025-06-02): Russia demands ``nato: legal_ban``; Ukraine's memorandum rejects any
obligation of neutrality, so Ukraine's red line blocks Russia's demand.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    pair = ctx.both()
    if pair is None:
        return
    for option in ctx.issue.option_ids():
        for i in (0, 1):
            wanter, blocker = pair[i], pair[1 - i]
            if wanter.level(option) in ("conditional", "accepted") and blocker.level(option) == "red_line":
                verb = "demands" if option in wanter.demanded() else "accepts"
                yield Finding(
                    "PR004",
                    "red-line-conflict",
                    ctx.issue.id,
                    ctx.parties,
                    (option,),
                    f"{ctx.parties[1 - i]}'s red line blocks {option}, which {ctx.parties[i]} {verb}",
                    (*ctx.ref(i, option), *ctx.ref(1 - i, option)),
                    (("blocked_by", ctx.parties[1 - i]), ("wanted_by", ctx.parties[i]), ("stance", verb)),
                )


RULE = Rule("PR004", "red-line-conflict", evaluate)
