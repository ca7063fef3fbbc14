"""The result of a robustness analysis: frozen data that the table, Markdown, JSON and memo present."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.robustness.estimate import Estimate
from postrack.robustness.verdicts import Verdict
from postrack.sources import CitedSource
from postrack.zones.report import ToDict

WEAK_GROUND = 0.8
"""A verdict kept in fewer than this share of worlds rests on weak ground."""


@dataclass(frozen=True)
class StatementNote(ToDict):
    """A statement a verdict rests on, as the reader needs it: who said what, when, how sure."""

    party: str
    issue: str
    date: date
    summary: str
    confidence: str
    credence: float
    set_by_hand: bool
    sources: tuple[CitedSource, ...]
    file: str
    line: int

    @property
    def weak(self) -> bool:
        return self.confidence == "low" or all(s.reliability == "weak" for s in self.sources)


@dataclass(frozen=True)
class VerdictRobustness(ToDict):
    verdict: Verdict
    rests_on: tuple[StatementNote, ...]
    """Statements whose absence alone would change the verdict."""
    flip: tuple[StatementNote, ...]
    """The smallest set of doubtful statements whose absence flips it (likeliest first)."""
    flip_value: str
    flip_complete: bool
    """Whether every set up to the searched size was tried (docs/robustness.md)."""
    estimate: Estimate
    events: int
    """Uncertain events (statements and sources) the verdict can depend on."""

    @property
    def weak_ground(self) -> bool:
        """Kept in too few worlds, or resting on a low-confidence or weakly sourced statement."""
        return self.estimate.probability < WEAK_GROUND or any(n.weak for n in self.rests_on)


@dataclass(frozen=True)
class RobustnessReport(ToDict):
    as_of: date
    parties: tuple[str, ...]
    issues: tuple[str, ...]
    tier: str
    statements: int
    doubtful: int
    sources: int
    samples: int
    seed: int
    exact_bound: int
    verdicts: tuple[VerdictRobustness, ...]
    workspace: str = ""

    def verdict(self, key: str) -> VerdictRobustness:
        return next(v for v in self.verdicts if v.verdict.key == key)

    def weak_ground(self) -> tuple[VerdictRobustness, ...]:
        return tuple(v for v in self.verdicts if v.weak_ground)
