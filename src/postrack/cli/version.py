"""``positions --version``: the installed distribution's version, as bug reports need it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import typer


def show_version(wanted: bool) -> None:
    if not wanted:
        return
    try:
        number = version("positions-tracker")
    except PackageNotFoundError:
        number = "unknown (not installed)"
    typer.echo(f"positions {number}")
    raise typer.Exit(0)
