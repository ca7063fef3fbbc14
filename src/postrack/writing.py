"""Writing files so that a failure never leaves a half-written file in place of a good one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, content: str | bytes, still_valid: Callable[[], bool] | None = None) -> bool:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    ``still_valid`` is asked just before the rename (under the caller's lock), so a writer can
    give up when the file changed under it; the function then returns False and writes nothing.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if still_valid is not None and not still_valid():
            return False
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return True


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
