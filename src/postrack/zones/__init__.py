"""Deal zones across issues: exact size, per-issue zone, best packages, cheapest concessions.

The engine works on a :class:`ZoneModel` (plain ids and integers, see :mod:`.model`); the record
is only read by :func:`build`. ``docs/zones.md`` explains the method and the rankings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from postrack.record import Record
from postrack.stance import of_position
from postrack.zones.build import TIERS, Tier, build, cite
from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.diff import ZoneDiff, diff_zones
from postrack.zones.model import ZoneModel
from postrack.zones.plan import Budget
from postrack.zones.ranking import RANKINGS, Ranking
from postrack.zones.report import Coverage, TierCount, ZoneReport
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
    tier: Tier = "agreed",
    budget: Budget | None = None,
) -> ZoneReport:
    """The deal zone of ``parties`` on ``issues`` (default: all) as of ``as_of``.

    ``tier`` is the zone reported in detail (packages, per-issue picture, concessions); the sizes
    of both tiers and who has no stance where come with it."""
    model = build(record, parties, as_of, issues, tier)
    report = solve(
        model,
        as_of,
        ranking=ranking,
        top=top,
        improve_party=improve,
        target=target,
        citations=cite(record, model, as_of),
        budget=budget,
    )
    counts = []
    for t in TIERS:
        if t == tier:
            counts.append(TierCount(t, report.count, report.count_exact))
            continue
        other = build(record, parties, as_of, issues, t)
        zone = count_zone(other, decompose(other), budget)
        counts.append(TierCount(t, zone.total, zone.exact))
    return replace(
        report,
        tier=tier,
        tiers=tuple(counts),
        coverage=_coverage(record, report, as_of),
        workspace=record.manifest.title,
        scenarios=record.scenarios,
    )


def _coverage(record: Record, report: ZoneReport, as_of: date) -> tuple[Coverage, ...]:
    out = []
    for party in report.parties:
        silent = tuple(
            i for i in report.issues if of_position(record.issue(i), record.position(party, i, as_of)) is None
        )
        if silent:
            out.append(Coverage(party, silent))
    return tuple(out)


__all__ = [
    "RANKINGS",
    "TIERS",
    "Budget",
    "Ranking",
    "Tier",
    "ZoneDiff",
    "ZoneModel",
    "ZoneReport",
    "analyse",
    "build",
    "diff_zones",
    "solve",
]
