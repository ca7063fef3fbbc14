"""``positions forecast`` on the command line: formats, the 80-column table, backtest options."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from postrack.cli.app import app

GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_table_fits_80_columns_and_says_the_default_capability_was_used(small_dir: Path) -> None:
    code, out, _ = invoke("forecast", "--data", str(small_dir), "--as-of", "2025-06-10")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "ceasefire" in out
    assert "the default 50 (of 100) was used" in " ".join(out.split())


def test_json_lists_each_party_move_and_the_rounds(small_dir: Path) -> None:
    code, out, _ = invoke("forecast", "--data", str(small_dir), "--as-of", "2025-06-10", "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["as_of"] == "2025-06-10"
    ceasefire = next(i for i in data["issues"] if i["issue"] == "ceasefire")
    assert {m["party"] for m in ceasefire["moves"]} == {a["party"] for a in ceasefire["actors"]}
    assert ceasefire["model"]["option"] in ceasefire["options"]
    assert len(ceasefire["trajectory"]) == ceasefire["rounds"] + 1


def test_markdown_and_issue_filter(small_dir: Path) -> None:
    code, out, _ = invoke(
        "forecast", "--data", str(small_dir), "--as-of", "2025-06-10", "--issues", "prisoners", "-f", "md"
    )
    assert code == 0
    assert out.startswith("# Forecast as of 2025-06-10")
    assert "(`prisoners`)" in out and "(`ceasefire`)" not in out


def test_backtest_on_the_example_workspace() -> None:
    code, out, _ = invoke(
        "forecast", "--data", str(GERD), "--backtest", "2020-02-28", "--to", "2021-04-06", "-f", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert [s["method"] for s in data["scores"]] == ["mean", "median", "model"]
    assert all(0 <= s["hit_rate"] <= 1 for s in data["scores"])


def test_backtest_without_to_is_bad_usage(small_dir: Path) -> None:
    code, _, err = invoke("forecast", "--data", str(small_dir), "--backtest", "2025-05-16")
    assert code == 2
    assert "--backtest and --to go together" in err


def test_a_scenario_applies_and_sets_the_date(small_dir: Path) -> None:
    scenario = small_dir.parent / "scenarios" / "aid_pause.yaml"
    args = ["forecast", "--data", str(small_dir), "--issues", "military_aid", "-f", "json"]
    _, base, _ = invoke(*args, "--as-of", "2025-06-10")
    code, out, _ = invoke(*args, "--scenario", str(scenario))
    overlaid = json.loads(out)
    assert code == 0 and overlaid["as_of"] == "2025-06-10"  # the scenario's date
    south = next(a for a in overlaid["issues"][0]["actors"] if a["party"] == "south")
    before = next(a for a in json.loads(base)["issues"][0]["actors"] if a["party"] == "south")
    assert 1 in south["accepted"] and 1 not in before["accepted"]  # it now accepts 'halted'
