"""History, diff and timeline output on the fixed data set, compared with golden files.

Refresh after an intended change: ``pytest --update-golden`` (see tests/conftest.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).parents[2]
AS_OF = ["--as-of", "2026-06-30"]
CASES = {
    "history_russia": ["history", "russia"],
    "history_ukraine_territory": ["history", "ukraine", "--issue", "territory"],
    "history_russia_2025-08-17": ["history", "russia", "--as-of", "2025-08-17"],
    "diff_2025-05-16_2026-01-01": ["diff", "--from", "2025-05-16", "--to", "2026-01-01"],
    "diff_us_2025-08-01_2025-11-01": [
        "diff",
        "--from",
        "2025-08-01",
        "--to",
        "2025-11-01",
        "--parties",
        "us",
    ],
    "timeline": ["timeline"],
}


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden(
    name: str, fmt: str, golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # file paths in the output are relative to the working folder
    args = CASES[name]
    as_of = [] if "--as-of" in args else AS_OF
    result = runner.invoke(app, [*args, *as_of, "--format", fmt, "--data", "tests/tracker/data"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    if fmt == "json":
        json.loads(result.stdout)
    golden(f"{name}.{fmt}", result.stdout)
