"""Data text for Typst: always a string literal, never markup.

A data string goes in as a Typst *string literal* (``#"…";``) rather than as escaped markup.
Inside a string literal only ``\\`` and ``"`` are special, so the rule is short and complete,
whereas Typst markup has many special characters (``# $ * _ @ < > [ ] / ~ ` \\``, list and heading
markers at line start, ``//`` comments, smart quotes …) and grows new ones between versions. The
trailing ``;`` ends the embedded expression, so text that follows in the template (``(``, ``[``,
``.name``) can never be parsed as a call or a field access on the string. Control and bidi
characters are replaced first (:mod:`postrack.views.controls`), so the PDF never carries them.
"""

from __future__ import annotations

import re

from postrack.views.controls import clean
from postrack.views.safe import Safe

_TYPST_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
_TYPST_SPECIAL = re.compile(r'[\\"\n\t]')


def typst_string(text: object) -> Safe:
    """A Typst string literal (with its quotes) whose value is ``text``; for code context."""
    return Safe('"' + _TYPST_SPECIAL.sub(lambda m: _TYPST_ESCAPES[m.group()], clean(text)) + '"')


def typst_text(text: object) -> Safe:
    """``text`` shown literally in Typst markup: an embedded string literal, closed by ``;``."""
    return Safe("#" + typst_string(text) + ";")
