"""The memo's forecast section: where each ordered issue would settle, who moves, and a chart of
the parties' positions over the bargaining rounds.

Kept in its own module (and template partial) so the rest of the memo does not depend on the
forecast engine; the memo includes it when asked (``positions brief --forecast``), because a
forecast is a model's reading of the record, resting on assumed parameters, not the record itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.briefing.figures import Segment
from postrack.briefing.labels import Labels
from postrack.forecast import IssueForecast, forecast
from postrack.record import Record

_DIGITS = 4


@dataclass(frozen=True)
class ForecastLine:
    """One party's position over the rounds, as chart segments (fractions of the panel)."""

    party: str
    colour: int
    start: str
    end: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ForecastIssue:
    issue: str
    title: str
    forecast: str
    position: float
    median: str
    mean: str
    rounds: int
    converged: bool
    first: str
    last: str
    lines: tuple[ForecastLine, ...]


@dataclass(frozen=True)
class ForecastSection:
    issues: tuple[ForecastIssue, ...]
    default_capability: tuple[str, ...]
    default_value: float
    skipped: tuple[str, ...]


def forecast_section(
    record: Record, parties: list[str], as_of: date, labels: Labels
) -> ForecastSection | None:
    """The section, or None when no ordered issue has a party with a point on its scale."""
    result = forecast(record, parties, as_of)
    if not result.issues:
        return None
    colours = {p: n for n, p in enumerate(parties)}
    return ForecastSection(
        issues=tuple(_issue(i, labels, colours) for i in result.issues),
        default_capability=tuple(labels.party(p) for p in result.default_capability),
        default_value=result.default_value,
        skipped=tuple(labels.issue(i) for i, _ in result.skipped),
    )


def _issue(made: IssueForecast, labels: Labels, colours: dict[str, int]) -> ForecastIssue:
    top = max(len(made.options) - 1, 1)
    lines = tuple(
        ForecastLine(
            party=labels.party(a.party),
            colour=colours[a.party],
            start=labels.option(made.issue, made.options[round(min(max(a.ideal, 0), top))]),
            end=labels.option(made.issue, made.moves[k].end_option),
            segments=round_segments([r[k] for r in made.trajectory], top),
        )
        for k, a in enumerate(made.actors)
    )
    return ForecastIssue(
        issue=made.issue,
        title=labels.issue(made.issue),
        forecast=labels.option(made.issue, made.model.option),
        position=round(made.model.position, 2),
        median=labels.option(made.issue, made.median.option),
        mean=labels.option(made.issue, made.mean.option),
        rounds=made.rounds,
        converged=made.converged,
        first=labels.option(made.issue, made.options[0]),
        last=labels.option(made.issue, made.options[-1]),
        lines=lines,
    )


def round_segments(positions: list[float], top: int) -> tuple[Segment, ...]:
    """A line through a party's position after each round: x the round (0 to the last), y the
    scale step (the first option at the top of the panel)."""
    if len(positions) == 1:
        y = round(positions[0] / top, _DIGITS)
        return (Segment(0.0, y, 1.0, y),)
    last = len(positions) - 1
    return tuple(
        Segment(
            round(k / last, _DIGITS),
            round(positions[k] / top, _DIGITS),
            round((k + 1) / last, _DIGITS),
            round(positions[k + 1] / top, _DIGITS),
        )
        for k in range(last)
    )
