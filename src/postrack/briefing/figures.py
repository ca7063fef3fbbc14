"""Geometry for the memo's pictures, computed here so that templates only place what they are given.

Coordinates are fractions of the figure's width and height (0 to 1, y growing downwards, as in
Typst's ``place``), so a template chooses the size and the picture scales with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

_DIGITS = 4


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


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
