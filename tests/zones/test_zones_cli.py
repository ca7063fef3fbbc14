"""``positions zones`` and ``positions graph`` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from postrack.cli.app import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_zones_json_is_valid_with_an_exact_integer_count(zone_data: Path) -> None:
    code, out, err = run(
        "zones",
        "--data",
        str(zone_data),
        "-p",
        "north,south,broker",
        "--as-of",
        "2025-06-10",
        "-f",
        "json",
        "--top",
        "2",
        "--tier",
        "tolerated",
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["count"] == 6 and data["empty"] is False and data["ranking"] == "nash"
    assert data["tier"] == "tolerated"
    assert [t["tier"] for t in data["tiers"]] == ["agreed", "tolerated"] and data["tiers"][1]["count"] == 6
    assert len(data["best"]) == 2 and data["best"][0]["pareto"] is True
    assert data["issue_zones"][0]["in_zone"] == [{"option": "on_framework", "packages": 6}]


def test_zones_markdown_and_table_show_the_concessions(zone_data: Path) -> None:
    args = ("zones", "--data", str(zone_data), "-p", "north,south,broker", "--as-of", "2025-07-02")
    code, out, _ = run(*args, "-f", "md", "--tier", "tolerated")
    assert code == 0
    assert "**The tolerated zone is empty**" in out
    assert "## Cheapest concessions to open the zone" in out
    assert (
        "south drops its red line on military\\_aid=halted \\(from continues\\) — cost 7;"
        " News, 2025-05-16, https://example.org/s" in out
    )
    args = (*args, "--tier", "tolerated")
    code, out, _ = run(*args)
    assert code == 0 and "empty" in out and "Cheapest concessions to open the zone: cost 7" in out


def test_zones_rankings_and_improve(zone_data: Path) -> None:
    base = ("zones", "--data", str(zone_data), "-p", "north,south", "--as-of", "2025-06-10", "-f", "json")
    for ranking in ("egalitarian", "utilitarian"):
        code, out, _ = run(*base, "--ranking", ranking)
        assert code == 0 and json.loads(out)["ranking"] == ranking
    code, out, _ = run(*base, "--improve", "north", "--target", "0.9")
    assert code == 0 and json.loads(out)["concessions"]["mode"] == "improve"


def test_zones_scenario_overlays_the_data(zone_data: Path, tmp_path: Path) -> None:
    scenario = tmp_path / "aid_pause.yaml"
    scenario.write_text(
        "title: South accepts an aid pause\nrationale: Unblocks North's condition.\nas_of: 2025-07-02\n"
        "changes:\n  - party: south\n    issue: military_aid\n"
        "    summary: Aid may pause.\n    acceptable: [halted]\n",
        encoding="utf-8",
    )
    code, out, err = run(
        "zones",
        "--data",
        str(zone_data),
        "-p",
        "north,south,broker",
        "--scenario",
        str(scenario),
        "-f",
        "json",
        "--tier",
        "tolerated",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == "2025-07-02" and data["count"] == 6
    assert data["issue_zones"][0]["in_zone"] == [{"option": "immediate", "packages": 6}]


def test_zones_bad_usage_exits_2_without_traceback(zone_data: Path) -> None:
    for args in (
        ["--issues", "peace"],
        ["-p", "north,nobody"],
        ["--improve", "nobody"],
        ["--as-of", "soon"],
        ["--target", "0.5"],
    ):
        code, out, err = run("zones", "--data", str(zone_data), *args)
        assert code == 2 and out == "" and "Traceback" not in err and err


def test_graph_dot_and_json(zone_data: Path) -> None:
    base = ("graph", "--data", str(zone_data), "-p", "north,south", "--as-of", "2025-06-10")
    code, out, _ = run(*base)
    assert code == 0 and out.startswith("digraph linkage {")
    assert '"issue:ceasefire" -> "condition:north:ceasefire:needs_aid_halt"' in out
    code, out, _ = run(*base, "-f", "json")
    data = json.loads(out)
    assert data["links"] == [
        {
            "from": "ceasefire",
            "to": "military_aid",
            "conditions": ["condition:north:ceasefire:needs_aid_halt"],
            "parties": ["north"],
        }
    ]
