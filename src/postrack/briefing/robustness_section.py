"""How sure are we: the memo's section on the verdicts that rest on weak ground.

A verdict rests on weak ground when a low-confidence or weakly sourced statement alone holds it
up, or when it holds in fewer than :data:`postrack.robustness.report.WEAK_GROUND` of the worlds
drawn over the credences. The memo names each with what it rests on, so it never presents such
a verdict without saying so. The top package and the cheapest concessions are left to
``positions robustness`` (they cost a zone search per world).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.record import Record
from postrack.robustness import analyse, wording
from postrack.views.robustness_md import method

MEMO_SAMPLES = 400
"""Worlds drawn for the memo's estimates (seed 0): intervals of about ±0.05 at worst."""


@dataclass(frozen=True)
class WeakVerdict:
    sentence: str
    flip: str


@dataclass(frozen=True)
class RobustnessSection:
    method: str
    verdicts: int
    weak: tuple[WeakVerdict, ...]


def robustness_section(record: Record, parties: list[str], as_of: date) -> RobustnessSection:
    report = analyse(record, parties, as_of, zones="tiers", samples=MEMO_SAMPLES)
    weak = tuple(WeakVerdict(wording.sentence(r), _capital(wording.flip(r))) for r in report.weak_ground())
    return RobustnessSection(method(report), len(report.verdicts), weak)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
