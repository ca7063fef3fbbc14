"""The one writing routine: regular files replaced atomically, special files and symlinks never replaced."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.problems import UserError
from postrack.writing import output_path, write_atomic

SMALL = Path(__file__).parents[1] / "data" / "small"


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target.name)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to("made.md")
    write_atomic(link, "x")
    assert link.is_symlink() and (tmp_path / "made.md").read_text() == "x"


def test_dev_null_is_written_to_and_stays_a_device() -> None:
    write_atomic(Path("/dev/null"), b"discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, b"through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_full_fails_cleanly_naming_the_device() -> None:
    with pytest.raises(OSError) as caught:
        write_atomic(Path("/dev/full"), b"x")
    assert (caught.value.errno, caught.value.filename) == (errno.ENOSPC, "/dev/full")


def test_a_failed_write_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "party.yaml"
    target.write_text("intact\n")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        write_atomic(target, "replacement\n")
    assert target.read_text() == "intact\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["party.yaml"]


def test_replacing_keeps_permissions_and_leaves_one_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert (target.read_text(), stat.S_IMODE(target.stat().st_mode)) == ("new", 0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_a_trailing_slash_is_not_a_file_name() -> None:
    with pytest.raises(UserError, match="ends with a slash"):
        output_path("x.pdf/")
    assert output_path("x.pdf") == Path("x.pdf")


def test_brief_to_dev_stdout_prints_the_memo() -> None:
    result = CliRunner().invoke(
        app, ["brief", "--data", str(SMALL), "--as-of", "2025-06-10", "-o", "/dev/stdout"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Briefing")


@pytest.mark.parametrize("failure", [errno.EROFS, errno.ENOSPC])
def test_record_on_a_failing_filesystem_exits_1_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in SMALL.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    before = (data / "north.yaml").read_bytes()

    def refuse(*_: object) -> None:
        raise OSError(failure, os.strerror(failure), str(data / "north.yaml"))

    monkeypatch.setattr(os, "replace", refuse)
    args = ["record", "north", "prisoners", "--stance", "demand", "--option", "all_for_all"]
    args += ["--date", "2025-06-20", "--source", "wire-2025-06-02", "--summary", "More.", "--data", str(data)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and os.strerror(failure) in result.stderr
    assert (data / "north.yaml").read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in SMALL.iterdir())
