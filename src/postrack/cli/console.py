"""Rich consoles for results (stdout) and messages (stderr).

With ``NO_COLOR`` set (https://no-color.org) no escape codes at all are written, not just no
colours, so output piped into other tools stays plain.
"""

from __future__ import annotations

import os

from rich.console import Console


def _plain() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def stdout_console() -> Console:
    if _plain():
        return Console(highlight=False, color_system=None, force_terminal=False)
    return Console(highlight=False)


def stderr_console() -> Console:
    if _plain():
        return Console(stderr=True, highlight=False, color_system=None, force_terminal=False)
    return Console(stderr=True, highlight=False)
