"""``positions init``: scaffold a workspace for a new negotiation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from postrack.paths import shown
from postrack.scaffold import scaffold


def init(
    folder: Annotated[
        Path, typer.Argument(help="New (or empty) folder for the workspace.", show_default=False)
    ],
) -> None:
    """Create a workspace: manifest, issue catalogue, sources, two party files, a timeline, a scenario,
    JSON Schemas with editor settings and a pre-commit hook. Every file is an example to replace;
    its comments explain the format. Run the other commands inside the folder."""
    written = scaffold(folder)
    for path in written:
        typer.echo(f"wrote {shown(path)}", err=True)
    typer.echo(f"workspace ready: cd {shown(folder)} && positions validate && positions compare", err=True)
