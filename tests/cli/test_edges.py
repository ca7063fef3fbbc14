"""The command line at its edges: --version, Ctrl-C, the data horizon, what record refuses."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.cli.launch import EXIT_INTERRUPTED

ROOT = Path(__file__).parents[2]
runner = CliRunner()


def test_version_names_the_installed_distribution() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("positions ")


@pytest.mark.parametrize("delay", [0.2, 0.8, 1.5])
def test_ctrl_c_at_any_moment_exits_130_with_one_line(delay: float) -> None:
    launch = "import sys; from postrack.cli.launch import main; sys.argv[0] = 'positions'; main()"
    args = ["brief", "--as-of", "2025-06-02", "-f", "md", "--data", str(ROOT / "positions")]
    process = subprocess.Popen(
        [sys.executable, "-c", launch, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the command finished before the interrupt")
    assert process.returncode == EXIT_INTERRUPTED, err
    assert err.strip().splitlines()[-1] == "positions: interrupted" and "Traceback" not in err


def test_a_date_past_the_data_horizon_says_so() -> None:
    result = runner.invoke(app, ["compare", "--as-of", "2030-01-01", "--data", str(ROOT / "positions")])
    assert result.exit_code == 0
    assert "note: --as-of is 2030-01-01, past the data's horizon (2026-06-30)" in result.stderr


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "positions", tmp_path / "positions")
    return tmp_path / "positions"


def test_record_refuses_the_readme_example_pasted_as_is(workspace: Path) -> None:
    before = (workspace / "ukraine.yaml").read_text(encoding="utf-8")
    args = ["record", "ukraine", "ceasefire", "--stance", "acceptable", "--option", "on_framework"]
    args += ["--date", "2026-07-01", "--source", "new-source-id", "--new-source-outlet", "Reuters"]
    args += ["--new-source-url", "https://...", "--summary", "...", "--data", str(workspace)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: --new-source-url: 'https://...' looks like a placeholder; give the real value",
        "error: --summary: '...' looks like a placeholder; give the real value",
        "2 errors",
    ]
    assert (workspace / "ukraine.yaml").read_text(encoding="utf-8") == before


def test_record_counts_one_error_as_one(workspace: Path) -> None:
    args = ["record", "ukraine", "ceasefire", "--stance", "acceptable", "--option", "nonexistent"]
    args += ["--date", "2026-07-01", "--source", "new-source-id", "--new-source-outlet", "Reuters"]
    args += ["--new-source-url", "https://example.org/r", "--summary", "A real summary."]
    result = runner.invoke(app, [*args, "--data", str(workspace)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "1 error"
    assert "note: refused" in lines[0]
    assert "unknown option 'nonexistent'" in lines[1]
