"""Numbered source notes: deduplicated, numbered in the order the memo first cites them.

The memo context is built section by section in the order the shipped templates print them, and
every citation goes through one :class:`Footnotes`, so note 1 is the first source a reader meets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from postrack.sources import CitedSource


@dataclass(frozen=True)
class Note:
    """One entry of the memo's source list."""

    number: int
    outlet: str
    title: str
    date: str
    url: str
    link: bool
    reliability: str
    weak: bool


def linkable(url: str) -> bool:
    """Only web addresses become links; anything else in a URL field is shown as text."""
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


class Footnotes:
    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str, str, str, str], int] = {}
        self._notes: list[Note] = []

    def cite(self, sources: Iterable[CitedSource]) -> tuple[int, ...]:
        """Numbers of ``sources`` (new ones get the next numbers), each once, in the order given."""
        numbers = (self._number(s) for s in sources)
        return tuple(dict.fromkeys(numbers))

    def notes(self) -> tuple[Note, ...]:
        return tuple(self._notes)

    def _number(self, source: CitedSource) -> int:
        day = source.date.isoformat() if source.date else ""
        key = (source.id, source.outlet, source.title, day, source.url)
        if key not in self._numbers:
            number = len(self._notes) + 1
            self._numbers[key] = number
            self._notes.append(
                Note(
                    number=number,
                    outlet=source.outlet,
                    title=source.title,
                    date=day,
                    url=source.url,
                    link=linkable(source.url),
                    reliability=source.reliability,
                    weak=source.reliability == "weak",
                )
            )
        return self._numbers[key]
