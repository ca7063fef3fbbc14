"""Geometry for the memo's pictures, computed here so that templates only place what they are given.

Coordinates are fractions of the figure's width and height (0 to 1, y growing downwards, as in
Typst's ``place``), so a template chooses the size and the picture scales with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

_DIGITS = 4
_TICK_APART = 0.3
"""The least distance between two date ticks, as a share of the axis: a label takes about a fifth."""


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Tick:
    """A labelled mark on an axis, at ``at`` (0 to 1) along it."""

    at: float
    label: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def step_segments(
    points: list[tuple[date, int | None]], start: date, end: date, top: int
) -> tuple[Segment, ...]:
    """A step line through dated values: each value holds until the next; None breaks the line."""
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return round((day - start).days / span, _DIGITS)

    def y(value: int) -> float:
        return round(1 - value / top, _DIGITS) if top else 1.0

    out: list[Segment] = []
    for n, (day, value) in enumerate(points):
        if value is None:
            continue
        until = points[n + 1][0] if n + 1 < len(points) else end
        out.append(Segment(x(day), y(value), x(until), y(value)))
        following = points[n + 1][1] if n + 1 < len(points) else None
        if following is not None and following != value:
            out.append(Segment(x(until), y(value), x(until), y(following)))
    return tuple(s for s in out if (s.x1, s.y1) != (s.x2, s.y2))


def date_ticks(start: date, end: date, most: int = 5) -> tuple[Tick, ...]:
    """Ticks on the first day of months (or on Mondays for spans under two months) from ``start``
    to ``end``, at most ``most``; both ends are always marked, so a reader sees the span, and
    ticks stay far enough apart for their labels not to touch."""
    span = max((end - start).days, 1)
    if span < 60:
        days = (start + timedelta(days=d) for d in range(1, span))
        inner = [d for d in days if d.weekday() == 0]
    else:
        inner = [
            date(y, m, 1)
            for y in range(start.year, end.year + 1)
            for m in range(1, 13)
            if start < date(y, m, 1) < end
        ]
    apart = max(span / (most - 1), span * _TICK_APART)
    chosen = [start]
    for day in inner:
        if (day - chosen[-1]).days >= apart and (end - day).days >= apart:
            chosen.append(day)
    return tuple(Tick(round((d - start).days / span, _DIGITS), d.isoformat()) for d in [*chosen, end])


def value_ticks(top: int, most: int = 5) -> tuple[Tick, ...]:
    """Whole-number ticks from 0 to ``top`` on an axis growing upwards (``at`` measured from the top)."""
    step = max(1, math.ceil(top / (most - 1)))
    values = [*(v for v in range(0, top, step) if top - v > step / 2), top]
    return tuple(Tick(round(1 - v / top, _DIGITS) if top else 1.0, str(v)) for v in values)


def circle_layout(count: int) -> tuple[Point, ...]:
    """``count`` points evenly on a circle inscribed in the unit square, the first at the top, clockwise."""
    if count == 1:
        return (Point(0.5, 0.5),)
    return tuple(
        Point(
            round(0.5 + 0.5 * math.sin(2 * math.pi * k / count), _DIGITS),
            round(0.5 - 0.5 * math.cos(2 * math.pi * k / count), _DIGITS),
        )
        for k in range(count)
    )
