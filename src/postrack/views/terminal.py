"""Data text for the terminal: shown literally by Rich, never read as console markup.

Rich reads ``[bold]``, ``[link=…]`` and ``[/]`` in any string printed with markup on; a party
name or a scenario title holding them would style the output, open a live hyperlink or crash
with ``MarkupError``. Every data string a terminal view prints goes through :func:`term`. Rich
itself is not imported here (the core stays free of the CLI's libraries); the rules are Rich's
own: before something shaped like a tag, ``2n`` backslashes show ``n`` and one more makes the tag
literal; before any other ``[``, one backslash is dropped.
"""

from __future__ import annotations

import re

from postrack.views.controls import clean

_BRACKET = re.compile(r"(\\*)\[")
_TAG_AT = re.compile(r"\[[a-z#/@][^[]*?]")  # Rich's own tag pattern
_TRAILING = re.compile(r"\\+$")


def term(text: object) -> str:
    """``text`` safe to print with Rich markup on: tags escaped, control characters replaced.

    Trailing backslashes are doubled, as Rich's own ``escape`` does, so that a closing tag after
    the text (``[red]…[/]``) still closes."""
    plain = clean(text)

    def bracket(match: re.Match[str]) -> str:
        backslashes = match.group(1)
        if _TAG_AT.match(plain, match.end() - 1):
            return backslashes * 2 + "\\["
        return backslashes + "\\["

    escaped = _BRACKET.sub(bracket, plain)
    return _TRAILING.sub(lambda m: m.group() * 2, escaped)
