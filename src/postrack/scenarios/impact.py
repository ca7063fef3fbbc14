"""What a scenario changes compared with the baseline: pair statuses, conflicts, the deal zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.compare import Comparison, Status, compare
from postrack.model.scenario import Scenario
from postrack.record import Record
from postrack.rules import Finding
from postrack.zones import ZoneDiff, ZoneReport, analyse, diff_zones


@dataclass(frozen=True)
class StatusChange:
    issue: str
    parties: tuple[str, str]
    before: Status
    after: Status
    common_before: tuple[str, ...]
    common_after: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "parties": list(self.parties),
            "before": self.before,
            "after": self.after,
            "common_before": list(self.common_before),
            "common_after": list(self.common_after),
        }


@dataclass(frozen=True)
class ConflictChange:
    issue: str
    parties: tuple[str, str]
    message: str
    was: str = ""
    """For a conflict that stays but reads differently: what it was in the baseline."""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"issue": self.issue, "parties": list(self.parties), "message": self.message}
        if self.was:
            out["was"] = self.was
        return out


@dataclass(frozen=True)
class CompareImpact:
    status_changes: tuple[StatusChange, ...]
    conflicts_resolved: tuple[ConflictChange, ...]
    conflicts_new: tuple[ConflictChange, ...]
    conflicts_changed: tuple[ConflictChange, ...] = ()
    """Pairs in conflict on an issue both before and after, for other reasons: neither resolved nor new."""

    def to_dict(self) -> dict[str, object]:
        return {
            "status_changes": [c.to_dict() for c in self.status_changes],
            "conflicts_resolved": [c.to_dict() for c in self.conflicts_resolved],
            "conflicts_new": [c.to_dict() for c in self.conflicts_new],
            "conflicts_changed": [c.to_dict() for c in self.conflicts_changed],
        }


def compare_impact(before: Comparison, after: Comparison) -> CompareImpact:
    """Pairs whose status or shared options moved, and red-line conflicts gone, new or changed.

    A conflict is one party's red line (or blocked condition) against an option the other wants;
    when only its wording moves ("which russia demands" → "accepts") it is changed, never both
    resolved and new."""
    changes, resolved, new, changed = [], [], [], []
    for x, y in zip(before.issues, after.issues, strict=True):
        for p, q in zip(x.pairs, y.pairs, strict=True):
            if (p.status, p.common) != (q.status, q.common):
                changes.append(StatusChange(x.issue, p.parties, p.status, q.status, p.common, q.common))
            old, now = _conflicts(p.findings), _conflicts(q.findings)
            resolved += [ConflictChange(x.issue, p.parties, old[k]) for k in old if k not in now]
            new += [ConflictChange(x.issue, p.parties, now[k]) for k in now if k not in old]
            changed += [
                ConflictChange(x.issue, p.parties, now[k], old[k])
                for k in now
                if k in old and now[k] != old[k]
            ]
    return CompareImpact(tuple(changes), tuple(resolved), tuple(new), tuple(changed))


def _conflicts(findings: tuple[Finding, ...]) -> dict[tuple[str, ...], str]:
    """Each conflict of a pair by what it is (rule, option, who blocks, who wants, which
    condition), sorted by message, with its message."""
    found = {
        (
            f.code,
            *f.options,
            f.detail("blocked_by"),
            f.detail("wanted_by") or f.detail("party"),
            f.detail("condition"),
        ): f.message
        for f in findings
        if f.code in ("PR004", "PR003")
    }
    return dict(sorted(found.items(), key=lambda item: item[1]))


@dataclass(frozen=True)
class ScenarioRun:
    title: str
    rationale: str
    as_of: date
    parties: tuple[str, ...]
    baseline: Comparison
    scenario: Comparison
    impact: CompareImpact
    zone: ZoneReport
    zones: ZoneDiff

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.scenario.scenarios[-1].id if self.scenario.scenarios else "",
            "title": self.title,
            "rationale": self.rationale,
            "as_of": self.as_of.isoformat(),
            "parties": list(self.parties),
            "impact": self.impact.to_dict(),
            "zones": self.zones.to_dict(),
            "scenario": self.scenario.to_dict(),
        }


def run_scenario(
    baseline: Record,
    overlaid: Record,
    scenario: Scenario,
    parties: list[str],
    as_of: date,
    *,
    baseline_zone: ZoneReport | None = None,
    top: int = 10,
) -> ScenarioRun:
    """Compare and zone the scenario against the baseline (pass ``baseline_zone`` when already known)."""
    before = compare(baseline, parties, as_of)
    after = compare(overlaid, parties, as_of)
    zone_before = baseline_zone if baseline_zone is not None else analyse(baseline, parties, as_of, top=top)
    zone_after = analyse(overlaid, parties, as_of, top=top)
    return ScenarioRun(
        scenario.title,
        scenario.rationale,
        as_of,
        tuple(parties),
        before,
        after,
        compare_impact(before, after),
        zone_after,
        diff_zones(zone_before, zone_after),
    )
