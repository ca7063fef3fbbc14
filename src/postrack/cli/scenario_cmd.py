"""``positions scenario``: run a what-if against the baseline and list the shipped ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from postrack.cli.errors import guarded
from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    PartiesOption,
    WideOption,
    data_dir,
    parse_date,
    parse_parties,
    scenario_files,
)
from postrack.cli.output import emit
from postrack.loading import load_record
from postrack.paths import scenarios_dir
from postrack.scenarios import overlay, read_scenario
from postrack.views.controls import clean
from postrack.views.markdown import md_cell
from postrack.views.terminal import term

if TYPE_CHECKING:
    from postrack.scenarios.impact import ConflictChange, ScenarioRun

app = typer.Typer(help="Run what-if scenarios against the baseline.", no_args_is_help=True)


def run(
    file: Annotated[
        Path, typer.Argument(help="Scenario YAML, or the name of one in the workspace's scenarios/ folder.")
    ],
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    wide: WideOption = False,
) -> None:
    """Apply a scenario to the baseline and show what changes: statuses, conflicts, deal zone."""
    from postrack.scenarios.impact import run_scenario  # the zone engine loads only when this runs

    folder = data_dir(data)
    path = scenario_files([file], folder)[0]
    baseline = load_record(folder)
    overlaid, scenario = overlay(baseline, path)
    chosen = parse_parties(parties, sorted(overlaid.parties), tuple(overlaid.manifest.parties))
    day = parse_date(as_of, scenarios=[path], horizon=baseline.manifest.horizon)
    result = run_scenario(baseline, overlaid, scenario, chosen, day)
    emit(fmt, result, terminal, markdown, wide)


def terminal(result: ScenarioRun) -> RenderableType:
    """Title and rationale, the status changes, the zone, then the conflicts, as in Markdown."""
    out: list[RenderableType] = [
        f"[bold]{term(result.title)}[/] ({term(_id(result))}) — as of {result.as_of}",
        f"{term(result.rationale)}\n",
        table(result),
        "\n[bold]Deal zone[/]",
        *(Text(clean(f"  {line}")) for line in zone_lines(result)),
    ]
    for heading, items in _conflicts(result):
        out.append(f"\n[bold]{heading}[/]")
        out += [Text(clean(f"  {line}")) for line in items] or ["  none"]
    return Group(*out)


def _id(result: ScenarioRun) -> str:
    return result.scenario.scenarios[-1].id if result.scenario.scenarios else ""


def _conflicts(result: ScenarioRun) -> list[tuple[str, list[str]]]:
    def line(c: ConflictChange) -> str:
        was = f" (was: {c.was})" if c.was else ""
        return f"{c.issue} ({' × '.join(c.parties)}): {c.message}{was}"

    impact = result.impact
    return [
        ("Conflicts resolved", [line(c) for c in impact.conflicts_resolved]),
        ("New conflicts", [line(c) for c in impact.conflicts_new]),
        ("Conflicts that remain, changed", [line(c) for c in impact.conflicts_changed]),
    ]


def table(result: ScenarioRun) -> Table:
    out = Table(title="Changes against the baseline", show_lines=True)
    for column in ("issue", "pair", "baseline", "scenario"):
        out.add_column(column, overflow="fold")
    for c in result.impact.status_changes:
        out.add_row(
            c.issue,
            " × ".join(c.parties),
            f"{c.before} {', '.join(c.common_before)}".strip(),
            f"{c.after} {', '.join(c.common_after)}".strip(),
        )
    if not result.impact.status_changes:
        out.caption = "no pair changes status"
    return out


def markdown(result: ScenarioRun) -> str:
    lines = [
        f"# Scenario: {md_cell(result.title)} ({md_cell(_id(result))})",
        "",
        f"As of {result.as_of}. {md_cell(result.rationale)}",
        "",
    ]
    lines += ["| issue | pair | baseline | scenario |", "|---|---|---|---|"]
    for c in result.impact.status_changes:
        before = md_cell(f"{c.before} {', '.join(c.common_before)}".strip())
        after = md_cell(f"{c.after} {', '.join(c.common_after)}".strip())
        lines.append(f"| {c.issue} | {' × '.join(c.parties)} | {before} | {after} |")
    for heading, items in _conflicts(result):
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


def list_scenarios(data: DataOption = None) -> None:
    """List the workspace's scenarios (its scenarios/ folder) with their dates and titles."""
    for path in sorted(scenarios_dir(data_dir(data)).glob("*.yaml")):
        scenario, _ = read_scenario(path)
        typer.echo(f"{path.stem:<32} {scenario.as_of}  {scenario.title}")


app.command("run")(guarded(run))
app.command("list")(guarded(list_scenarios))
