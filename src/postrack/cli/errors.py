"""The one place where exceptions become exit codes and messages.

0 success, 1 user error (bad input: a clean message naming file and line), 2 usage error (bad
arguments: typer's own, or a :class:`UsageError` from parsing an option's value), 3 internal error
(a bug: traceback kept, with a request to report it), 130 interrupted (Ctrl-C).
Every command is registered through :func:`guarded` so the rule holds everywhere.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any

import typer

from postrack.cli.launch import EXIT_INTERRUPTED
from postrack.cli.streams import clean_streams
from postrack.problems import UsageError, UserError

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def report_user_error(error: UserError) -> None:
    problems = sorted(error.problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in problems if p.severity == "error")
    if errors and len(problems) > 1:  # a count helps only when there are several lines to read
        print(f"{errors} error{'' if errors == 1 else 's'}", file=sys.stderr)


def _io_message(error: OSError) -> str:
    """The system's reason and the file it concerns. Writers replace a file only once the new one
    is complete (:mod:`postrack.writing`), so a failed write leaves the old file as it was."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename is not None else reason


def guarded(command: Callable[..., int | None]) -> Callable[..., None]:
    """Wrap a command so user errors exit 1 cleanly and bugs exit 3 with their traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        with clean_streams():
            _run(command, *args, **kwargs)

    return run


def _run(command: Callable[..., int | None], *args: Any, **kwargs: Any) -> None:
    try:
        code = command(*args, **kwargs)
    except typer.Exit:
        raise
    except UserError as error:
        report_user_error(error)
        raise typer.Exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_USER) from None
    except KeyboardInterrupt:
        print("positions: interrupted", file=sys.stderr)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        raise
    except OSError as error:  # a full disk, a read-only folder, a name taken: the machine, not a bug
        report_user_error(UserError.single(_io_message(error)))
        raise typer.Exit(EXIT_USER) from None
    except Exception:
        traceback.print_exc()
        print(
            "positions: internal error (a bug, not a problem with your data);"
            " please report it with the traceback above.",
            file=sys.stderr,
        )
        raise typer.Exit(EXIT_INTERNAL) from None
    if code:
        raise typer.Exit(code)
