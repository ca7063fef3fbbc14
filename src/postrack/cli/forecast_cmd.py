"""``positions forecast``: where each ordered issue would settle, and the backtest of that forecast."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Group

from postrack.cli.forecast_view import backtest_markdown, backtest_tables, forecast_markdown, forecast_tables
from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    PartiesOption,
    ScenarioOption,
    data_dir,
    parse_date,
    parse_issues,
    parse_parties,
    scenario_files,
)
from postrack.cli.output import emit
from postrack.forecast import backtest as run_backtest
from postrack.forecast import forecast as run_forecast
from postrack.problems import UsageError
from postrack.scenarios import load_with_scenarios


def forecast(
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    scenario: ScenarioOption = None,
    issues: Annotated[
        str | None,
        typer.Option(
            "--issues", help="Comma-separated issue ids (default: every ordered issue).", show_default=False
        ),
    ] = None,
    backtest: Annotated[
        str | None,
        typer.Option(
            "--backtest",
            help="Forecast as of this date (YYYY-MM-DD) and score it against the record at --to.",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="With --backtest: the later date to score against.", show_default=False),
    ] = None,
) -> None:
    """Where will each ordered issue settle? Baselines and the expected-utility bargaining model.

    Per issue: the forecast option and the position behind it (weighted mean, weighted median and
    the Bueno de Mesquita model), each party's predicted move, who challenges whom, and the rounds
    to convergence. With --backtest FROM --to TO, the forecast made at FROM is scored against each
    party's recorded position at TO. See docs/forecast.md.
    """
    folder = data_dir(data)
    scenario = scenario_files(scenario, folder)
    record = load_with_scenarios(folder, scenario)
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    wanted = parse_issues(issues or None)
    if backtest is not None or to is not None:
        if backtest is None or to is None:
            raise UsageError.single(
                "--backtest and --to go together: give the date to forecast from and the date to score at"
            )
        start, end = parse_date(backtest, "--backtest"), parse_date(to, "--to")
        checked = run_backtest(record, chosen, start, end, wanted)
        emit(fmt, checked, lambda r: Group(*backtest_tables(r)), backtest_markdown)
        return
    result = run_forecast(
        record, chosen, parse_date(as_of, scenarios=scenario, horizon=record.manifest.horizon), wanted
    )
    emit(fmt, result, lambda r: Group(*forecast_tables(r)), forecast_markdown)
