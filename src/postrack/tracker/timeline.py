"""The chronology of rounds and documents (``timeline.yaml``) with the stance changes made at each.

A statement attaches to an event when its date falls in the event's window: from
``window_before`` days before the event's first day to ``window_after`` days after its last
(1 and 3 by default: delegations publish on the eve, readouts and reactions follow for days). Where
windows overlap, the statement goes to the event whose own dates are nearest, the earlier on a
tie. Only statements dated to the day attach; month or approximate dates are listed apart, with
every statement that falls in no window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from postrack.loading import TIMELINE_FILE, validate_model
from postrack.model.timeline import Event, Timeline
from postrack.paths import shown
from postrack.problems import Problem, UsageError, UserError
from postrack.record import Record
from postrack.tracker.history import Change, all_changes
from postrack.tracker.state import until
from postrack.yamlsource import Located, read_file


def load_timeline(folder: Path | str) -> Timeline:
    """Read and check ``timeline.yaml`` in ``folder``; every problem is reported with file and line."""
    path = Path(folder) / TIMELINE_FILE
    if not path.is_file():
        raise UserError.single(
            f"no {TIMELINE_FILE} in {folder} (the chronology of rounds and documents)", path
        )
    doc = read_file(path, shown(path))
    if not isinstance(doc.data, dict):
        raise UserError([doc.problem((), "expected a mapping with 'events' at the top of the file")])
    timeline, problems = validate_model(Timeline, doc)
    if timeline is not None:
        problems += _event_problems(timeline, doc)
    if timeline is None or problems:
        raise UserError(problems)
    return timeline


def _event_problems(timeline: Timeline, doc: Located) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    previous: dt.date | None = None
    for i, event in enumerate(timeline.events):
        if event.id in seen:
            problems.append(doc.problem(("events", i, "id"), f"duplicate event id {event.id!r}"))
        seen.add(event.id)
        if event.end is not None and event.end < event.start:
            problems.append(
                doc.problem(("events", i, "end"), f"ends ({event.end}) before it starts ({event.start})")
            )
        if previous is not None and event.start < previous:
            problems.append(
                doc.problem(
                    ("events", i, "start"),
                    f"out of order: {event.start} comes after {previous} (oldest first)",
                )
            )
        previous = event.start
    return problems


@dataclass(frozen=True)
class EventEntry:
    """An event with the changes attached to it, in date order."""

    event: Event
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, object]:
        start, end = self.event.window()
        return {
            **self.event.to_dict(),
            "attach_window": [start.isoformat(), end.isoformat()],
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class Chronology:
    """Events in order with their changes, and the changes tied to no event."""

    start: dt.date | None
    end: dt.date | None
    as_of: dt.date
    parties: tuple[str, ...]
    events: tuple[EventEntry, ...]
    unattached: tuple[Change, ...]
    workspace: str = ""
    """The negotiation's title from its manifest."""

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "as_of": self.as_of.isoformat(),
            "parties": list(self.parties),
            "events": [e.to_dict() for e in self.events],
            "unattached": [c.to_dict() for c in self.unattached],
            "workspace": self.workspace,
        }


def chronology(
    record: Record,
    timeline: Timeline,
    parties: list[str],
    as_of: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Chronology:
    """Events from ``start`` to ``end`` (overlapping either bound) known by ``as_of``, with their changes."""
    if start is not None and end is not None and start > end:
        raise UsageError.single(f"--from {start} is after --to {end}")
    last = min(as_of, end) if end is not None else as_of
    events = [e for e in timeline.events if e.start <= last and (start is None or e.last >= start)]
    changes = [
        c
        for c in all_changes(until(record, as_of), parties)
        if (start is None or c.date >= start) and c.date <= last
    ]
    attached: dict[str, list[Change]] = {e.id: [] for e in events}
    unattached = []
    for change in changes:
        event = attach(events, change)
        if event is None:
            unattached.append(change)
        else:
            attached[event.id].append(change)
    entries = tuple(EventEntry(e, tuple(attached[e.id])) for e in events)
    return Chronology(start, end, as_of, tuple(parties), entries, tuple(unattached), record.manifest.title)


def attach(events: list[Event], change: Change) -> Event | None:
    """The event a change belongs to under the window rule, or None."""
    if change.date_precision != "day":
        return None
    inside = [e for e in events if e.window()[0] <= change.date <= e.window()[1]]
    return min(inside, key=lambda e: (e.distance(change.date), e.start, e.id), default=None)
