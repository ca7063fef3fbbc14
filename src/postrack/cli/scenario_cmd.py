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
from postrack.views.scenario_md import conflict_lines, markdown, scenario_id, zone_lines
from postrack.views.terminal import term

if TYPE_CHECKING:
    from postrack.scenarios.impact import ScenarioRun

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
        f"[bold]{term(result.title)}[/] ({term(scenario_id(result))}) — as of {result.as_of}",
        f"{term(result.rationale)}\n",
        table(result),
        "\n[bold]Deal zone[/]",
        *(Text(clean(f"  {line}")) for line in zone_lines(result)),
    ]
    for heading, items in conflict_lines(result):
        out.append(f"\n[bold]{heading}[/]")
        out += [Text(clean(f"  {line}")) for line in items] or ["  none"]
    return Group(*out)


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


def list_scenarios(data: DataOption = None) -> None:
    """List the workspace's scenarios (its scenarios/ folder) with their dates and titles."""
    for path in sorted(scenarios_dir(data_dir(data)).glob("*.yaml")):
        scenario, _ = read_scenario(path)
        typer.echo(f"{path.stem:<32} {scenario.as_of}  {scenario.title}")


app.command("run")(guarded(run))
app.command("list")(guarded(list_scenarios))
