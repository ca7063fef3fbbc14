"""Deal zones across issues: exact size, per-issue zone, best packages, cheapest concessions.

The engine works on a :class:`ZoneModel` (plain ids and integers, see :mod:`.model`); the record
is only read by :func:`build`. ``docs/zones.md`` explains the method and the rankings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from postrack.record import Record
from postrack.zones.build import build, cite
from postrack.zones.diff import ZoneDiff, diff_zones
from postrack.zones.model import ZoneModel
from postrack.zones.ranking import RANKINGS, Ranking
from postrack.zones.report import ZoneReport
from postrack.zones.solve import solve


def analyse(
    record: Record,
    parties: Sequence[str],
    as_of: date,
    *,
    issues: Sequence[str] | None = None,
    ranking: Ranking = "nash",
    top: int = 10,
    improve: str | None = None,
    target: float | None = None,
) -> ZoneReport:
    """The deal zone of ``parties`` on ``issues`` (default: all) as of ``as_of``."""
    model = build(record, parties, as_of, issues)
    return solve(
        model,
        as_of,
        ranking=ranking,
        top=top,
        improve_party=improve,
        target=target,
        citations=cite(record, model, as_of),
    )


__all__ = [
    "RANKINGS",
    "Ranking",
    "ZoneDiff",
    "ZoneModel",
    "ZoneReport",
    "analyse",
    "build",
    "diff_zones",
    "solve",
]
