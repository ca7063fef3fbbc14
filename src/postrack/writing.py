"""Writing files so that a failure never leaves a half-written file in place of a good one.

Every file the tool writes (a memo, a schema, a party file being recorded into) goes through
:func:`write_atomic`, so the rules for where the bytes land hold everywhere:

- a regular file is replaced atomically: the new text goes to a temporary file in the same folder
  (a rename is atomic only within one filesystem), is fsynced and renamed over the old one;
- a symlink is followed: its target gets the new content and the link stays a link;
- ``/dev/stdout`` and ``/dev/stderr`` mean the process's own streams; another character device or
  a FIFO (``/dev/null``, ``/dev/full``, a named pipe) is written in place, as a shell redirect would;
  a block device, a socket or a folder is refused, never replaced.

The temporary file is created unnamed (``O_TMPFILE``) where the filesystem allows, so a process
killed while writing leaves nothing behind; it gets a name only for the instant of the rename.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from postrack.problems import UserError

_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2, "/dev/fd/1": 1, "/dev/fd/2": 2}
_IN_PLACE = (stat.S_IFCHR, stat.S_IFIFO)


def output_path(value: str, option: str = "--output") -> Path:
    """A file name as given on the command line; a trailing slash names a folder, not a file."""
    if value.endswith(("/", os.sep)):
        raise UserError.single(f"{option}: {value} ends with a slash (a folder); give a file name")
    return Path(value)


def write_atomic(path: Path, content: str | bytes, still_valid: Callable[[], bool] | None = None) -> bool:
    """Put ``content`` at ``path`` (see the module docstring for special files and symlinks).

    ``still_valid`` is asked just before the rename (under the caller's lock), so a writer can
    give up when the file changed under it; the function then returns False and writes nothing.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        return _write(path, data, still_valid)
    except OSError as exc:  # a failed os.write names no file; the message should
        if exc.filename is None and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def _write(path: Path, data: bytes, still_valid: Callable[[], bool] | None) -> bool:
    stream = _STREAMS.get(os.path.normpath(path))
    if stream is not None:
        _write_stream(stream, data)
        return True
    target = _followed(path)
    mode = _existing_mode(target)
    if mode is not None and stat.S_IFMT(mode) in _IN_PLACE:
        _write_in_place(target, data)
        return True
    if mode is not None and not stat.S_ISREG(mode):
        raise UserError.single(f"refused to write {path}: it is not a regular file")
    return _replace(target, data, mode, still_valid)


def _followed(path: Path) -> Path:
    """The file a symlink chain ends at (which may not exist yet), so the link itself is kept."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:  # a dangling link: its target is created
        return Path(os.path.realpath(path))
    except OSError as exc:
        raise UserError.single(f"cannot write through the symlink {path}: {exc.strerror or exc}") from None


def _existing_mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None


def _write_stream(fd: int, data: bytes) -> None:
    """Through Python's stream when it is the real one (tests capture it), else to the descriptor."""
    stream = sys.stdout if fd == 1 else sys.stderr
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        os.write(fd, data)


def _write_in_place(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _replace(path: Path, data: bytes, mode: int | None, still_valid: Callable[[], bool] | None) -> bool:
    fd, named = _temp_beside(path)
    temp: str | None = named
    try:
        os.fchmod(fd, mode & 0o7777 if mode is not None else _default_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if still_valid is not None and not still_valid():
                return False
            if temp is None:
                temp = _name(path)
                _link(handle.fileno(), temp)
        os.replace(temp, path)
        temp = None
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return True


def _temp_beside(path: Path) -> tuple[int, str | None]:
    """An unnamed file in ``path``'s folder where supported (no name: nothing left if killed), else a
    named one; the name is ``None`` for the unnamed kind."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(path.parent, flag | os.O_WRONLY | os.O_CLOEXEC, 0o600), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    return fd, name


def _link(fd: int, name: str) -> None:
    """Give the unnamed file ``fd`` a name: ``linkat`` with ``AT_SYMLINK_FOLLOW`` on its /proc entry
    (a folder descriptor makes Python call ``linkat``; plain ``link`` would link the /proc symlink)."""
    folder = os.open(os.path.dirname(name) or ".", os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.link(f"/proc/self/fd/{fd}", os.path.basename(name), dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _name(path: Path) -> str:
    return str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")


def _default_mode() -> int:
    """A new file gets the usual 0666 less the umask."""
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
