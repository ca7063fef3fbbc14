"""The ``positions`` entry point: Ctrl-C is handled before anything heavy is imported.

Loading the application takes a noticeable moment; an interrupt then (or at any later point)
must end the run with one line and exit code 130, as shells expect, not a ``KeyboardInterrupt``
traceback. The handler raises ``SystemExit`` so ``finally`` blocks (locks, temporary files)
still run.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130


def _interrupted(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the exit
    sys.stderr.write("positions: interrupted\n")
    raise SystemExit(EXIT_INTERRUPTED)


def main() -> None:
    signal.signal(signal.SIGINT, _interrupted)
    try:
        from postrack.cli.app import main as run

        run()
    finally:  # the work is done (or abandoned): an interrupt while Python tears down changes nothing
        signal.signal(signal.SIGINT, signal.SIG_IGN)
