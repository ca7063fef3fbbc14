"""Opening an input file: the one routine every reader goes through, so no file kind can hang or flood.

A data file may be a symlink to ``/dev/zero``, a FIFO or a folder; ``stat`` says 0 bytes for a
device, so a size check before reading proves nothing. The file is opened without blocking (a
FIFO with no writer would otherwise wait forever), then the *opened* file is checked to be regular
(no race with a rename between the check and the read), and at most ``limit + 1`` bytes are read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from postrack.problems import Problem, UserError

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}


def read_regular(path: Path, name: str, limit: int) -> bytes:
    """The bytes of ``path``, a regular file (or a symlink to one) of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise UserError.single(f"cannot read file: {_reason(exc)}", name) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise UserError.single(f"refused: this is {kind}, not a regular file", name)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise UserError.single(f"cannot read file: {_reason(exc)}", name) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        size = max(len(raw), _size(path))
        raise UserError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"refused: file is {size / 1e6:.1f} MB, over the {limit // 2**20} MiB limit",
                )
            ]
        )
    return raw


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _reason(exc: OSError) -> str:
    """The system's words, with the one case people meet as a puzzle spelled out."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link points back at itself)"
    return exc.strerror or str(exc)
