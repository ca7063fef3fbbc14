"""Escaping text from the data for the formats it is rendered into.

Quotes and summaries come from news reports and may contain any character; rendered output must
show them literally and never let them turn into markup.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$@&])")
_LIST_START = re.compile(r"^(-(?=[\s-]|$)|\d{1,9}\.(?=\s|$))")


def md_cell(text: str) -> str:
    """Escape for inline Markdown (also safe in a table cell): one line, no markup.

    Besides the punctuation Markdown reads as markup, ``&`` is escaped so an entity such as
    ``&lt;`` in a quote is not decoded into another character, and a leading ``- ``, ``---`` or
    ``1. `` so text that starts a line does not start a list or a rule.
    """
    flat = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _LIST_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)
