"""Briefing memos: where the parties stand, where a deal could be, what moved, on what sources.

:func:`build_memo` gathers the analysis into a typed :class:`Memo`; :func:`document` renders it
through the Jinja templates (user folder first, then the shipped ones) to Markdown, to one
self-contained HTML page or, via Typst, to PDF.
"""

from postrack.briefing.context import Memo, build_memo, plain
from postrack.briefing.documents import Format, document, html, markdown, pdf, typst_source

__all__ = ["Format", "Memo", "build_memo", "document", "html", "markdown", "pdf", "plain", "typst_source"]
