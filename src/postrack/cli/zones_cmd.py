"""``positions zones``: the deal zone, its best packages and the cheapest concessions."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    PartiesOption,
    data_dir,
    parse_date,
    parse_parties,
)
from postrack.loading import load_record
from postrack.problems import UserError
from postrack.scenarios import load_with_scenarios
from postrack.zones import analyse
from postrack.zones.markdown import RANKING_NAMES, render, source_note, why_excluded
from postrack.zones.report import ConcessionReport, ZoneReport


class RankingChoice(StrEnum):
    nash = "nash"
    egalitarian = "egalitarian"
    utilitarian = "utilitarian"


def zones(
    data: DataOption = None,
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    scenario: Annotated[
        list[Path] | None,
        typer.Option(
            "--scenario",
            help="Scenario file overlaid on the data before the analysis (repeatable, in order);"
            " its date is the default --as-of.",
        ),
    ] = None,
    issues: Annotated[
        str | None,
        typer.Option(
            "--issues", help="Comma-separated issue ids (default: every issue).", show_default=False
        ),
    ] = None,
    ranking: Annotated[
        RankingChoice, typer.Option("--ranking", help="How the best packages are ranked.")
    ] = RankingChoice.nash,
    top: Annotated[int, typer.Option("--top", min=1, max=1000, help="How many best packages to list.")] = 10,
    improve: Annotated[
        str | None,
        typer.Option(
            "--improve",
            help="Cheapest concessions by the others so that this party gets at least --target.",
            show_default=False,
        ),
    ] = None,
    target: Annotated[
        float | None,
        typer.Option(
            "--target",
            min=0.0,
            max=1.0,
            help="Utility (0-1) for --improve (default: the party's best within its own red lines).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
) -> int:
    """Which packages (one option per issue) pass every red line and condition, exactly.

    Reports whether the zone is empty and its exact size; per issue, the options some package
    uses and why the others never occur; the best packages under a ranking with their Pareto
    status; and, when the zone is empty (or with --improve), the cheapest concessions with the
    sources of what they relax.
    """
    if target is not None and improve is None:
        raise UserError.single("--target needs --improve PARTY")
    record = load_with_scenarios(data, list(scenario)) if scenario else load_record(data_dir(data))
    wanted = [i.strip() for i in issues.split(",") if i.strip()] if issues is not None else None
    report = analyse(
        record,
        parse_parties(parties, sorted(record.parties)),
        parse_date(as_of, scenarios=list(scenario or [])),
        issues=wanted,
        ranking=ranking.value,
        top=top,
        improve=improve,
        target=target,
    )
    if fmt is Format.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif fmt is Format.md:
        print(render(report), end="")
    else:
        _table(report, Console())
    return 0


def _table(report: ZoneReport, console: Console) -> None:
    state = "[bold red]empty[/]" if report.empty else f"[bold green]{report.count:,} packages[/]"
    console.print(f"Deal zone of {', '.join(report.parties)} as of {report.as_of}: {state}")
    zones = Table(title="Per-issue zone", show_lines=True)
    for name in ("Issue", "Part", "In the zone (packages)", "Never in the zone: why"):
        zones.add_column(name, overflow="fold")
    for z in report.issue_zones:
        why = [f"{e.option}: {why_excluded(e, z.issue)}" for e in z.excluded if e.blocked_by]
        elsewhere = [e.option for e in z.excluded if not e.blocked_by]
        if elsewhere:
            why.append(f"{', '.join(elsewhere)}: only because another part has no package")
        zones.add_row(
            z.issue,
            str(z.part),
            "\n".join(f"{c.option} ({c.packages:,})" for c in z.in_zone) or "-",
            "\n".join(why) or "-",
        )
    console.print(zones)
    if report.best:
        best = Table(title=f"Best packages: {RANKING_NAMES[report.ranking]}")
        for name in ("#", "Score", "Pareto", *report.parties, "Package"):
            best.add_column(name, overflow="fold")
        for p in report.best:
            utils = ["-" if u.utility is None else f"{u.utility:.3f}" for u in p.utilities]
            package = ", ".join(f"{i}={o}" for i, o in p.options)
            best.add_row(str(p.rank), f"{p.score:.4g}", "yes" if p.pareto else "no", *utils, package)
        console.print(best)
    if report.concessions is not None:
        _concessions(report.concessions, console)
    for note in report.notes:
        console.print(f"[dim]note: {note}[/]")


def _concessions(c: ConcessionReport, console: Console) -> None:
    goal = "open the zone" if c.mode == "open" else f"give {c.party} at least {c.target:.3f}"
    if c.cost is None:
        console.print(f"No concessions by the others can {goal}.")
        return
    if c.cost == 0:
        console.print(f"No concession is needed to {goal}.")
        return
    more = "" if c.complete else " (more of the same cost exist)"
    console.print(f"Cheapest concessions to {goal}: cost {c.cost}, {len(c.sets)} set(s){more}")
    table = Table(show_lines=True)
    for name in ("Set", "Concession", "Cost", "Source", "Opens"):
        table.add_column(name, overflow="fold")
    for k, s in enumerate(c.sets, start=1):
        for j, x in enumerate(s.concessions):
            table.add_row(
                str(k) if j == 0 else "",
                x.label(),
                str(x.cost),
                source_note(x),
                f"{s.opens:,}" if j == 0 else "",
            )
    console.print(table)
    singles = Table(title="Each concession alone")
    for name in ("Concession", "Cost", "Zone size after it alone"):
        singles.add_column(name, overflow="fold")
    for single in c.singles:
        singles.add_row(single.concession.label(), str(single.concession.cost), f"{single.opens:,}")
    console.print(singles)
