"""``positions schema``: JSON Schema for the data and scenario files (for editors and scripts)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from postrack.problems import UsageError
from postrack.schema import KINDS, editor_settings, schema_text
from postrack.writing import write_atomic


def schema(
    kind: Annotated[str, typer.Argument(help=f"Which file kind: {', '.join(KINDS)}.")] = "party",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write all schemas into this folder instead of printing one."),
    ] = None,
    editor: Annotated[
        str | None,
        typer.Option(
            "--editor",
            help="Print VS Code settings mapping the files of the data folder DATA (relative to the"
            " editor's root; '.' for the root itself) to the schemas in schema/.",
            metavar="DATA",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a file kind, or write every kind's schema into a folder."""
    if editor is not None:
        typer.echo(editor_settings(editor), nl=False)
        return
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        for name in KINDS:
            write_atomic(output / f"{name}.schema.json", schema_text(name))
            typer.echo(f"wrote {output / f'{name}.schema.json'}", err=True)
        return
    if kind not in KINDS:
        raise UsageError.single(f"unknown schema kind {kind!r} (choose from: {', '.join(KINDS)})")
    typer.echo(schema_text(kind), nl=False)
