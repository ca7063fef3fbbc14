"""Where the Monte Carlo blocks run: local processes, or a Dask ``distributed`` cluster.

Both are a ``concurrent.futures.Executor``, so the sweep is the same code either way; Dask is an
optional extra (``pip install 'positions-tracker[dask]'``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from postrack.problems import UserError


@contextmanager
def executor(scheduler: str | None = None, workers: int | None = None) -> Iterator[Executor]:
    """A process pool on this machine's cores, or the executor of the Dask scheduler at
    ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``)."""
    if scheduler is None:
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            yield pool
        return
    try:
        from distributed import Client
    except ImportError:
        raise UserError.single("--scheduler needs Dask: pip install 'positions-tracker[dask]'") from None
    try:
        client = Client(scheduler, timeout="3s")  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise UserError.single(f"--scheduler: cannot reach {scheduler}: {exc}") from None
    try:
        yield client.get_executor()  # type: ignore[no-untyped-call]
    finally:
        client.close()  # type: ignore[no-untyped-call]
