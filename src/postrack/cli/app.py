"""The ``positions`` application: each command lives in its own module and is registered here."""

from __future__ import annotations

import typer

from postrack.cli import compare_cmd, scenario_cmd, schema_cmd, validate_cmd
from postrack.cli.errors import guarded

app = typer.Typer(
    name="positions",
    help="Negotiation position tracker: sourced positions, overlaps, deal zones and briefings.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)

app.command("validate")(guarded(validate_cmd.validate))
app.command("compare")(guarded(compare_cmd.compare))
app.add_typer(scenario_cmd.app, name="scenario")
app.command("schema")(guarded(schema_cmd.schema))


def main() -> None:
    app()
