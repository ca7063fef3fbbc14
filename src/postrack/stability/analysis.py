"""The whole analysis of one model, as one typed result that every output format presents.

Stability under the four concepts, the move that unsettles each unstable state and why no sanction
deters it, coalition analysis, and the evolution from the status quo. :meth:`Analysis.to_dict` is
the JSON shape; the table and Markdown views read the same object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from postrack.stability.coalition import MAX_COALITION_STATES, Coalitions, analyse_coalitions
from postrack.stability.concepts import CONCEPTS, Stability, analyse_stability
from postrack.stability.explain import Escape, Verdict, reason, verdict
from postrack.stability.game import Game
from postrack.stability.moves import Moves, Step
from postrack.stability.status_quo import Evolution, trace_from


@dataclass(frozen=True)
class Instability:
    """Why a state is not stable for one decision maker under one concept."""

    concept: str
    dm: int
    escape: Escape
    reason: str


@dataclass(frozen=True, eq=False)
class Analysis:
    game: Game
    stability: Stability
    coalitions: Coalitions | None
    evolution: Evolution | None
    notes: tuple[str, ...] = ()

    def equilibria(self, concept: str) -> list[int]:
        return [int(s) for s in self.stability.equilibria(concept)]

    def instabilities(self, state: int) -> list[Instability]:
        """The unsettling move for every (concept, decision maker) under which ``state`` is unstable."""
        out = []
        for concept in CONCEPTS:
            for dm in range(len(self.game.decision_makers)):
                target = int(self.stability.breaking[concept][dm, state])
                if target < 0:
                    continue
                reply = counter = None
                if concept != "nash" and (answer := self.stability.reply(concept, dm, target)) is not None:
                    reply = answer[1]
                    counter = int(self.stability.restore[dm, reply]) if concept == "smr" else None
                escape = Escape(target, reply, counter, deterred=False)
                out.append(Instability(concept, dm, escape, reason(self.game, concept, dm, state, escape)))
        return out

    def verdicts(self, state: int) -> list[Verdict]:
        """Every decision maker's improving moves from ``state`` under each concept, with the answers
        of the others and the moves that make them up."""
        return [
            verdict(self.stability, concept, dm, state, paths=True)
            for dm in range(len(self.game.decision_makers))
            for concept in CONCEPTS
        ]

    def detail_dict(self, state: int) -> dict[str, Any]:
        """JSON shape of :meth:`verdicts`: every move from ``state``, the answer to it and its path."""
        game = self.game
        return {
            "state": game.pattern(state),
            "verdicts": [
                {
                    "concept": v.concept,
                    "decision_maker": game.decision_makers[v.dm].id,
                    "stable": v.stable,
                    "moves": [
                        {
                            "move_to": game.pattern(e.target),
                            "deterred": e.deterred,
                            "reply": None if e.reply is None else game.pattern(e.reply),
                            "counter": None if e.counter is None else game.pattern(e.counter),
                            "reply_path": [self.step_dict(s) for s in e.reply_path],
                            "reason": reason(game, v.concept, v.dm, state, e),
                        }
                        for e in v.escapes
                    ],
                }
                for v in self.verdicts(state)
            ],
        }

    def rank(self, dm: int, state: int) -> int:
        """1 for the decision maker's most preferred states, 2 for the next tier, and so on."""
        levels = self.game.levels[dm]
        return int(levels.max() - levels[state]) + 1

    def coalition_proof(self, concept: str) -> list[int] | None:
        """Equilibria under ``concept`` from which no coalition has a joint improvement."""
        if self.coalitions is None:
            return None
        open_to_deals = self.coalitions.improvable()
        return [s for s in self.equilibria(concept) if not open_to_deals[s]]

    def to_dict(self) -> dict[str, Any]:
        game = self.game
        return {
            "title": game.title,
            "description": game.description,
            "decision_makers": [
                {"id": dm.id, "name": dm.name, "options": [game.options[k].id for k in dm.options]}
                for dm in game.decision_makers
            ],
            "options": [
                {
                    "number": k + 1,
                    "id": o.id,
                    "label": o.label,
                    "decision_maker": game.decision_makers[o.owner].id,
                    "irreversible": o.irreversible,
                }
                for k, o in enumerate(game.options)
            ],
            "concepts": list(CONCEPTS),
            "feasible_states": int(game.feasible.sum()),
            "states": [self._state_dict(int(s)) for s in game.states()],
            "equilibria": {c: [game.pattern(s) for s in self.equilibria(c)] for c in CONCEPTS},
            "coalitions": self._coalitions_dict(),
            "status_quo": self._evolution_dict(),
            "notes": list(self.notes),
        }

    def _state_dict(self, state: int) -> dict[str, Any]:
        game, stability = self.game, self.stability
        dms = game.decision_makers
        entry: dict[str, Any] = {
            "id": state,
            "pattern": game.pattern(state),
            "taken": game.taken(state),
            "ranks": {dm.id: self.rank(i, state) for i, dm in enumerate(dms)},
            "stability": {
                c: {
                    "by_decision_maker": {
                        dm.id: bool(stability.stable[c][i, state]) for i, dm in enumerate(dms)
                    },
                    "equilibrium": bool(stability.stable[c][:, state].all()),
                }
                for c in CONCEPTS
            },
            "moves": {
                dm.id: [game.pattern(t) for t in stability.moves.unilateral[i].successors(state)]
                for i, dm in enumerate(dms)
            },
            "improvements": {
                dm.id: [game.pattern(t) for t in stability.moves.improving[i].successors(state)]
                for i, dm in enumerate(dms)
            },
            "instabilities": [
                {
                    "concept": u.concept,
                    "decision_maker": dms[u.dm].id,
                    "move_to": game.pattern(u.escape.target),
                    "reply": None if u.escape.reply is None else game.pattern(u.escape.reply),
                    "counter": None if u.escape.counter is None else game.pattern(u.escape.counter),
                    "reason": u.reason,
                }
                for u in self.instabilities(state)
            ],
        }
        if self.coalitions is not None:
            entry["coalition_improvements"] = [
                {
                    "coalition": [dms[i].id for i in group],
                    "count": int(self.coalitions.count[c, state]),
                    "example": game.pattern(int(self.coalitions.example[c, state])),
                }
                for c, group in enumerate(self.coalitions.coalitions)
                if self.coalitions.count[c, state]
            ]
        return entry

    def _coalitions_dict(self) -> dict[str, Any] | None:
        if self.coalitions is None:
            return None
        return {
            "coalitions": [[self.game.decision_makers[i].id for i in g] for g in self.coalitions.coalitions],
            "coalition_proof_equilibria": {
                c: [self.game.pattern(s) for s in self.coalition_proof(c) or []] for c in CONCEPTS
            },
        }

    def _evolution_dict(self) -> dict[str, Any] | None:
        if self.evolution is None:
            return None
        game = self.game
        return {
            "state": game.pattern(self.evolution.start),
            "reachable": [
                {
                    "state": game.pattern(r.state),
                    "distance": r.distance,
                    "final": r.final,
                    "equilibrium_under": [c for c in CONCEPTS if self.stability.stable[c][:, r.state].all()],
                    "path": [self.step_dict(step) for step in r.path],
                }
                for r in self.evolution.reached
            ],
        }

    def step_dict(self, step: Step) -> dict[str, str]:
        return {
            "decision_maker": self.game.decision_makers[step.dm].id,
            "from": self.game.pattern(step.source),
            "to": self.game.pattern(step.target),
        }


def analyse(game: Game, *, coalitions: bool = True, status_quo: int | None = None) -> Analysis:
    """Run every analysis; coalition analysis is skipped, with a note, on models too large for it."""
    moves = Moves(game)
    stability = analyse_stability(game, moves)
    notes: list[str] = []
    found: Coalitions | None = None
    if coalitions and game.size > MAX_COALITION_STATES:
        notes.append(
            "coalition analysis skipped: it is limited to models of up to"
            f" {MAX_COALITION_STATES.bit_length() - 1} options, this one has {game.option_count}"
        )
    elif coalitions:
        found = analyse_coalitions(game, moves)
    start = game.status_quo if status_quo is None else status_quo
    evolution = trace_from(moves, start) if start is not None else None
    return Analysis(game, stability, found, evolution, tuple(notes))


def shown_states(analysis: Analysis, *, all_states: bool, limit: int = 64) -> tuple[list[int], bool]:
    """States worth a row in a human-readable view: all of them when few, else equilibria and the status quo.

    Returns the states and whether some were left out.
    """
    states = [int(s) for s in analysis.game.states()]
    if all_states or len(states) <= limit:
        return states, False
    stable = np.zeros(analysis.game.size, dtype=bool)
    for concept in CONCEPTS:
        stable |= analysis.stability.stable[concept].all(axis=0)
    if analysis.evolution is not None:
        stable[analysis.evolution.start] = True
    return [s for s in states if stable[s]], True
