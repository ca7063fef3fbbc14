"""The matrix through the dated record, precomputed, so the HTML memo can move it through time
without running anything: a frame for each day a party of the memo made a statement, up to the
memo's date, kept only where the matrix changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.briefing.issues import shown_common
from postrack.briefing.labels import Labels
from postrack.compare import compare
from postrack.record import Record


@dataclass(frozen=True)
class FrameCell:
    status: str
    gap: int | None
    common: tuple[str, ...]


@dataclass(frozen=True)
class Frame:
    """The matrix as it stood from ``date`` until the next frame: rows and cells as in the memo's."""

    date: str
    rows: tuple[tuple[FrameCell, ...], ...]


def timeline(record: Record, parties: list[str], as_of: date, labels: Labels) -> tuple[Frame, ...]:
    """A frame per statement day of ``parties`` before ``as_of`` on which the matrix differs from the
    frame before (it can change only when a party speaks), and a last frame for ``as_of`` itself."""
    days = sorted(
        {s.date for p in parties for issue in record.issues for s in record.statements(p, issue)} | {as_of}
    )
    frames: list[Frame] = []
    for day in (d for d in days if d <= as_of):
        result = compare(record, parties, day)
        rows = tuple(
            tuple(
                FrameCell(p.status, p.gap, shown_common(p, labels.options(issue.issue, p.common)))
                for p in issue.pairs
            )
            for issue in result.issues
        )
        if not frames or frames[-1].rows != rows or day == as_of:
            frames.append(Frame(day.isoformat(), rows))
    return tuple(frames)
