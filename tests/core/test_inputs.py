"""The one input-opening routine: only regular files, bounded, never blocking."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from postrack.inputs import read_regular
from postrack.problems import UserError


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_symlink_to_a_device_is_refused(tmp_path: Path, device: str) -> None:
    link = tmp_path / "x.yaml"
    link.symlink_to(device)
    with pytest.raises(UserError, match="a device, not a regular file"):
        read_regular(link, "x.yaml", 1000)


def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    done = threading.Event()

    def read() -> None:
        with pytest.raises(UserError, match="FIFO"):
            read_regular(fifo, "x.yaml", 1000)
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(30), "reading a FIFO blocked"


def test_a_folder_and_a_symlink_loop_are_refused(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").mkdir()
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    with pytest.raises(UserError, match="a folder"):
        read_regular(tmp_path / "d.yaml", "d.yaml", 1000)
    with pytest.raises(UserError, match="symlink loop"):
        read_regular(tmp_path / "loop.yaml", "loop.yaml", 1000)


def test_no_more_than_the_limit_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * 5000)
    with pytest.raises(UserError, match="over the"):
        read_regular(big, "big.yaml", 4096)
    assert read_regular(big, "big.yaml", 5000) == b"a" * 5000
