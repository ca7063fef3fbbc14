"""Running a robustness analysis from the command line (workers, progress) and presenting it.

Shared by ``positions robustness`` and the ``--robustness`` columns of ``compare`` and ``zones``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from postrack.cli.console import stderr_console
from postrack.compare import Comparison
from postrack.record import Record
from postrack.robustness import SAMPLES, RobustnessReport, analyse, wording
from postrack.robustness.executors import executor
from postrack.robustness.report import VerdictRobustness
from postrack.robustness.verdicts import Zones
from postrack.views.robustness_md import markdown, method
from postrack.zones.build import Tier

SamplesOption = Annotated[
    int,
    typer.Option(
        "--samples", min=100, max=10_000_000, help="Monte Carlo worlds for verdicts too wide to enumerate."
    ),
]
SeedOption = Annotated[
    int, typer.Option("--seed", min=0, help="Seed of the Monte Carlo draws (same seed, same numbers).")
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run the sampling on this Dask scheduler (e.g. tcp://host:8786) instead of the local cores.",
        show_default=False,
    ),
]


class _Bar:
    """A progress bar on stderr, shown only on a terminal and only once a run passes a second."""

    def __init__(self, console: Console) -> None:
        self.console, self.start = console, time.monotonic()
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if not self.console.is_terminal or time.monotonic() - self.start < 1.0:
                return
            self.progress = Progress(
                TextColumn("sampling worlds"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("sampling", total=total)
        assert self.task is not None
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def run(
    record: Record,
    parties: Sequence[str],
    as_of: date,
    issues: Sequence[str] | None,
    *,
    samples: int,
    seed: int,
    scheduler: str | None,
    zones: Zones,
    tier: Tier = "agreed",
) -> RobustnessReport:
    """The analysis, sampled on the local cores (or the Dask scheduler), with a progress bar."""
    bar = _Bar(stderr_console())
    try:
        with executor(scheduler) as pool:
            return analyse(
                record,
                parties,
                as_of,
                issues,
                samples=samples,
                seed=seed,
                executor=pool,
                progress=bar,
                zones=zones,
            )
    finally:
        bar.close()


def cells(record: Record, result: Comparison) -> RobustnessReport:
    """The robustness of the cells of a comparison (``compare --robustness``)."""
    issues = [i.issue for i in result.issues]
    return run(
        record, result.parties, result.as_of, issues, samples=SAMPLES, seed=0, scheduler=None, zones="none"
    )


def zones(
    record: Record, parties: Sequence[str], as_of: date, issues: Sequence[str] | None, tier: Tier
) -> RobustnessReport:
    """The robustness of the zone verdicts (``zones --robustness``), of the tier shown."""
    return run(
        record, parties, as_of, issues, samples=SAMPLES, seed=0, scheduler=None, zones="all", tier=tier
    )


def as_dict(report: RobustnessReport | None) -> dict[str, object]:
    """The ``robustness`` key added to a command's JSON (nothing without ``--robustness``)."""
    return {} if report is None else {"robustness": report.to_dict()}


def as_markdown(report: RobustnessReport | None) -> str:
    return "" if report is None else "\n" + markdown(report)


def table(report: RobustnessReport, kinds: Sequence[str] = ("cell", "zone", "top", "cheapest")) -> Table:
    """Verdict, value, probability it holds, and what it rests on: fits 80 columns."""
    title = f"How sure are we — as of {report.as_of}, {', '.join(report.parties)}"
    out = Table(title=escape(title), show_lines=False)
    out.add_column("verdict", style="bold", overflow="fold")
    out.add_column("is", overflow="fold")
    out.add_column("holds", no_wrap=True)
    out.add_column("rests on", overflow="fold")
    for r in report.verdicts:
        if r.verdict.kind not in kinds:
            continue
        style = "red" if r.weak_ground else ""
        out.add_row(
            escape(wording.label(r.verdict)),
            escape(wording.value(r.verdict)),
            f"[{style}]{wording.estimate(r.estimate)}[/]" if style else wording.estimate(r.estimate),
            escape(_rests(r)),
        )
    out.caption = escape(method(report))
    return out


def _rests(r: VerdictRobustness) -> str:
    n = len(r.rests_on)
    low = sum(x.confidence == "low" or x.weak for x in r.rests_on)
    text = f"{n} statement{'s' if n != 1 else ''}" + (f", {low} weak" if low else "")
    if r.flip:
        text += f"; flips w/o {len(r.flip)}"
    return text
