"""The ``positions`` application: each command lives in its own module, imported only when it runs.

``COMMANDS`` maps a command name to ``"module:attribute"`` (a command function, or a Typer app
for a command group); ``SUMMARIES`` holds the one line ``positions --help`` shows for it, so the
top-level help imports no command module, no pydantic model and no numpy (a test keeps each
summary equal to the start of its command's own help).
"""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any

import typer
from typer._click.utils import make_default_short_help
from typer.core import TyperGroup

from postrack.cli.version import show_version

COMMANDS: dict[str, str] = {
    "init": "postrack.cli.init_cmd:init",
    "validate": "postrack.cli.validate_cmd:validate",
    "compare": "postrack.cli.compare_cmd:compare",
    "history": "postrack.cli.history_cmd:history",
    "diff": "postrack.cli.diff_cmd:diff",
    "timeline": "postrack.cli.timeline_cmd:timeline",
    "record": "postrack.cli.record_cmd:record",
    "brief": "postrack.cli.brief_cmd:brief",
    "scenario": "postrack.cli.scenario_cmd:app",
    "schema": "postrack.cli.schema_cmd:schema",
    "stability": "postrack.cli.stability_cmd:stability",
    "zones": "postrack.cli.zones_cmd:zones",
    "graph": "postrack.cli.graph_cmd:graph",
    "forecast": "postrack.cli.forecast_cmd:forecast",
    "robustness": "postrack.cli.robustness_cmd:robustness",
}
SUMMARIES: dict[str, str] = {
    "init": "Create a workspace: manifest, issue catalogue, sources, two party files, a timeline,",
    "validate": "Check every file in a data folder: syntax, types, ids, sources, dates and each",
    "compare": "Where do the parties overlap and where are they incompatible, issue by issue, as of",
    "history": "How a party's position moved: every statement in date order, marked hardening,",
    "diff": "What moved between two dates: stances, red lines, conditions, salience, and the",
    "timeline": "The rounds, summits and documents (timeline.yaml) in order, each with the stance",
    "record": "Append a statement to PARTY's file, in date order within ISSUE, keeping the file's",
    "brief": "Write a briefing memo: where the parties stand, where a deal could be, what moved,",
    "scenario": "Run what-if scenarios against the baseline.",
    "schema": "Print the JSON Schema of a file kind, or write every kind's schema into a folder.",
    "stability": "Strategic stability of every state: Nash, GMR, SMR and SEQ per decision maker,",
    "zones": "Which packages (one option per issue) the parties could sign, exactly, in two tiers.",
    "graph": 'Issues linked by the parties\' conditions ("accepts A only if B"), with who set each',
    "forecast": "Where will each ordered issue settle? Baselines and the expected-utility bargaining model.",
    "robustness": "How sure are we: what every verdict rests on and how likely it holds.",
}


def load(name: str) -> Any:
    """The click command for ``name``, importing its module now (user errors guarded, as always)."""
    from postrack.cli.errors import guarded

    module, attribute = COMMANDS[name].split(":")
    target = getattr(import_module(module), attribute)
    if isinstance(target, typer.Typer):
        target.rich_markup_mode = None  # plain help, as for every other command
        group = typer.main.get_command(target)
        group.name = name
        return group
    single = typer.Typer(rich_markup_mode=None)
    single.command(name)(guarded(target))
    return typer.main.get_command(single)


class LazyGroup(TyperGroup):
    """Lists every command from the tables above; builds one only when it is run or asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return load(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        limit = formatter.width - 6 - max(map(len, COMMANDS))
        rows = [(name, make_default_short_help(SUMMARIES[name], limit)) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="positions",
    help="Negotiation position tracker: sourced positions, overlaps, deal zones and briefings.",
    cls=LazyGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode=None,
)


@app.callback()
def positions(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Negotiation position tracker: sourced positions, overlaps, deal zones and briefings."""


def main() -> None:
    app()
