"""Terminal output at 80 and 160 columns on the shipped data, compared with golden files.

Nothing an analyst needs may be cut at 80 columns: long text wraps, a matrix too wide becomes
one symbol per pair with a key, and no cell ends in "…". Refresh after an intended change with
``pytest --update-golden`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app

ROOT = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden"
DATA = ["--data", "positions"]
GERD = ["--data", "examples/gerd"]
CASES = {
    "compare": ["compare", "--as-of", "2025-06-02", *DATA],
    "compare_five": ["compare", "-p", "russia,ukraine,us,europe,turkey", "--as-of", "2025-06-02", *DATA],
    "compare_gerd_five": [
        "compare",
        "-p",
        "egypt,ethiopia,sudan,us,african_union",
        "--as-of",
        "2020-02-28",
        *GERD,
    ],
    "compare_scenario": ["compare", "-s", "russia_donbas_only", *DATA],
    "zones": ["zones", "--as-of", "2025-06-02", *DATA],
    "zones_scenario": ["zones", "-s", "us_28_point_plan", "--tier", "tolerated", *DATA],
    "history": ["history", "russia", "--issue", "territory", "--as-of", "2025-12-31", *DATA],
    "diff": ["diff", "--from", "2025-06-02", "--to", "2025-12-24", "--as-of", "2026-06-30", *DATA],
    "scenario_run": ["scenario", "run", "us_28_point_plan", *DATA],
    "scenario_run_opens": [
        "scenario",
        "run",
        "tests/data/scenarios/aid_pause.yaml",
        "--data",
        "tests/data/small",
    ],
    "stability": ["stability", "scenarios/stability/istanbul_2025.yaml"],
}


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("name", sorted(CASES))
def test_terminal_output_matches_golden(name: str, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, CASES[name], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= width
    assert not any(line.rstrip(" │┃").endswith("…") for line in lines), "a cell was cut"
    path = GOLDEN / f"{name}.{width}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")
