"""``positions robustness`` and ``--robustness`` on compare and zones, end to end on shipped data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.loading import load_record
from postrack.paths import shipped_data_dir
from postrack.robustness import analyse

GERD = Path(__file__).parents[2] / "examples" / "gerd"
SMALL = Path(__file__).parents[1] / "data" / "small"
FAST = ["--samples", "100", "--seed", "7"]


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_same_seed_same_numbers_and_every_verdict_has_an_estimate() -> None:
    args = ["robustness", "--data", str(shipped_data_dir()), "--as-of", "2025-05-16", "-f", "json", *FAST]
    first, again = run(*args), run(*args)
    assert first == again
    report = json.loads(first)
    kinds = {v["verdict"]["kind"] for v in report["verdicts"]}
    assert kinds == {"cell", "zone", "top", "cheapest"}
    for v in report["verdicts"]:
        e = v["estimate"]
        assert 0.0 <= e["low"] <= e["probability"] <= e["high"] <= 1.0
        assert e["method"] == "exact" or (e["worlds"], e["seed"]) == (100, 7)


def test_table_fits_80_columns_and_markdown_says_what_rests_on_what() -> None:
    data = ["--data", str(shipped_data_dir()), "--as-of", "2025-06-02", "-p", "russia,ukraine", *FAST]
    table = run("robustness", *data)
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "How sure are we" in table
    md = run("robustness", *data, "-f", "md")
    assert "| verdict | value | probability kept | rests on | smallest flip |" in md
    assert "rests on" in md and "Monte Carlo, 100 worlds, seed 7" in md


@pytest.mark.parametrize("command", ["compare", "zones"])
def test_robustness_only_adds_to_compare_and_zones(command: str) -> None:
    args = [command, "--data", str(SMALL), "--as-of", "2025-06-10", "-f", "json"]
    plain = json.loads(run(*args))
    added = json.loads(run(*args, "--robustness"))
    assert added.pop("robustness")["verdicts"]
    assert added == plain


def test_an_unreachable_scheduler_is_a_user_error() -> None:
    result = CliRunner().invoke(
        app,
        [
            "robustness",
            "--data",
            str(shipped_data_dir()),
            "--as-of",
            "2025-05-16",
            "--scheduler",
            "tcp://127.0.0.1:9",
            *FAST,
        ],
    )
    assert result.exit_code == 1
    assert "--scheduler" in result.stderr and "Traceback" not in result.stderr


def test_gerd_example_works_without_any_assumption_about_the_parties() -> None:
    record = load_record(GERD)
    report = analyse(record, ["egypt", "ethiopia", "sudan"], date(2021, 7, 1), zones="tiers", samples=200)
    assert report.statements > 0
    assert any(r.rests_on for r in report.verdicts)
    assert all(0.0 <= r.estimate.probability <= 1.0 for r in report.verdicts)


def test_a_dask_cluster_gives_the_same_numbers_as_this_process() -> None:
    distributed = pytest.importorskip("distributed")
    record = load_record(shipped_data_dir())
    args = (record, ["russia", "ukraine", "us"], date(2025, 5, 16))
    here = analyse(*args, zones="tiers", samples=500, seed=3)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        there = analyse(*args, zones="tiers", samples=500, seed=3, executor=client.get_executor())
    assert there.to_dict() == here.to_dict()
    assert any(r.estimate.method == "monte_carlo" for r in here.verdicts)


def test_the_memo_says_so_of_every_verdict_resting_on_a_low_confidence_statement() -> None:
    from postrack.briefing.robustness_section import MEMO_SAMPLES, robustness_section
    from postrack.robustness import wording

    record = load_record(shipped_data_dir())
    parties, as_of = ["russia", "ukraine", "us"], date(2025, 6, 2)
    section = robustness_section(record, parties, as_of)
    report = analyse(record, parties, as_of, zones="tiers", samples=MEMO_SAMPLES)
    on_low = [r for r in report.verdicts if any(n.confidence == "low" or n.weak for n in r.rests_on)]
    listed = {v.sentence for v in section.weak}
    assert all(wording.sentence(r) in listed for r in on_low)
    assert section.weak and section.verdicts == len(report.verdicts)


def test_an_unknown_issue_is_a_user_error() -> None:
    result = CliRunner().invoke(
        app, ["robustness", "--data", str(shipped_data_dir()), "--as-of", "2025-06-02", "--issues", "nope"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --issues: give known issues, each once (unknown: 'nope'")


def test_a_zone_resting_on_one_weak_statement_says_whose_position_and_which_source() -> None:
    from postrack.robustness import wording

    report = analyse(load_record(SMALL), ["north", "south", "broker"], date(2025, 6, 10), zones="tiers")
    agreed = report.verdict("zone/agreed/empty")
    assert [(n.party, n.issue, n.confidence) for n in agreed.rests_on] == [("south", "military_aid", "low")]
    assert wording.sentence(agreed).startswith(
        "the agreed zone is empty because of south's position on military_aid, which rests on one"
        " low-confidence statement (south on military_aid, 2025-06-01 (Blog, 2025-06-01))"
    )
    assert agreed.weak_ground
