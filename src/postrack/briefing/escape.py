"""Escaping data strings for the three targets a memo is written in.

Quotes, summaries and titles come from news reports and may hold any character. Every value a
template prints is escaped for its target by the environment itself (see ``render.py``), so a
template cannot forget to; only the few helpers here return :class:`Safe` text, which is printed
as it is.

Typst: a data string goes in as a Typst *string literal* (``#"…";``) rather than as escaped
markup. Inside a string literal only ``\\`` and ``"`` are special, so the rule is short and
complete, whereas Typst markup has many special characters (``# $ * _ @ < > [ ] / ~ ` \\``, list
and heading markers at line start, ``//`` comments, smart quotes …) and grows new ones between
versions. The trailing ``;`` ends the embedded expression, so text that follows in the template
(``(``, ``[``, ``.name``) can never be parsed as a call or a field access on the string.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from markupsafe import Markup, escape

from postrack.text import md_cell


class Safe(str):
    """Text already in the target format: the environment prints it without escaping again."""

    __slots__ = ()


_TYPST_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TYPST_SPECIAL = re.compile(r'[\\"\n\r\t]|[\x00-\x1f\x7f\u2028\u2029]')


def typst_string(text: object) -> Safe:
    """A Typst string literal (with its quotes) whose value is exactly ``text``; for code context."""

    def one(match: re.Match[str]) -> str:
        char = match.group()
        return _TYPST_ESCAPES.get(char) or f"\\u{{{ord(char):x}}}"

    return Safe('"' + _TYPST_SPECIAL.sub(one, str(text)) + '"')


def typst_text(text: object) -> Safe:
    """``text`` shown literally in Typst markup: an embedded string literal, closed by ``;``."""
    return Safe("#" + typst_string(text) + ";")


def markdown_text(text: object) -> Safe:
    """``text`` shown literally in inline Markdown (and in a table cell): no markup, one line."""
    return Safe(md_cell(str(text)))


def markdown_url(url: str) -> Safe:
    """A URL usable as a Markdown link target: characters that would end the link are encoded."""
    return Safe(quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._"))


def html_text(text: object) -> Markup:
    """``text`` shown literally in HTML, as element content or a quoted attribute value."""
    return escape(str(text))


_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_script(value: object) -> Markup:
    """``value`` as JSON to put inside ``<script type="application/json">``: the characters that
    could close the element or start a comment are written as JSON escapes, which parse back to
    themselves."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text))
