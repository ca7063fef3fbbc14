"""Data text for Markdown: shown literally, never read as markup.

Quotes and summaries come from news reports and may contain any character; rendered output must
show them literally and never let them turn into markup, whichever Markdown renderer reads it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from postrack.views.controls import clean
from postrack.views.safe import Safe

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$@&])")
_LIST_START = re.compile(r"^(-(?=[\s-]|$)|\d{1,9}\.(?=\s|$))")


def md_cell(text: object) -> str:
    """Escape for inline Markdown (also safe in a table cell): one line, no markup.

    Besides the punctuation Markdown reads as markup, ``&`` is escaped so an entity such as
    ``&lt;`` in a quote is not decoded into another character, and a leading ``- ``, ``---`` or
    ``1. `` so text that starts a line does not start a list or a rule.
    """
    flat = " ".join(clean(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _LIST_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)


def markdown_text(text: object) -> Safe:
    """``text`` shown literally in inline Markdown (and in a table cell): no markup, one line."""
    return Safe(md_cell(text))


def markdown_url(url: str) -> Safe:
    """A URL usable as a Markdown link target: characters that would end the link are encoded."""
    return Safe(quote(clean(url).strip(), safe=":/?#[]@!$&'*+,;=%~-._"))
