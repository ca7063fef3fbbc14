"""``positions stability``: which states hold when every side can move (graph model, Nash/GMR/SMR/SEQ)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    PartiesOption,
)


def stability(
    model: Annotated[
        Path | None,
        typer.Argument(help="Stability model (YAML); leave out with --from-positions.", show_default=False),
    ] = None,
    fmt: FormatOption = Format.table,
    status_quo: Annotated[
        str | None,
        typer.Option(
            "--status-quo",
            help="Trace moves from this Y/N state (default: the model's status_quo).",
            show_default=False,
        ),
    ] = None,
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            help="Explain one Y/N state in detail: every move and the answers to it.",
            show_default=False,
        ),
    ] = None,
    all_states: Annotated[
        bool,
        typer.Option("--all-states", help="List every state in table and md output, not only equilibria."),
    ] = False,
    coalitions: Annotated[
        bool, typer.Option("--coalitions/--no-coalitions", help="Look for joint improvements by coalitions.")
    ] = True,
    from_positions: Annotated[
        bool,
        typer.Option(
            "--from-positions", help="Build the model from the tracked positions instead of a file."
        ),
    ] = False,
    data: DataOption = None,
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    issues: Annotated[
        str | None,
        typer.Option(
            "--issues",
            help="With --from-positions: comma-separated issue ids (default: the 3 most contested).",
            show_default=False,
        ),
    ] = None,
    save_model: Annotated[
        Path | None,
        typer.Option(
            "--save-model",
            help="With --from-positions: also write the generated model to this YAML file.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Strategic stability of every state: Nash, GMR, SMR and SEQ per decision maker, equilibria,
    why unstable states are unstable, coalition moves, and paths from the status quo.

    Reads a model file (see docs/stability.md), or with --from-positions builds one from the
    tracked positions as of a date: each party's options are concessions on the most contested issues.
    """
    from postrack.cli import stability_view  # numpy and the analysis load only when this command runs

    return stability_view.run(
        model,
        fmt,
        status_quo,
        state,
        all_states,
        coalitions,
        from_positions,
        data,
        parties,
        as_of,
        issues,
        save_model,
    )
