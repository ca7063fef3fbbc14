"""Data text for the terminal: shown literally by Rich, never read as console markup.

Rich reads ``[bold]``, ``[link=…]`` and ``[/]`` in any string printed with markup on; a party
name or a scenario title holding them would style the output, open a live hyperlink or crash
with ``MarkupError``. Every data string a terminal view prints goes through :func:`term`. Rich
itself is not imported here (the core stays free of the CLI's libraries); the rule is Rich's own:
a backslash before ``[`` that starts a tag makes it literal.
"""

from __future__ import annotations

import re

from postrack.views.controls import clean

_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")  # Rich's own tag pattern


def term(text: object) -> str:
    """``text`` safe to print with Rich markup on: tags escaped, control characters replaced."""

    def escape_tag(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    escaped = _TAG.sub(escape_tag, clean(text))
    return escaped + "\\" if escaped.endswith("\\") and not escaped.endswith("\\\\") else escaped
