"""Commands find their data as git finds a repository, and say when they fall back to the example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.paths import find_workspace

GERD = Path(__file__).parents[2] / "examples" / "gerd"


def test_the_nearest_workspace_above_the_working_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GERD, tmp_path / "gerd")
    deep = tmp_path / "gerd" / "notes" / "drafts"
    deep.mkdir(parents=True)
    assert find_workspace(deep) == (tmp_path / "gerd").resolve()
    monkeypatch.chdir(deep)
    monkeypatch.delenv("POSITIONS_DATA", raising=False)
    result = CliRunner().invoke(app, ["compare", "--as-of", "2020-02-28", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "egypt" in result.stdout and "no workspace found" not in result.stderr


def test_a_positions_folder_is_a_workspace_too(tmp_path: Path) -> None:
    (tmp_path / "positions").mkdir()
    (tmp_path / "positions" / "issues.yaml").write_text("issues: []\n")
    assert find_workspace(tmp_path) == (tmp_path / "positions").resolve()


def test_without_a_workspace_the_shipped_example_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POSITIONS_DATA", raising=False)
    assert find_workspace(tmp_path) is None
    result = CliRunner().invoke(app, ["compare", "--as-of", "2025-05-16", "-f", "json"])
    assert result.exit_code == 0
    assert "note: no workspace found here or above" in result.stderr and "shipped example" in result.stderr


def test_the_default_date_past_the_horizon_is_noted() -> None:
    result = CliRunner().invoke(app, ["compare", "--data", str(GERD), "-f", "json"])
    assert result.exit_code == 0
    assert "past the data's horizon (2023-12-31)" in result.stderr
