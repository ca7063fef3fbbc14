"""The ``positions`` application: each command lives in its own module and is registered here."""

from __future__ import annotations

import typer

from postrack.cli import (
    brief_cmd,
    compare_cmd,
    diff_cmd,
    graph_cmd,
    history_cmd,
    init_cmd,
    record_cmd,
    robustness_cmd,
    scenario_cmd,
    schema_cmd,
    stability_cmd,
    timeline_cmd,
    validate_cmd,
    zones_cmd,
)
from postrack.cli.errors import guarded

app = typer.Typer(
    name="positions",
    help="Negotiation position tracker: sourced positions, overlaps, deal zones and briefings.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode=None,
)

app.command("init")(guarded(init_cmd.init))
app.command("validate")(guarded(validate_cmd.validate))
app.command("compare")(guarded(compare_cmd.compare))
app.command("history")(guarded(history_cmd.history))
app.command("diff")(guarded(diff_cmd.diff))
app.command("timeline")(guarded(timeline_cmd.timeline))
app.command("record")(guarded(record_cmd.record))
app.command("brief")(guarded(brief_cmd.brief))
app.add_typer(scenario_cmd.app, name="scenario")
app.command("schema")(guarded(schema_cmd.schema))
app.command("stability")(guarded(stability_cmd.stability))
app.command("zones")(guarded(zones_cmd.zones))
app.command("graph")(guarded(graph_cmd.graph))
app.command("robustness")(guarded(robustness_cmd.robustness))


def main() -> None:
    app()
