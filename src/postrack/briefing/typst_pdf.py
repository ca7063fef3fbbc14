"""Typst source to PDF bytes with the ``typst`` package: no TeX, no system fonts, reproducible.

Only the fonts embedded in the package are used (Libertinus Serif, New Computer Modern, DejaVu
Sans Mono: all cover Cyrillic including Ukrainian і ї є ґ), so the same memo looks the same on
every machine. The source is compiled in an empty temporary folder used as Typst's root, so a
template cannot read any file of the machine; the templates set ``document(date: none)`` and the
compiler gets a fixed timestamp, so the same input gives byte-identical output.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import typst

from postrack.problems import Problem, UserError

FIXED_TIMESTAMP = 0
"""Seconds since the epoch handed to Typst for ``datetime.today()``: a memo never depends on the clock."""


def compile_pdf(source: str, template: str) -> bytes:
    """Compile Typst ``source``; ``template`` names where it came from, for error messages."""
    with tempfile.TemporaryDirectory(prefix="positions-brief-") as tmp:
        main = Path(tmp) / "memo.typ"
        main.write_text(source, encoding="utf-8")
        try:
            pdf = typst.compile(
                str(main),
                root=tmp,
                font_paths=[],
                ignore_system_fonts=True,
                format="pdf",
                timestamp=FIXED_TIMESTAMP,
            )
        except typst.TypstError as exc:
            message = " ".join(str(exc).split())
            raise UserError(
                [Problem(file=template, message=f"the template's Typst output does not compile: {message}")]
            ) from None
    assert isinstance(pdf, bytes)
    return pdf
