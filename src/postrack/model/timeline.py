"""The timeline file: rounds of talks, summits, calls and documents, each dated and sourced.

The tracker attaches each change of position to the event whose window (a few days either side)
holds it; see ``postrack.tracker.timeline``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from postrack.model.base import Id, SourceId, StrictModel, Text

WINDOW_BEFORE = 1
WINDOW_AFTER = 3


class EventSource(StrictModel):
    """A report of the event, keyed as in the fact sheet's source list where it has a key."""

    key: SourceId = Field(description="Fact sheet key (s21) or another short slug.")
    outlet: Text
    title: str = ""
    date: dt.date
    url: str = ""
    reliability: Literal["primary", "secondary", "weak"] = "secondary"


class Event(StrictModel):
    """A round of talks, a summit, a call or a published document."""

    id: Id
    title: Text
    kind: Literal["talks", "summit", "call", "meeting", "document", "decision", "statement"]
    start: dt.date
    end: dt.date | None = Field(None, description="Last day, for events over several days.")
    date_precision: Literal["day", "approximate"] = "day"
    place: str = ""
    participants: list[Text] = Field(default_factory=list)
    summary: Text
    window_before: int = Field(WINDOW_BEFORE, ge=0, le=31)
    window_after: int = Field(WINDOW_AFTER, ge=0, le=31)
    sources: list[EventSource] = Field(min_length=1)
    note: str = ""

    @property
    def last(self) -> dt.date:
        return self.end or self.start

    def window(self) -> tuple[dt.date, dt.date]:
        return self.start - dt.timedelta(days=self.window_before), self.last + dt.timedelta(
            days=self.window_after
        )

    def distance(self, day: dt.date) -> int:
        """Days from ``day`` to the event's own dates (0 inside them)."""
        return max((self.start - day).days, (day - self.last).days, 0)

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class Timeline(StrictModel):
    events: list[Event] = Field(min_length=1)
