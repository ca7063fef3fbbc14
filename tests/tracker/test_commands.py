"""The tracker's commands as a user meets them: help, tables, clean errors, valid JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app

runner = CliRunner()
DATA = ["--data", str(Path(__file__).parent / "data")]


@pytest.mark.parametrize("command", ["history", "diff", "timeline", "record"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--data" in result.stdout and "--help" in result.stdout


def test_tables_show_the_changes() -> None:
    history = runner.invoke(
        app, ["history", "us", "--issue", "ceasefire", "--as-of", "2026-06-30", *DATA], env={"COLUMNS": "200"}
    )
    assert history.exit_code == 0
    assert "opening" in history.stdout and "reframing" in history.stdout
    assert "accepted range moves towards the other end" in history.stdout
    diff = runner.invoke(
        app, ["diff", "--from", "2025-05-16", "--to", "2026-01-01", *DATA], env={"COLUMNS": "200"}
    )
    assert diff.exit_code == 0 and "converging" in diff.stdout
    timeline = runner.invoke(app, ["timeline", "--as-of", "2026-06-30", *DATA], env={"COLUMNS": "200"})
    assert timeline.exit_code == 0 and "Istanbul round 1" in timeline.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["history", "narnia"], "unknown party 'narnia'"),
        (["history", "russia", "--issue", "nato"], "--issue: unknown issue 'nato'"),
        (["history", "russia", "--as-of", "yesterday"], "--as-of: 'yesterday' is not a date"),
        (
            ["diff", "--from", "2026-01-01", "--to", "2025-01-01"],
            "--from 2026-01-01 is after --to 2025-01-01",
        ),
        (["diff", "--from", "2025-01-01", "--parties", "russia,narnia"], "--parties: unknown party 'narnia'"),
        (
            ["timeline", "--from", "2026-01-01", "--to", "2025-01-01"],
            "--from 2026-01-01 is after --to 2025-01-01",
        ),
    ],
)
def test_bad_usage_exits_2_with_a_clean_message(args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, *DATA])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_data_folder_without_timeline_is_a_clean_error(tmp_path: Path) -> None:
    for name in ("issues.yaml", "sources.yaml", "us.yaml"):
        (tmp_path / name).write_text((Path(__file__).parent / "data" / name).read_text())
    result = runner.invoke(app, ["timeline", "--data", str(tmp_path)])
    assert result.exit_code == 1 and "no timeline.yaml" in result.stderr


def test_json_is_valid_and_as_of_defaults_to_today() -> None:
    result = runner.invoke(app, ["diff", "--from", "2025-05-16", "--format", "json", *DATA])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["to"] == payload["as_of"]
    assert {"moves", "gaps", "parties"} <= set(payload)
