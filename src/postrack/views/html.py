"""Data text for HTML: every character that could open a tag, an entity or an attribute escaped.

Both helpers return :class:`markupsafe.Markup`, so an autoescaping Jinja environment prints them as
they are and escapes everything else.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from postrack.views.controls import clean


def html_text(text: object) -> Markup:
    """``text`` shown literally in HTML content or a quoted attribute value."""
    return escape(clean(text))


_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_script(value: object) -> Markup:
    """``value`` as JSON to put inside ``<script type="application/json">``: the characters that
    could close the element or start a comment are written as JSON escapes, which parse back to
    themselves."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text))
