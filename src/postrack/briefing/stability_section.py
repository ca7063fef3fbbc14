"""A short strategic check: which combinations of concessions no party would walk away from.

The stability bridge turns the most contested issues into a graph model (each party's options
are concessions it controls) and the GMCR analysis finds the equilibria under Nash, GMR, SMR and
SEQ stability. The memo shows how many there are, whether the status quo holds, and the
equilibria stable under all four concepts, the most plausible first: the fewer concessions a
combination asks of the status quo, the less the parties have to move to reach it, so the nearer
it is to where they stand today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.briefing.labels import Labels
from postrack.problems import UserError
from postrack.record import Record
from postrack.stability import CONCEPTS, analyse, build_model
from postrack.stability.compile import compile_model
from postrack.stability.loading import generated_locator

SHOWN_STATES = 5
CONCEPT_NAMES = {"nash": "Nash", "gmr": "GMR", "smr": "SMR", "seq": "SEQ"}


@dataclass(frozen=True)
class ConceptCount:
    concept: str
    equilibria: int
    status_quo: bool


@dataclass(frozen=True)
class StableState:
    concessions: tuple[str, ...]
    reason: str
    """Why it ranks where it does: how far it is from the status quo."""


@dataclass(frozen=True)
class StabilitySection:
    available: bool
    reason: str
    issues: tuple[str, ...]
    options: int
    states: int
    concepts: tuple[ConceptCount, ...]
    strong: int
    shown: tuple[StableState, ...]


def stability_section(record: Record, parties: list[str], as_of: date, labels: Labels) -> StabilitySection:
    """The equilibria of the generated model; when the data are too thin to build one, the reason."""
    try:
        bridge = build_model(record, parties, as_of)
    except UserError as error:  # the bridge's way of saying there is nothing to analyse
        return StabilitySection(False, error.summary().removeprefix("error: "), (), 0, 0, (), 0, ())
    game = compile_model(bridge.model, generated_locator("<generated from positions>"))
    analysis = analyse(game, coalitions=False)
    equilibria = {c: set(analysis.equilibria(c)) for c in CONCEPTS}
    strong = sorted(set.intersection(*equilibria.values()), key=lambda s: (s.bit_count(), s))
    return StabilitySection(
        available=True,
        reason="",
        issues=tuple(labels.issue(i.issue) for i in bridge.issues),
        options=game.option_count,
        states=len(game.states()),
        concepts=tuple(
            ConceptCount(CONCEPT_NAMES[c], len(equilibria[c]), 0 in equilibria[c]) for c in CONCEPTS
        ),
        strong=len(strong),
        shown=tuple(
            StableState(
                tuple(o.label for k, o in enumerate(game.options) if state >> k & 1), _distance(state)
            )
            for state in strong[:SHOWN_STATES]
        ),
    )


def _distance(state: int) -> str:
    moves = state.bit_count()
    if not moves:
        return "the status quo itself"
    return f"{moves} {'concession' if moves == 1 else 'concessions'} from the status quo"
