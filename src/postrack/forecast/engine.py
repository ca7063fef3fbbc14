"""The forecast for a set of parties as of a date: per ordered issue, the two baselines and the
expected-utility model, with each party's predicted move and who challenged whom.

Why a separate module from the model: :mod:`postrack.forecast.eu_model` knows numbers on a line;
this one knows the record (issues, parties, options) and turns a run into typed results that the
command line, JSON and the memo all present the same way.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from postrack.forecast.baselines import weighted_mean, weighted_median
from postrack.forecast.eu_model import Actor, Parameters, Run, run
from postrack.forecast.inputs import DEFAULT_CAPABILITY, ActorInput, actor_input
from postrack.problems import UserError
from postrack.record import Record


@dataclass(frozen=True)
class Move:
    """A party's predicted move: from its ideal to where the model leaves it."""

    party: str
    start: float
    end: float
    end_option: str


@dataclass(frozen=True)
class ChallengeSummary:
    """Who challenged whom over the run: the first round and how it resolved then."""

    challenger: str
    target: str
    kind: str
    round: int


@dataclass(frozen=True)
class Estimate:
    """One method's forecast: a position on the scale (steps) and the option nearest it."""

    position: float
    option: str


@dataclass(frozen=True)
class IssueForecast:
    issue: str
    title: str
    options: tuple[str, ...]
    actors: tuple[ActorInput, ...]
    absent: tuple[tuple[str, str], ...]
    """Parties left out, with why (no stance, accepts no option)."""
    mean: Estimate
    median: Estimate
    model: Estimate
    rounds: int
    converged: bool
    moves: tuple[Move, ...]
    challenges: tuple[ChallengeSummary, ...]
    trajectory: tuple[tuple[float, ...], ...]
    """Positions per round (round 0 first), in the order of ``actors``."""


@dataclass(frozen=True)
class Forecast:
    as_of: str
    parties: tuple[str, ...]
    issues: tuple[IssueForecast, ...]
    skipped: tuple[tuple[str, str], ...]
    """Issues without a forecast, with why (not ordered, nobody has a point on the scale)."""
    default_capability: tuple[str, ...]
    """Parties for which the default capability was used on some issue."""
    default_value: float
    parameters: Parameters

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dataclasses.asdict(self)
        return data


def nearest_option(options: tuple[str, ...], position: float) -> str:
    """The option nearest ``position``; exactly half-way goes to the lower step."""
    return options[min(len(options) - 1, max(0, math.ceil(position - 0.5)))]


def forecast(
    record: Record,
    parties: list[str],
    as_of: date,
    issues: list[str] | None = None,
    params: Parameters | None = None,
) -> Forecast:
    """Forecast every ordered issue (or ``issues``) among ``parties`` as of ``as_of``."""
    params = params or Parameters()
    wanted = issues if issues is not None else list(record.issues)
    unknown = [i for i in wanted if i not in record.issues]
    if unknown:
        raise UserError.single(
            f"--issues: unknown issue {', '.join(map(repr, unknown))} (known: {', '.join(record.issues)})"
        )
    results: list[IssueForecast] = []
    skipped: list[tuple[str, str]] = []
    for issue_id in wanted:
        issue = record.issues[issue_id]
        if not issue.ordered:
            skipped.append((issue_id, "not ordered: no scale to bargain along"))
            continue
        readings = [(p, actor_input(record, p, issue, as_of)) for p in parties]
        actors = tuple(a for _, a in readings if isinstance(a, ActorInput))
        if not actors:
            skipped.append((issue_id, "no party has a point on the scale"))
            continue
        absent = tuple((p, a) for p, a in readings if isinstance(a, str))
        results.append(_issue(issue.id, issue.title, tuple(issue.option_ids()), actors, absent, params))
    defaults = sorted({a.party for r in results for a in r.actors if a.capability_default})
    return Forecast(
        as_of=as_of.isoformat(),
        parties=tuple(parties),
        issues=tuple(results),
        skipped=tuple(skipped),
        default_capability=tuple(p for p in parties if p in defaults),
        default_value=DEFAULT_CAPABILITY,
        parameters=params,
    )


def _issue(
    issue: str,
    title: str,
    options: tuple[str, ...],
    actors: tuple[ActorInput, ...],
    absent: tuple[tuple[str, str], ...],
    params: Parameters,
) -> IssueForecast:
    model_actors = [Actor(a.party, a.ideal, a.capability, a.salience / 10) for a in actors]
    result = run(model_actors, 0, len(options) - 1, params)
    positions = [a.ideal for a in actors]
    weights = [a.capability * a.salience for a in actors]
    mean, median = weighted_mean(positions, weights), weighted_median(positions, weights)
    final = result.final
    return IssueForecast(
        issue=issue,
        title=title,
        options=options,
        actors=actors,
        absent=absent,
        mean=Estimate(mean, nearest_option(options, mean)),
        median=Estimate(median, nearest_option(options, median)),
        model=Estimate(final.median, nearest_option(options, final.median)),
        rounds=result.rounds_run,
        converged=result.converged,
        moves=tuple(
            Move(a.party, a.ideal, end, nearest_option(options, end))
            for a, end in zip(actors, final.positions, strict=True)
        ),
        challenges=_challenges(result),
        trajectory=tuple(r.positions for r in result.rounds),
    )


def _challenges(result: Run) -> tuple[ChallengeSummary, ...]:
    seen: dict[tuple[str, str], ChallengeSummary] = {}
    for r in result.rounds:
        for c in r.challenges:
            seen.setdefault(
                (c.challenger, c.target), ChallengeSummary(c.challenger, c.target, c.kind, r.number)
            )
    return tuple(seen.values())
