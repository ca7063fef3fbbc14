"""`positions init` scaffolds a workspace on which every command runs, found from inside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.loading import load_record
from postrack.schema import editor_settings

runner = CliRunner()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "talks"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(folder)
    monkeypatch.delenv("POSITIONS_DATA", raising=False)
    return folder


def test_the_scaffold_validates_without_a_warning(workspace: Path) -> None:
    record = load_record(workspace)
    assert (
        record.warnings == ()
        and len(record.parties) == 2
        and record.manifest.parties == ["union", "employer"]
    )
    assert (workspace / "schema" / "party.schema.json").is_file()
    assert (workspace / ".pre-commit-config.yaml").is_file() and (
        workspace / ".vscode" / "settings.json"
    ).is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["compare"],
        ["compare", "-f", "md"],
        ["zones"],
        ["history", "union"],
        ["diff", "--from", "2026-01-01"],
        ["timeline"],
        ["graph"],
        ["stability", "--from-positions"],
        ["scenario", "list"],
        ["scenario", "run", "union_yearly_review_dropped"],
        ["brief", "-o", "memo.md"],
    ],
)
def test_every_command_runs_inside_the_new_workspace(workspace: Path, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr + result.stdout
    assert "no workspace found" not in result.stderr


def test_the_scenario_opens_what_the_condition_asks(workspace: Path) -> None:
    """The employer's 4% hangs on a three-year term the union has not taken a stance on: conditional.
    With the union accepting the term, the condition is met and pay overlaps."""
    before = runner.invoke(app, ["compare", "-i", "pay", "-f", "json"])
    assert '"status": "conditional"' in before.stdout
    after = runner.invoke(app, ["scenario", "run", "union_yearly_review_dropped", "-f", "md"])
    assert "| pay | employer × union | conditional rise\\_4 | overlap rise\\_4 |" in after.stdout
    assert "empty → 1 package" in after.stdout and "1 packages" not in after.stdout


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "not an empty folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_the_editor_settings_are_those_schema_prints_for_the_workspace(workspace: Path) -> None:
    settings = (workspace / ".vscode" / "settings.json").read_text()
    assert settings == editor_settings(".")
    printed = runner.invoke(app, ["schema", "--editor", "my data"])
    assert printed.exit_code == 0 and '"my data/issues.yaml"' in printed.output


def test_validate_given_files_checks_each_workspace_holding_one(workspace: Path, tmp_path: Path) -> None:
    """As the pre-commit hook calls it: changed files, some in no workspace at all."""
    outside = tmp_path / "ci.yaml"
    outside.write_text("jobs: {}\n")
    files = [
        workspace / "union.yaml",
        workspace
        / "scenarios"
        / next(p.name for p in (workspace / "scenarios").iterdir() if p.suffix == ".yaml"),
        workspace / "issues.yaml",
        outside,
    ]
    result = runner.invoke(app, ["validate", *map(str, files)])
    assert result.exit_code == 0
    assert result.stdout.count(": ok:") == 1
    (workspace / "union.yaml").write_text(
        (workspace / "union.yaml").read_text().replace("date:", "date: x", 1)
    )
    assert runner.invoke(app, ["validate", str(workspace / "union.yaml"), str(outside)]).exit_code == 1
    alone = runner.invoke(app, ["validate", str(outside)])
    assert alone.exit_code == 0 and "nothing to check" in alone.output
