"""A memo rendered as a Markdown document, a PDF or one self-contained HTML page, from the
templates found for its format."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from postrack.briefing.context import Memo, plain
from postrack.briefing.render import render, search_path
from postrack.briefing.typst_pdf import compile_pdf

Format = Literal["md", "pdf", "html"]
MARKDOWN_TEMPLATE = "memo.md.j2"
TYPST_TEMPLATE = "memo.typ.j2"
HTML_TEMPLATE = "memo.html.j2"


def markdown(memo: Memo, template_dir: Path | None = None) -> str:
    return render("md", MARKDOWN_TEMPLATE, plain(memo), template_dir)


def typst_source(memo: Memo, template_dir: Path | None = None) -> str:
    return render("typ", TYPST_TEMPLATE, plain(memo), template_dir)


def html(memo: Memo, template_dir: Path | None = None) -> str:
    """The memo as one HTML file that needs nothing else; build the memo ``with_timeline`` for
    its date control to move the matrix through time."""
    return render("html", HTML_TEMPLATE, plain(memo), template_dir)


def pdf(memo: Memo, template_dir: Path | None = None) -> bytes:
    return compile_pdf(typst_source(memo, template_dir), _found(TYPST_TEMPLATE, template_dir))


def document(memo: Memo, fmt: Format, template_dir: Path | None = None) -> bytes:
    """The memo in ``fmt`` as the bytes of the file to write."""
    if fmt == "pdf":
        return pdf(memo, template_dir)
    if fmt == "html":
        return html(memo, template_dir).encode("utf-8")
    return markdown(memo, template_dir).encode("utf-8")


def _found(name: str, template_dir: Path | None) -> str:
    """The file a template name resolves to, for messages about its output."""
    return next((str(d / name) for d in search_path(template_dir) if (d / name).is_file()), name)
