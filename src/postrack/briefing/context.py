"""The memo as typed data, built from the library's results, and as plain data for templates.

Sections are built in the order the shipped templates print them, so the source notes come out
numbered in order of first use. Templates receive :func:`plain` data only (dicts, lists,
strings, numbers), never live objects with methods.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from postrack.briefing.footnotes import Footnotes, Note
from postrack.briefing.forecast_section import ForecastSection, forecast_section
from postrack.briefing.issues import IssueSection, Matrix, matrix, sections
from postrack.briefing.labels import Labels, joined
from postrack.briefing.linkage_figure import Linkage, linkage
from postrack.briefing.moves import Convergence, Moved, convergence, moved
from postrack.briefing.robustness_section import RobustnessSection, robustness_section
from postrack.briefing.scenario_section import ScenarioSection, overlay_all, scenario_section
from postrack.briefing.stability_section import StabilitySection, stability_section
from postrack.briefing.summary import summarise
from postrack.briefing.timeline import Frame, timeline
from postrack.briefing.zone_section import ZoneSection, zone_report, zone_section
from postrack.compare import compare
from postrack.problems import UsageError
from postrack.record import Record

CLASSIFICATION = "UNCLASSIFIED — compiled from open sources; not an official position of any party"


@dataclass(frozen=True)
class PartyRef:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Memo:
    title: str
    negotiation: str
    """The workspace's title (its manifest), so the memo says which negotiation it briefs on."""
    as_of: str
    since: str
    classification: str
    parties: tuple[PartyRef, ...]
    summary: tuple[str, ...]
    matrix: Matrix
    issues: tuple[IssueSection, ...]
    zone: ZoneSection
    linkage: Linkage | None
    stability: StabilitySection | None
    scenarios: tuple[ScenarioSection, ...]
    moved: Moved | None
    convergence: Convergence | None
    sources: tuple[Note, ...]
    weak: int
    timeline: tuple[Frame, ...]
    """The matrix on each day it changed, for the HTML memo's date control; empty unless asked for."""
    forecast: ForecastSection | None = None
    robustness: RobustnessSection | None = None


def build_memo(
    record: Record,
    parties: list[str],
    as_of: date,
    since: date | None = None,
    scenarios: list[Path] | tuple[Path, ...] = (),
    with_forecast: bool = False,
    with_timeline: bool = False,
) -> Memo:
    """Everything a memo says about ``parties`` as of ``as_of``; ``since`` adds what moved after it,
    ``with_timeline`` the matrix through the dated record (the HTML memo's date control)."""
    if since is not None and since > as_of:
        raise UsageError.single(f"--since {since} is after the memo's date {as_of}")
    overlaid = overlay_all(record, list(scenarios), as_of)
    labels, notes = Labels(record), Footnotes()
    result = compare(record, parties, as_of)
    grid = matrix(result, record, labels)
    issue_sections = sections(result, record, labels, notes)
    shown_zone, agreed_zone = zone_report(record, parties, as_of)
    zone = zone_section(shown_zone, record, labels, notes)
    scenario_sections = tuple(
        scenario_section(record, agreed_zone, s, parties, as_of, notes) for s in overlaid
    )
    movement = moved(record, parties, since, as_of, labels, notes) if since is not None else None
    stability = stability_section(record, parties, as_of, labels) if len(parties) > 1 else None
    names = [labels.party(p) for p in parties]
    weak = sum(1 for i in issue_sections for s in i.stances if s.weak)
    return Memo(
        title=f"Briefing: {joined(names)}",
        negotiation=record.manifest.title,
        as_of=as_of.isoformat(),
        since=since.isoformat() if since else "",
        classification=record.manifest.classification or CLASSIFICATION,
        parties=tuple(PartyRef(p, labels.party(p), record.parties[p].party.role) for p in parties),
        summary=summarise(
            as_of, names, grid, issue_sections, zone, stability, scenario_sections, movement, weak
        ),
        matrix=grid,
        issues=issue_sections,
        zone=zone,
        linkage=linkage(record, parties, as_of, labels),
        stability=stability,
        scenarios=scenario_sections,
        moved=movement,
        convergence=convergence(record, parties, as_of, labels),
        sources=notes.notes(),
        weak=weak,
        timeline=timeline(record, parties, as_of, labels) if with_timeline else (),
        forecast=forecast_section(record, parties, as_of, labels) if with_forecast else None,
        robustness=robustness_section(record, parties, as_of),
    )


def plain(memo: Memo) -> dict[str, Any]:
    """The memo as nested dicts, lists, strings and numbers: all a template can see."""
    data: dict[str, Any] = _plain(dataclasses.asdict(memo))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
