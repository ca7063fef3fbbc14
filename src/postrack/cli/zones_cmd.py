"""``positions zones``: the deal zone, its best packages and the cheapest concessions."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Group

from postrack.cli import robustness_view
from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    IssuesOption,
    PartiesOption,
    ScenarioOption,
    WideOption,
    data_dir,
    parse_date,
    parse_issues,
    parse_parties,
    scenario_files,
)
from postrack.cli.output import emit, show
from postrack.problems import UsageError
from postrack.scenarios import load_with_scenarios


class TierChoice(StrEnum):
    agreed = "agreed"
    tolerated = "tolerated"


class RankingChoice(StrEnum):
    nash = "nash"
    egalitarian = "egalitarian"
    utilitarian = "utilitarian"


def zones(
    data: DataOption = None,
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    scenario: ScenarioOption = None,
    issues: IssuesOption = None,
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
    tier: Annotated[
        TierChoice,
        typer.Option(
            "--tier",
            help="The zone reported in detail: agreed (every party with a stance accepts) or tolerated"
            " (no red line rejects; silence passes). Both sizes are always shown.",
        ),
    ] = TierChoice.agreed,
    memory: Annotated[
        int,
        typer.Option(
            "--memory-budget",
            min=1,
            help="MiB the exact elimination may use per part; a part needing more is solved by"
            " CP-SAT and counted by Ganak instead.",
        ),
    ] = 1024,
    seconds: Annotated[
        float,
        typer.Option(
            "--count-time",
            min=0.1,
            help="Seconds Ganak may take to count a part; past that the count is reported as bounds.",
        ),
    ] = 10.0,
    fmt: FormatOption = Format.table,
    wide: WideOption = False,
    robustness: Annotated[
        bool,
        typer.Option("--robustness", help="Add how likely each zone verdict holds and what it rests on."),
    ] = False,
) -> int:
    """Which packages (one option per issue) the parties could sign, exactly, in two tiers.

    The agreed zone: every party with a stance accepts the package's option on each issue. The
    tolerated zone: no red line rejects it. Reports both sizes and who has no stance where; then,
    for the chosen tier, per issue, the options some package
    uses and why the others never occur; the best packages under a ranking with their Pareto
    status; and, when the zone is empty (or with --improve), the cheapest concessions with the
    sources of what they relax.
    """
    if target is not None and improve is None:
        raise UsageError.single("--target needs --improve PARTY")
    from postrack.cli import zones_view  # the engine (numpy, networkx) loads only when this command runs
    from postrack.zones import Budget, analyse

    folder = data_dir(data)
    scenario = scenario_files(scenario, folder)
    record = load_with_scenarios(folder, scenario)
    wanted = parse_issues(issues)
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    date = parse_date(as_of, scenarios=list(scenario or []), horizon=record.manifest.horizon)
    report = analyse(
        record,
        chosen,
        date,
        issues=wanted,
        ranking=ranking.value,
        top=top,
        improve=improve,
        target=target,
        tier=tier.value,
        budget=Budget(memory=memory * 2**20, seconds=seconds),
    )
    sure = robustness_view.zones(record, chosen, date, wanted, tier.value) if robustness else None
    if sure is None:
        emit(fmt, report, zones_view.table, zones_view.markdown, wide)
    elif fmt is Format.json:
        emit(fmt, report.to_dict() | robustness_view.as_dict(sure), lambda r: Group())
    elif fmt is Format.md:
        emit(
            fmt,
            report,
            lambda r: Group(),
            lambda r: zones_view.markdown(r) + robustness_view.as_markdown(sure),
        )
    else:
        show(Group(zones_view.table(report), robustness_view.table(sure, ("zone", "top", "cheapest"))), wide)
    return 0
