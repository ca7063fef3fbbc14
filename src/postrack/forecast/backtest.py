"""The forecast's own check: forecast as of one date, then score it against what each party's
recorded position says at a later date.

Why these scores: nothing in the record says where a negotiation "landed", but it does say where
each party stood later. A forecast *hits* a party when the party, at the later date, accepts the
forecast option; its *distance* is the number of scale steps from the forecast option to the
party's ideal then. Every method (weighted mean, weighted median, expected-utility model) is scored
on the same (issue, party) pairs, so a model that loses to the median is seen to lose. The model's
per-party moves are scored too: how far each predicted end point is from the party's later ideal,
against simply assuming the party does not move.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from postrack.forecast.engine import Forecast, IssueForecast, forecast
from postrack.forecast.eu_model import Parameters
from postrack.forecast.inputs import ActorInput, actor_input
from postrack.problems import UserError
from postrack.record import Record

METHODS = ("mean", "median", "model")


@dataclass(frozen=True)
class PartyCheck:
    """One party on one issue at the later date, and how each method's forecast fared."""

    party: str
    ideal: float
    accepted: tuple[int, ...]
    hits: tuple[bool, ...]
    """Per method, in the order of ``METHODS``."""
    distances: tuple[float, ...]
    predicted: float | None
    """Where the model left the party (None: it had no point on the scale at the earlier date)."""
    start: float | None


@dataclass(frozen=True)
class IssueCheck:
    issue: str
    options: tuple[str, ...]
    forecasts: tuple[str, ...]
    """Forecast option per method."""
    parties: tuple[PartyCheck, ...]


@dataclass(frozen=True)
class Score:
    method: str
    pairs: int
    hits: int
    hit_rate: float
    mean_distance: float


@dataclass(frozen=True)
class MoveScore:
    """The model's per-party moves against "nobody moves", on parties on record at both dates."""

    pairs: int
    model_distance: float
    no_move_distance: float


@dataclass(frozen=True)
class Backtest:
    start: str
    end: str
    parties: tuple[str, ...]
    scores: tuple[Score, ...]
    moves: MoveScore
    issues: tuple[IssueCheck, ...]
    forecast: Forecast

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dataclasses.asdict(self)
        data["methods"] = list(METHODS)
        return data


def backtest(
    record: Record,
    parties: list[str],
    start: date,
    end: date,
    issues: list[str] | None = None,
    params: Parameters | None = None,
) -> Backtest:
    """Forecast as of ``start`` and score it against the record at ``end``."""
    if end <= start:
        raise UserError.single(f"--to {end} must be after --backtest {start}")
    made = forecast(record, parties, start, issues, params)
    checks = tuple(_check(record, parties, made_issue, end) for made_issue in made.issues)
    pairs = [p for c in checks for p in c.parties]
    scores = tuple(
        Score(
            method=m,
            pairs=len(pairs),
            hits=sum(p.hits[k] for p in pairs),
            hit_rate=sum(p.hits[k] for p in pairs) / len(pairs) if pairs else 0.0,
            mean_distance=math.fsum(p.distances[k] for p in pairs) / len(pairs) if pairs else 0.0,
        )
        for k, m in enumerate(METHODS)
    )
    both = [p for p in pairs if p.predicted is not None and p.start is not None]
    moves = MoveScore(
        pairs=len(both),
        model_distance=_mean([abs((p.predicted or 0.0) - p.ideal) for p in both]),
        no_move_distance=_mean([abs((p.start or 0.0) - p.ideal) for p in both]),
    )
    return Backtest(start.isoformat(), end.isoformat(), tuple(parties), scores, moves, checks, made)


def _mean(values: list[float]) -> float:
    return math.fsum(values) / len(values) if values else 0.0


def _check(record: Record, parties: list[str], made: IssueForecast, end: date) -> IssueCheck:
    issue = record.issues[made.issue]
    estimates = (made.mean, made.median, made.model)
    steps = [made.options.index(e.option) for e in estimates]
    moves = {m.party: m for m in made.moves}
    out: list[PartyCheck] = []
    for party in parties:
        later = actor_input(record, party, issue, end)
        if not isinstance(later, ActorInput):
            continue
        move = moves.get(party)
        out.append(
            PartyCheck(
                party=party,
                ideal=later.ideal,
                accepted=later.accepted,
                hits=tuple(s in later.accepted for s in steps),
                distances=tuple(abs(s - later.ideal) for s in steps),
                predicted=move.end if move else None,
                start=move.start if move else None,
            )
        )
    return IssueCheck(made.issue, made.options, tuple(e.option for e in estimates), tuple(out))
