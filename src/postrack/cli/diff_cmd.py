"""``positions diff``: everything that moved between two dates, and the gaps between the parties."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Group
from rich.table import Table
from rich.text import Text

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
)
from postrack.cli.output import emit
from postrack.loading import load_record
from postrack.tracker.diff import Diff
from postrack.tracker.diff import diff as run_diff
from postrack.views.controls import clean
from postrack.views.terminal import term as escape
from postrack.views.titles import headed
from postrack.views.tracker_md import diff_md, diff_summary

TREND_STYLE = {"converging": "green", "diverging": "red", "steady": "", "unknown": "dim"}


def diff(
    start: Annotated[str, typer.Option("--from", help="First date, YYYY-MM-DD.", show_default=False)],
    end: Annotated[
        str | None, typer.Option("--to", help="Second date, YYYY-MM-DD [default: today].", show_default=False)
    ] = None,
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    wide: WideOption = False,
) -> None:
    """What moved between two dates: stances, red lines, conditions, salience, and the statements behind it.

    For each issue and pair of parties it also gives the gap between them on both dates (0: they
    share an acceptable option; on an ordered issue, steps along the scale otherwise), so
    convergence or divergence is a number. Nothing dated after --as-of is used.
    """
    record = load_record(data_dir(data))
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    result = run_diff(
        record,
        chosen,
        parse_date(start, "--from"),
        parse_date(end, "--to", horizon=record.manifest.horizon if end else None),
        parse_date(as_of, horizon=record.manifest.horizon),
    )
    emit(fmt, result, tables, diff_md, wide)


def tables(result: Diff) -> Group:
    title = headed(result.workspace, f"What moved from {result.start} to {result.end} (as of {result.as_of})")
    moves = Table(title=Text(title), show_lines=True)
    for column in ("party", "issue", "stances", "salience", "conditions", "statements"):
        moves.add_column(column, overflow="fold")
    for move in result.moves:
        stances = [f"{m.option}: {m.before or '—'} → {m.after or '—'}" for m in move.stances]
        stances += ["no net change"] if move.net_zero else []
        conditions = [f"+ {c.id}" for c in move.conditions_added] + [
            f"- {c}" for c in move.conditions_dropped
        ]
        salience = f"{move.salience[0] or '—'} → {move.salience[1] or '—'}" if move.salience else ""
        statements = [f"{c.date} {c.kind}: {c.summary}" for c in move.changes]
        cells = (
            move.party,
            move.issue,
            "\n".join(stances),
            salience,
            "\n".join(conditions),
            "\n".join(statements),
        )
        moves.add_row(*(Text(clean(c)) for c in cells))
    if not result.moves:
        moves.caption = "nothing moved"
    gaps = Table(title="Gaps between the parties (0 = a shared acceptable option)")
    for column in ("issue", "pair", str(result.start), str(result.end), "trend"):
        gaps.add_column(column, overflow="fold")
    for g in result.gaps:
        values = ("—" if v is None else str(v) for v in (g.before, g.after))
        gaps.add_row(
            escape(g.issue), escape(" / ".join(g.parties)), *values, Text(g.trend, style=TREND_STYLE[g.trend])
        )
    summary = Text(clean("\n".join(diff_summary(result))) + "\n")
    return Group(summary, moves, gaps)
