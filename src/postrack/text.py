"""Escaping text from the data for the formats it is rendered into.

Quotes and summaries come from news reports and may contain any character; rendered output must
show them literally and never let them turn into markup.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$@])")


def md_cell(text: str) -> str:
    """Escape for inline Markdown (also safe inside a table cell): no markup, no line breaks."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)
