"""Baseline against each scenario: which pairs change status, which conflicts go or come."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from postrack.briefing.footnotes import Footnotes
from postrack.briefing.issues import conditional_overlaps, incompatibilities
from postrack.briefing.labels import Labels
from postrack.briefing.zone_section import TOP_PACKAGES, ZoneChange, zone_change
from postrack.compare import Comparison
from postrack.model.scenario import Scenario
from postrack.problems import UserError
from postrack.record import Record
from postrack.scenarios import overlay
from postrack.scenarios.impact import run_scenario
from postrack.sources import CitedSource
from postrack.zones import ZoneReport


@dataclass(frozen=True)
class StatusShift:
    issue: str
    pair: str
    before: str
    after: str
    common_before: tuple[str, ...]
    common_after: tuple[str, ...]


@dataclass(frozen=True)
class ScenarioSection:
    title: str
    rationale: str
    file: str
    as_of: str
    notes: tuple[int, ...]
    shifts: tuple[StatusShift, ...]
    resolved: tuple[str, ...]
    new: tuple[str, ...]
    zone: ZoneChange


@dataclass(frozen=True)
class ScenarioRecord:
    """A scenario overlaid on the baseline, ready to be compared with it."""

    path: Path
    scenario: Scenario
    record: Record


def overlay_all(baseline: Record, paths: list[Path], as_of: date) -> tuple[ScenarioRecord, ...]:
    """Each scenario overlaid on the baseline on its own (they are alternatives, not a sequence)."""
    out = []
    for path in paths:
        record, scenario = overlay(baseline, path)
        if scenario.as_of > as_of:
            raise UserError.single(
                f"scenario is set on {scenario.as_of}, after the memo's date {as_of}:"
                " its changes would not show",
                path,
            )
        out.append(ScenarioRecord(path, scenario, record))
    return tuple(out)


def scenario_section(
    baseline: Record,
    baseline_zone: ZoneReport,
    found: ScenarioRecord,
    parties: list[str],
    as_of: date,
    notes: Footnotes,
) -> ScenarioSection:
    run = run_scenario(
        baseline, found.record, found.scenario, parties, as_of, baseline_zone=baseline_zone, top=TOP_PACKAGES
    )
    before_labels, after_labels = Labels(baseline), Labels(found.record)
    before = _conflict_lines(run.baseline, baseline, as_of, before_labels)
    after = _conflict_lines(run.scenario, found.record, as_of, after_labels)
    return ScenarioSection(
        title=found.scenario.title,
        rationale=found.scenario.rationale,
        file=found.path.name,
        as_of=found.scenario.as_of.isoformat(),
        notes=notes.cite(_basis(found)),
        shifts=tuple(
            StatusShift(
                issue=after_labels.issue(c.issue),
                pair=after_labels.pair(c.parties),
                before=c.before,
                after=c.after,
                common_before=before_labels.options(c.issue, c.common_before),
                common_after=after_labels.options(c.issue, c.common_after),
            )
            for c in run.impact.status_changes
        ),
        resolved=tuple(line for line in before if line not in after),
        new=tuple(line for line in after if line not in before),
        zone=zone_change(run.zones, after_labels),
    )


def _conflict_lines(result: Comparison, record: Record, as_of: date, labels: Labels) -> tuple[str, ...]:
    return tuple(
        f"{issue.title}: {line}"
        for issue in result.issues
        for line in (*incompatibilities(issue, labels), *conditional_overlaps(issue, record, as_of, labels))
    )


def _basis(found: ScenarioRecord) -> tuple[CitedSource, ...]:
    """The documents a scenario is built on, cited like any other source."""
    return tuple(
        CitedSource(
            id=f"{found.path.stem}-basis-{n}",
            outlet=b.outlet,
            title=b.title,
            date=b.date,
            url=b.url,
            reliability="secondary",
            evidence="",
        )
        for n, b in enumerate(found.scenario.basis)
    )
