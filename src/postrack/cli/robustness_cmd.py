"""``positions robustness``: how much every verdict depends on doubtful statements and weak sources."""

from __future__ import annotations

from postrack.cli import robustness_view
from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    IssuesOption,
    PartiesOption,
    data_dir,
    parse_date,
    parse_issues,
    parse_parties,
)
from postrack.cli.output import emit
from postrack.cli.robustness_view import SamplesOption, SchedulerOption, SeedOption
from postrack.loading import load_record
from postrack.robustness import SAMPLES
from postrack.views.robustness_md import markdown


def robustness(
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    issues: IssuesOption = None,
    fmt: FormatOption = Format.table,
    samples: SamplesOption = SAMPLES,
    seed: SeedOption = 0,
    scheduler: SchedulerOption = None,
    data: DataOption = None,
) -> None:
    """How sure are we: what every verdict rests on and how likely it holds.

    For each compare cell, each zone tier's emptiness, the top-ranked package and the cheapest
    concession set: the statements whose absence alone would change it, the smallest set of
    doubtful statements whose absence flips it, and the probability it holds over the credences
    (exact when few statements and sources touch it, else Monte Carlo with a 95% interval).
    Credences come from each statement's confidence and its sources' reliability
    (negotiation.yaml `credence:`, or a statement's own `credence:`); see docs/robustness.md.
    """
    record = load_record(data_dir(data))
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    wanted = parse_issues(issues)
    report = robustness_view.run(
        record,
        chosen,
        parse_date(as_of, horizon=record.manifest.horizon),
        wanted,
        samples=samples,
        seed=seed,
        scheduler=scheduler,
        zones="all",
    )
    emit(fmt, report, robustness_view.table, markdown)
