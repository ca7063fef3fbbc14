"""``positions history``: a party's dated chain of stances, each change classified and sourced."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    WideOption,
    data_dir,
    parse_date,
)
from postrack.cli.output import emit
from postrack.loading import load_record
from postrack.tracker.history import Change, PartyHistory
from postrack.tracker.history import history as party_history
from postrack.views.controls import clean
from postrack.views.titles import headed
from postrack.views.tracker_md import history_md

KIND_STYLE = {
    "hardening": "red",
    "softening": "green",
    "reframing": "yellow",
    "opening": "bold",
    "reaffirmed": "dim",
}


def history(
    party: Annotated[
        str, typer.Argument(help="Party id (the name of its file without .yaml).", show_default=False)
    ],
    issue: Annotated[
        str | None,
        typer.Option("--issue", "-i", help="Only this issue [default: every issue].", show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    wide: WideOption = False,
) -> None:
    """How a party's position moved: every statement in date order, marked hardening, softening or reframing.

    Each entry shows the position after the statement, why it counts as that kind of change, and its
    sources; corrections are shown as corrections. Nothing dated after --as-of is used.
    """
    record = load_record(data_dir(data))
    result = party_history(record, party, parse_date(as_of, horizon=record.manifest.horizon), issue)
    emit(fmt, result, table, history_md, wide)


def table(result: PartyHistory) -> Table:
    title = headed(result.workspace, f"History of {result.name} as of {result.as_of}")
    out = Table(title=Text(title), show_lines=True)
    for column in ("date", "issue", "change", "position after", "summary and sources"):
        out.add_column(column, overflow="fold")
    for change in result.changes():
        out.add_row(*change_cells(change))
    if not result.changes():
        out.caption = "no statements on record"
    return out


def change_cells(change: Change) -> list[Text]:
    """Cells shared by the history and timeline tables; plain Text so data never turns into markup."""
    after = change.after
    held = [
        f"{s}: {', '.join(after.options(s))}"
        for s in ("demand", "acceptable", "red_line")
        if after.options(s)
    ]
    notes = [f"corrects {change.corrects}"] if change.corrects else []
    notes += [f"corrected by {change.corrected_by}"] if change.corrected_by else []
    kind = Text(change.kind, style=KIND_STYLE[change.kind])
    kind.append(clean("".join(f"\n{line}" for line in (*notes, *change.reasons))), style="dim")
    sources = ", ".join(s.id for s in change.sources)
    return [
        Text(str(change.date)),
        Text(change.issue),
        kind,
        Text(clean("\n".join(held) or "—")),
        Text(clean(f"{change.summary}\n[{sources}]")),
    ]
