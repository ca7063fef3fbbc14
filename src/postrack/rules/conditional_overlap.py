"""PR003 conditional-overlap: an option both accept, but only under a cross-issue condition.

Example: both sides may accept ``ceasefire: immediate``, but Russia only if ``military_aid``
ends ``halted``; the finding names the condition, what it requires, and whether the other party
red-lines every way of meeting it (``blocked_by``), which makes the overlap hollow.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    pair = ctx.both()
    if pair is None:
        return
    for option in ctx.accepted_by_both():
        for holder, position in zip(ctx.parties, pair, strict=True):
            other = ctx.parties[1] if holder == ctx.parties[0] else ctx.parties[0]
            for active in position.conditions_on(option):
                cond = active.condition
                wanted = " or ".join(f"{r.issue} in {{{', '.join(r.options)}}}" for r in cond.requires)
                blocked = all(_rejects_all(ctx, other, r.issue, r.options) for r in cond.requires)
                suffix = f"; {other} red-lines every way to meet it" if blocked else ""
                yield Finding(
                    "PR003",
                    "conditional-overlap",
                    ctx.issue.id,
                    ctx.parties,
                    (option,),
                    f"{holder} accepts {option} only if {wanted}{suffix}",
                    (position.stances[option].ref, active.ref),
                    (
                        ("party", holder),
                        ("condition", cond.id),
                        ("requires", wanted),
                        ("blocked_by", other if blocked else ""),
                    ),
                )


def _rejects_all(ctx: PairContext, party: str, issue: str, options: list[str]) -> bool:
    position = ctx.lookup(party, issue)
    return position is not None and all(position.rejects(o) for o in options)


RULE = Rule("PR003", "conditional-overlap", evaluate)
