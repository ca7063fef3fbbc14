"""What changed between two zone reports (a baseline and a scenario, or two dates)."""

from __future__ import annotations

from dataclasses import dataclass

from postrack.zones.report import Package, ToDict, ZoneReport


@dataclass(frozen=True)
class IssueChange(ToDict):
    """Options of one issue that entered or left the per-issue zone."""

    issue: str
    entered: tuple[str, ...]
    left: tuple[str, ...]


@dataclass(frozen=True)
class ZoneDiff(ToDict):
    was_empty: bool
    is_empty: bool
    count_before: int
    count_after: int
    issues: tuple[IssueChange, ...]
    """Only issues whose per-issue zone changed, in the order of the reports' issues."""
    best_appeared: tuple[Package, ...]
    best_disappeared: tuple[Package, ...]

    @property
    def opened(self) -> bool:
        return self.was_empty and not self.is_empty

    @property
    def closed(self) -> bool:
        return self.is_empty and not self.was_empty

    @property
    def count_change(self) -> int:
        return self.count_after - self.count_before

    @property
    def changed(self) -> bool:
        return bool(self.count_change or self.issues or self.best_appeared or self.best_disappeared)


def diff_zones(before: ZoneReport, after: ZoneReport) -> ZoneDiff:
    """Compare per-issue zones by option id and best packages by their options (not their rank).

    An issue present in only one report counts as all its zone options entering or leaving.
    """
    was = {z.issue: [c.option for c in z.in_zone] for z in before.issue_zones}
    now = {z.issue: [c.option for c in z.in_zone] for z in after.issue_zones}
    order = list(before.issues) + [i for i in after.issues if i not in was]
    changes = []
    for issue in order:
        old, new = was.get(issue, []), now.get(issue, [])
        entered = tuple(o for o in new if o not in old)
        left = tuple(o for o in old if o not in new)
        if entered or left:
            changes.append(IssueChange(issue, entered, left))
    old_best = {p.options for p in before.best}
    new_best = {p.options for p in after.best}
    return ZoneDiff(
        was_empty=before.empty,
        is_empty=after.empty,
        count_before=before.count,
        count_after=after.count,
        issues=tuple(changes),
        best_appeared=tuple(p for p in after.best if p.options not in old_best),
        best_disappeared=tuple(p for p in before.best if p.options not in new_best),
    )
