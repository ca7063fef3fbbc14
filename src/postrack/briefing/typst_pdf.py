"""Typst source to PDF bytes with the ``typst`` package: no TeX, no system fonts, reproducible.

Only the fonts embedded in the package are used (Libertinus Serif, New Computer Modern, DejaVu
Sans Mono: all cover Cyrillic including Ukrainian і ї є ґ), so the same memo looks the same on
every machine. The source is compiled in an empty temporary folder used as Typst's root, so a
template cannot read any file of the machine; the templates set ``document(date: none)`` and the
compiler gets a fixed timestamp, so the same input gives byte-identical output.

Typst packages are never fetched nor looked up on the machine: ``@local/`` packages are searched
in an empty folder inside that root, the download cache is another, and while compiling every
proxy variable points at a closed local port, so an ``#import "@preview/..."`` (even one whose name
a template computes) fails at once without a byte leaving the machine.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
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
        for empty in ("packages", "package-cache"):
            (Path(tmp) / empty).mkdir()
        try:
            with _offline():
                pdf = typst.compile(
                    str(main),
                    root=tmp,
                    font_paths=[],
                    ignore_system_fonts=True,
                    format="pdf",
                    timestamp=FIXED_TIMESTAMP,
                    package_path=str(Path(tmp) / "packages"),
                    package_cache_path=str(Path(tmp) / "package-cache"),
                )
        except typst.TypstError as exc:
            message = " ".join(str(exc).split())
            if "package" in message:
                message = f"Typst packages are not available (memos compile offline): {message}"
            raise UserError(
                [Problem(file=template, message=f"the template's Typst output does not compile: {message}")]
            ) from None
    assert isinstance(pdf, bytes)
    return pdf


_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
_NOWHERE = "http://127.0.0.1:9"
"""The discard port on this machine: a connection to it is refused at once."""


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """Route Typst's package downloads to a closed local port for the duration of one compile."""
    saved = {name: os.environ.get(name) for name in (*_PROXY_VARIABLES, "NO_PROXY", "no_proxy")}
    os.environ.update(dict.fromkeys(_PROXY_VARIABLES, _NOWHERE))
    os.environ.pop("NO_PROXY", None)
    os.environ.pop("no_proxy", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
