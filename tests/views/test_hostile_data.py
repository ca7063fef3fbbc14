"""Hostile data text through every command and format: no crash, no control character, no markup.

Whatever a party name, a summary, a source or a scenario title holds, each output shows it as
text: Rich does not style it or make it a link, Markdown does not read it as emphasis or HTML,
JSON parses, and no byte reaches the terminal that could move the cursor, hide text, ring a bell
or reverse the reading order.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.views.hostile import PIECES, has_raw_control, hostile_workspace
from typer.testing import CliRunner

from postrack.cli.app import app

runner = CliRunner()
FORMATS = ("table", "md", "json")


def commands(data: Path, scenario: Path) -> list[list[str]]:
    common = ["--data", str(data), "--as-of", "2025-12-31"]
    out = []
    for fmt in FORMATS:
        out += [
            ["compare", *common, "-f", fmt],
            ["compare", "--data", str(data), "-s", str(scenario), "-f", fmt],
            ["zones", *common, "-f", fmt, "--tier", "tolerated"],
            ["zones", "--data", str(data), "-s", str(scenario), "-f", fmt],
            ["history", "russia", *common, "-f", fmt],
            ["diff", "--from", "2025-01-01", "--to", "2025-12-31", *common, "-f", fmt],
            ["timeline", *common, "-f", fmt],
            ["scenario", "run", str(scenario), "--data", str(data), "-f", fmt],
            ["stability", "--from-positions", *common, "-f", fmt],
            ["forecast", *common, "-f", fmt],
        ]
    return [
        *out,
        ["graph", *common, "-f", "dot"],
        ["graph", *common, "-f", "json"],
        ["validate", str(data)],
        ["brief", *common, "-f", "md"],
        ["brief", *common, "-f", "html"],
        ["robustness", *common, "--samples", "100", "-f", "md"],
    ]


def check(args: list[str]) -> None:
    result = runner.invoke(app, args)
    where = " ".join(args)
    assert result.exit_code == 0, f"{where}: exit {result.exit_code}\n{result.stderr}"
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, where
        assert not has_raw_control(stream), f"{where}: raw control character in {stream!r:.400}"
        assert "ZwZ" not in stream, f"{where}: console markup was interpreted"
    fmt = args[args.index("-f") + 1] if "-f" in args else "table"
    if fmt == "md":
        assert "Y**v**Y" not in result.stdout, f"{where}: raw Markdown emphasis"
    if fmt in ("md", "html"):
        assert not re.search(r"(?<!\\)<img", result.stdout), f"{where}: raw HTML"
    if fmt == "json" and result.exit_code == 0:
        json.loads(result.stdout)


@settings(max_examples=3)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5, unique=True).map(" ".join))
def test_hostile_text_is_never_markup_nor_control(hostile: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        scenario = hostile_workspace(data, hostile)
        for args in commands(data, scenario):
            check(args)


def test_every_piece_at_once_in_every_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    scenario = hostile_workspace(data, " ".join(PIECES))
    for args in commands(data, scenario):
        check(args)


@pytest.mark.parametrize("name", ["bad\x1b[2Jname.yaml", "bad\u202ename.yaml", "bad\x85name.yaml"])
def test_a_hostile_file_name_reaches_stderr_escaped(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    hostile_workspace(data, "x")
    (data / name).write_text("party: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(data)])
    assert result.exit_code == 1
    assert not has_raw_control(result.stderr) and "name.yaml" in result.stderr
