"""Why a state is or is not stable: each improving move of a decision maker and the others' best answer.

For every unilateral improvement s -> s1 of decision maker i the verdict records the harshest state
the others can reach from s1 under the concept (their own improvements only, for SEQ) and, for
SMR, the best state i can restore from there. The move is deterred when that answer is not
preferred to s; the state is stable when every move is deterred. Paths of the answering moves are
found on request, since only detailed views need them.
"""

from __future__ import annotations

from dataclasses import dataclass

from postrack.stability.concepts import Stability
from postrack.stability.game import Game
from postrack.stability.moves import Step
from postrack.stability.reach import find_path


@dataclass(frozen=True)
class Escape:
    """An improving move of the focal decision maker and what the others can do about it."""

    target: int
    reply: int | None
    counter: int | None
    deterred: bool
    reply_path: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Verdict:
    concept: str
    dm: int
    state: int
    stable: bool
    escapes: tuple[Escape, ...]


def verdict(stability: Stability, concept: str, dm: int, state: int, *, paths: bool = False) -> Verdict:
    """Explain ``state`` for ``dm`` under ``concept``; moves are listed best-for-``dm`` first."""
    game = stability.game
    level = game.levels[dm]
    table = stability.moves.improving[dm]
    targets = sorted(table.successors(state), key=lambda t: (-int(level[t]), t))
    improving = concept == "seq"
    others = stability.moves.others(dm, improving=improving)
    escapes = []
    for target in targets:
        if concept == "nash":
            escapes.append(Escape(target, None, None, False))
            continue
        answer = stability.reply(concept, dm, target)
        reply = answer[1] if answer else None
        counter = int(stability.restore[dm, reply]) if concept == "smr" and reply is not None else None
        deterred = answer is not None and bool(answer[0] <= level[state])
        path: tuple[Step, ...] = ()
        if paths and reply is not None:
            path = tuple(find_path(others, target, reply) or ())
        escapes.append(Escape(target, reply, counter, deterred, path))
    stable = bool(stability.stable[concept][dm, state])
    return Verdict(concept, dm, state, stable, tuple(escapes))


def reason(game: Game, concept: str, dm: int, state: int, escape: Escape) -> str:
    """One sentence saying why ``escape`` does or does not unsettle ``state`` for ``dm``."""
    who = game.decision_makers[dm].name
    here, there = game.pattern(state), game.pattern(escape.target)
    moved = f"{who} gains by moving from {here} to {there}"
    if concept == "nash":
        return moved
    if escape.reply is None:
        nobody = (
            "no sequence of the others' own improvements starts there"
            if concept == "seq"
            else "the others cannot move from there"
        )
        return f"{moved}; {nobody}"
    reply = game.pattern(escape.reply)
    credible = "credible " if concept == "seq" else ""
    if escape.deterred:
        return (
            f"{moved}, but the others can answer with a {credible}move to {reply},"
            f" which {who} likes no better than {here}"
        )
    if concept == "smr" and escape.counter is not None and escape.counter != escape.reply:
        counter = game.pattern(escape.counter)
        return (
            f"{moved}; the others' most damaging reply leads to {reply}, from which {who} can move on to "
            f"{counter}, which it prefers to {here}"
        )
    return (
        f"{moved}; even the others' harshest {credible}reply leads to {reply},"
        f" which {who} still prefers to {here}"
    )
