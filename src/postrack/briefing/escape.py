"""The memo's escapers, which live in the presentation layer (:mod:`postrack.views`).

Every value a template prints is escaped for its target by the environment itself (see
``render.py``), so a template cannot forget to; only the few helpers named here return
:class:`Safe` text, which is printed as it is.
"""

from __future__ import annotations

from postrack.views.html import html_text, json_script
from postrack.views.markdown import markdown_text, markdown_url
from postrack.views.safe import Safe
from postrack.views.typst import typst_string, typst_text

__all__ = ["Safe", "html_text", "json_script", "markdown_text", "markdown_url", "typst_string", "typst_text"]
