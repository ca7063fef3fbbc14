"""Every command's bad-usage paths exit 2 with one clean message, as the README's exit codes say.

Bad usage is a value on the command line that cannot be used: a date that is not one (or not a
real one), an unknown party, issue or scenario, options that need each other. Bad data (a file
that does not validate) stays exit 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app

ROOT = Path(__file__).parents[2]
DATA = ["--data", str(ROOT / "positions")]
runner = CliRunner()

RECORD = ["record", "russia", "nato", "--source", "s", "--summary", "Says so."]
CASES = [
    (["compare", "--as-of", "2025-02-30"], "--as-of: '2025-02-30' is not a real date"),
    (["compare", "--as-of", "16/05/2025"], "is not a date in the form YYYY-MM-DD"),
    (["compare", "-p", "russia,narnia"], "--parties: unknown party 'narnia'"),
    (["compare", "-p", "russia"], "compare needs at least two parties"),
    (["compare", "-i", "peace"], "--issue: unknown issue 'peace'"),
    (["compare", "-s", "no_such_scenario"], "no such scenario file: no_such_scenario"),
    (["zones", "--as-of", "soon"], "--as-of: 'soon' is not a date"),
    (["zones", "-p", "narnia"], "--parties: unknown party 'narnia'"),
    (["zones", "--issues", "peace"], "--issues: unknown issue 'peace'"),
    (["zones", "--target", "0.5"], "--target needs --improve PARTY"),
    (["zones", "--improve", "narnia"], "--improve: 'narnia' is not one of the parties analysed"),
    (["zones", "-s", "no_such_scenario"], "no such scenario file"),
    (["history", "narnia"], "unknown party 'narnia'"),
    (["history", "russia", "--issue", "peace"], "--issue: unknown issue 'peace'"),
    (["history", "russia", "--as-of", "2025-13-01"], "is not a real date"),
    (["diff", "--from", "yesterday"], "--from: 'yesterday' is not a date"),
    (["diff", "--from", "2026-01-01", "--to", "2025-01-01"], "--from 2026-01-01 is after --to 2025-01-01"),
    (["diff", "--from", "2025-01-01", "-p", "narnia"], "--parties: unknown party 'narnia'"),
    (["timeline", "--from", "2026-01-01", "--to", "2025-01-01"], "is after --to"),
    (["timeline", "--to", "2025-02-29"], "--to: '2025-02-29' is not a real date"),
    (["graph", "-p", "narnia"], "--parties: unknown party 'narnia'"),
    (["graph", "--as-of", "x"], "--as-of: 'x' is not a date"),
    (["scenario", "run", "no_such_scenario"], "no such scenario file"),
    (["scenario", "run", "us_28_point_plan", "--as-of", "x"], "--as-of: 'x' is not a date"),
    (["brief", "--as-of", "x"], "--as-of: 'x' is not a date"),
    (["brief", "-p", "narnia"], "--parties: unknown party 'narnia'"),
    (["brief", "--as-of", "2025-06-01", "--since", "2025-07-01"], "is after the memo's date"),
    (["stability"], "give a model file or --from-positions"),
    (["stability", "--from-positions", "--as-of", "x"], "--as-of: 'x' is not a date"),
    ([*RECORD, "--date", "2025-01-01", "--option", "x"], "--option needs --stance"),
    ([*RECORD, "--date", "1 Oct", "--reset"], "--date: '1 Oct' is not a date"),
    ([*RECORD, "--date", "2025-01-01", "--reset", "--summary", "..."], "'...' looks like a placeholder"),
]


@pytest.mark.parametrize(("args", "message"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_bad_usage_exits_2_with_one_clean_message(args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, *DATA])
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_schema_of_an_unknown_kind_is_bad_usage() -> None:
    result = runner.invoke(app, ["schema", "nothing"])
    assert result.exit_code == 2 and "unknown schema kind 'nothing'" in result.stderr
