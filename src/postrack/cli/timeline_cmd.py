"""``positions timeline``: the chronology of rounds and documents with the stance changes made at each."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Group
from rich.table import Table
from rich.text import Text

from postrack.cli.history_cmd import change_cells
from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    WideOption,
    data_dir,
    parse_date,
    parse_parties,
)
from postrack.cli.output import emit
from postrack.loading import load_record
from postrack.tracker.timeline import Chronology, chronology, load_timeline
from postrack.views.controls import clean
from postrack.views.titles import headed
from postrack.views.tracker_md import chronology_md


def timeline(
    start: Annotated[
        str | None, typer.Option("--from", help="Only events from this date, YYYY-MM-DD.", show_default=False)
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Only events up to this date.", show_default=False)
    ] = None,
    parties: Annotated[
        str | None,
        typer.Option(
            "--parties", "-p", help="Comma-separated party ids [default: every party].", show_default=False
        ),
    ] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    wide: WideOption = False,
) -> None:
    """The rounds, summits and documents (timeline.yaml) in order, each with the stance changes made at it.

    A statement belongs to an event when dated from the day before it to three days after it (an
    event may set its own window); the nearest event wins. Statements at no event are listed apart.
    """
    folder = data_dir(data)
    record = load_record(folder)
    chosen = parse_parties(parties, sorted(record.parties), default=tuple(sorted(record.parties)))
    first = parse_date(start, "--from") if start else None
    last = parse_date(end, "--to", horizon=record.manifest.horizon) if end else None
    result = chronology(
        record, load_timeline(folder), chosen, parse_date(as_of, horizon=record.manifest.horizon), first, last
    )
    emit(fmt, result, tables, chronology_md, wide)


def tables(result: Chronology) -> Group:
    events = Table(title=Text(headed(result.workspace, f"Timeline as of {result.as_of}")), show_lines=True)
    for column in ("date", "event", "summary", "changes attached"):
        events.add_column(column, overflow="fold")
    for entry in result.events:
        e = entry.event
        when = str(e.start) + (f"\nto {e.end}" if e.end and e.end != e.start else "")
        changes = [f"{c.party} {c.issue}: {c.kind}" for c in entry.changes]
        sources = "; ".join(s.key for s in e.sources)
        events.add_row(
            Text(when),
            Text(clean(f"{e.title}\n({e.kind})")),
            Text(clean(f"{e.summary}\n[{sources}]")),
            Text(clean("\n".join(changes))),
        )
    loose = Table(title="Changes not tied to an event", show_lines=True)
    for column in ("date", "issue", "change", "position after", "summary and sources"):
        loose.add_column(column, overflow="fold")
    for change in result.unattached:
        cells = change_cells(change)
        cells[1] = Text(clean(f"{change.party}\n{change.issue}"))
        loose.add_row(*cells)
    return Group(events, loose) if result.unattached else Group(events)
