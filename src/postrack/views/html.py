"""Data text for HTML: every character that could open a tag, an entity or an attribute escaped."""

from __future__ import annotations

from html import escape

from postrack.views.controls import clean
from postrack.views.safe import Safe


def html_text(text: object) -> Safe:
    """``text`` shown literally in HTML content or a quoted attribute value."""
    return Safe(escape(clean(text), quote=True))
