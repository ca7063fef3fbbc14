"""A scenario run as Markdown, and the plain lines its terminal view shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from postrack.views.markdown import md_cell

if TYPE_CHECKING:  # the zone engine behind a run loads only when a scenario runs
    from postrack.scenarios.impact import ConflictChange, ScenarioRun


def scenario_id(result: ScenarioRun) -> str:
    """The scenario's name (its file name without .yaml), which every view shows beside the title."""
    return result.scenario.scenarios[-1].id if result.scenario.scenarios else ""


def conflict_lines(result: ScenarioRun) -> list[tuple[str, list[str]]]:
    """Conflicts resolved, new and changed, each as plain lines (each target escapes them)."""

    def line(c: ConflictChange) -> str:
        was = f" (was: {c.was})" if c.was else ""
        return f"{c.issue} ({' × '.join(c.parties)}): {c.message}{was}"

    impact = result.impact
    return [
        ("Conflicts resolved", [line(c) for c in impact.conflicts_resolved]),
        ("New conflicts", [line(c) for c in impact.conflicts_new]),
        ("Conflicts that remain, changed", [line(c) for c in impact.conflicts_changed]),
    ]


def markdown(result: ScenarioRun) -> str:
    lines = [
        f"# Scenario: {md_cell(result.title)} ({md_cell(scenario_id(result))})",
        "",
        f"As of {result.as_of}. {md_cell(result.rationale)}",
        "",
    ]
    lines += ["| issue | pair | baseline | scenario |", "|---|---|---|---|"]
    for c in result.impact.status_changes:
        before = md_cell(f"{c.before} {', '.join(c.common_before)}".strip())
        after = md_cell(f"{c.after} {', '.join(c.common_after)}".strip())
        lines.append(f"| {c.issue} | {' × '.join(c.parties)} | {before} | {after} |")
    for heading, items in conflict_lines(result):
        lines += ["", f"## {heading}", ""]
        lines += [f"- {md_cell(item)}" for item in items] or ["- none"]
    lines += ["", "## Deal zone", "", *(f"- {md_cell(line)}" for line in zone_lines(result))]
    return "\n".join(lines) + "\n"


def zone_lines(result: ScenarioRun) -> list[str]:
    """The change of the deal zone in a few plain sentences."""
    z = result.zones

    def state(empty: bool, count: int) -> str:
        return "empty" if empty else f"{count:,} package{'' if count == 1 else 's'}"

    lines = [f"{state(z.was_empty, z.count_before)} → {state(z.is_empty, z.count_after)}"]
    for change in z.issues:
        moved = [f"+{o}" for o in change.entered] + [f"-{o}" for o in change.left]
        lines.append(f"{change.issue}: {' '.join(moved)}")
    if z.best_appeared:
        first = z.best_appeared[0].options
        lines.append("new best package: " + ", ".join(f"{i}={o}" for i, o in first))
        for k, package in enumerate(z.best_appeared[1:], start=2):
            differs = [f"{i}={o}" for (i, o), (_, p) in zip(package.options, first, strict=False) if o != p]
            lines.append(
                f"  new best package {k}: as the first but {', '.join(differs) or 'the same options'}"
            )
    return lines
