"""The last guard on what reaches the terminal: stdout and stderr with control characters replaced.

Every renderer escapes data for its target (:mod:`postrack.views`); this net catches anything
that reaches a stream another way (a file name in a message, a library's text). While a command
runs, both streams replace control and bidi characters (:func:`postrack.views.controls.clean`).
Rich's own colour codes (SGR, ``ESC [ … m``) pass only to a real terminal, where they are styling;
to a pipe or a file every ESC is replaced, so ``NO_COLOR`` and redirected output stay plain.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO, TextIO

from postrack.views.controls import clean

_SGR = re.compile(r"(\x1b\[[0-9;]*m)")


class CleanStream:
    """A text stream that writes to ``inner`` with control characters replaced."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner
        self._styled = _isatty(inner)

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # click probes streams with b"" to tell text from binary
            raise TypeError("write() argument must be str")
        if self._styled:
            parts = _SGR.split(text)
            self._inner.write("".join(p if k % 2 else clean(p) for k, p in enumerate(parts)))
        else:
            self._inner.write(clean(text))
        return len(text)

    def flush(self) -> None:
        self._inner.flush()

    @property
    def buffer(self) -> BinaryIO | None:
        """The inner stream's bytes, for a file written to ``-o /dev/stdout`` as it is (a PDF is
        not text to clean; its renderer already escaped the data in it)."""
        return getattr(self._inner, "buffer", None)

    def isatty(self) -> bool:
        return self._styled

    def fileno(self) -> int:
        return self._inner.fileno()

    def writable(self) -> bool:
        return True


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def clean_streams() -> Iterator[None]:
    """Both streams guarded for the duration of a command; restored however it ends."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = CleanStream(out), CleanStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
