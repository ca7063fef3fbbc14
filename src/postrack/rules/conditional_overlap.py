"""PR003 conditional-overlap: an option both accept, but under a condition the other has not met.

Example: both sides may accept ``ceasefire: immediate``, but Russia only if ``military_aid`` ends
``halted``. The finding names the condition, what it requires and its verdict with the other party
(:func:`postrack.stance.verdict`): ``open`` (it depends on a third party or on an outcome the other
has not taken a stance on) or ``blocked`` (the other red-lines every way to meet it, which makes the
overlap hollow). A condition the other meets itself is no finding: see PR002.
"""

from __future__ import annotations

from collections.abc import Iterator

from postrack.rules.base import Finding, PairContext, Rule
from postrack.stance import connective, verdict


def evaluate(ctx: PairContext) -> Iterator[Finding]:
    pair = ctx.both()
    if pair is None:
        return
    for option in ctx.shared():
        for side in (0, 1):
            holder, other = ctx.parties[side], ctx.parties[1 - side]
            position = ctx.positions[side]
            for cond in pair[side].conditions_on(option):
                found = verdict(cond, ctx.reader(other))
                if found == "endorsed":
                    continue
                wanted = " or ".join(f"{r.issue} in {{{', '.join(r.options)}}}" for r in cond.requires)
                suffix = (
                    f"; blocked: {other} red-lines every way to meet it"
                    if found == "blocked"
                    else f"; {other} has not taken a stance on that outcome"
                )
                active = position.conditions.get(cond.id) if position else None
                yield Finding(
                    "PR003",
                    "conditional-overlap",
                    ctx.issue.id,
                    ctx.parties,
                    (option,),
                    f"{holder} accepts {option} {connective(cond)} {wanted}{suffix}",
                    (*ctx.ref(side, option), *((active.ref,) if active else ())),
                    (
                        ("party", holder),
                        ("condition", cond.id),
                        ("requires", wanted),
                        ("verdict", found),
                        ("blocked_by", other if found == "blocked" else ""),
                    ),
                )


RULE = Rule("PR003", "conditional-overlap", evaluate)
