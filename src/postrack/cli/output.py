"""The one place a command's result becomes output: table, Markdown or JSON.

Every command hands its typed result here with its two renderers; JSON is always the shared
serialiser (:func:`postrack.views.serialise.dumps`), so no command builds JSON on its own. With
``--wide`` the terminal view is laid out for at least 160 columns whatever the terminal's width
(for a pager or a file); a long table goes through ``$PAGER`` when stdout is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from rich.console import RenderableType

from postrack.cli.console import stdout_console
from postrack.cli.options import Format
from postrack.views.serialise import dumps

R = TypeVar("R")
WIDE = 160


def emit(
    fmt: Format,
    result: R,
    table: Callable[[R], RenderableType],
    markdown: Callable[[R], str] | None = None,
    wide: bool = False,
) -> None:
    """Print ``result`` in ``fmt``: JSON via the serialiser, Markdown and tables via the renderers."""
    if fmt is Format.json:
        sys.stdout.write(dumps(result) + "\n")
    elif fmt is Format.md and markdown is not None:
        text = markdown(result)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        show(table(result), wide)


def show(renderable: RenderableType, wide: bool = False) -> None:
    """Print to the terminal, through the pager when it is longer than the screen."""
    console = stdout_console()
    if wide:
        console.width = max(console.width, WIDE)
    if not console.is_terminal:
        console.print(renderable)
        return
    lines = console.render_lines(renderable, pad=False)
    if len(lines) <= console.height:
        console.print(renderable)
        return
    with console.pager(styles=True):
        console.print(renderable)
