"""The one policy on control and bidi characters, shared by every output target.

Data comes from news reports, pasted quotes and hand-edited YAML; a stray ESC, BEL or NUL can
clear a terminal, hide text or open a hyperlink, and a bidi override (U+202E) makes text read
differently from what it is. No output shows them raw: each is replaced by U+FFFD so the reader
still sees that something was there. CRLF and lone CR become a newline, U+2028/U+2029 and NEL
(U+0085, a C1 control) too, so a line break in the data stays a line break everywhere.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

# C0 except tab and newline, DEL, C1, the bidi embeddings/overrides/isolates and the marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAK = re.compile("\r\n|[\r\x85\u2028\u2029]")


def clean(text: object) -> str:
    """``text`` with line breaks normalised and every other control or bidi character replaced."""
    return _UNSAFE.sub(REPLACEMENT, _BREAK.sub("\n", str(text)))
