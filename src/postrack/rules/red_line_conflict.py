"""PR004 red-line-conflict: an option one party wants is the other party's red line.

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
            if wanter.accepts(option) and blocker.rejects(option):
                stance = wanter.stance(option)
                yield Finding(
                    "PR004",
                    "red-line-conflict",
                    ctx.issue.id,
                    ctx.parties,
                    (option,),
                    f"{blocker.party}'s red line blocks {option}, which {wanter.party} {_verb(stance)}",
                    (wanter.stances[option].ref, blocker.stances[option].ref),
                    (("blocked_by", blocker.party), ("wanted_by", wanter.party), ("stance", str(stance))),
                )


def _verb(stance: str | None) -> str:
    return "demands" if stance == "demand" else "accepts"


RULE = Rule("PR004", "red-line-conflict", evaluate)
