"""The GERD example workspace (examples/gerd): clean, complete, every command runs on it, and the
picture it gives matches what its sources say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.compare import compare
from postrack.loading import load_record

GERD = Path(__file__).resolve().parents[1] / "examples" / "gerd"
SCENARIO = GERD / "scenarios" / "ethiopia_binding_if_future_use_free.yaml"
RIPARIANS = ["egypt", "ethiopia", "sudan"]


@pytest.fixture(scope="module")
def record():
    return load_record(GERD)


def test_workspace_validates_without_errors_or_warnings(record) -> None:
    assert not record.warnings, [str(w) for w in record.warnings]
    assert len(record.parties) >= 4
    assert len(record.issues) >= 8
    for ref in record.all_statements():
        assert ref.statement.sources, f"{ref.party}.{ref.issue} on {ref.date} has no source"
    years = {ref.date.year for ref in record.all_statements()}
    assert {2019, 2020, 2021, 2022, 2023} <= years


def test_validate_command_says_ok() -> None:
    result = CliRunner().invoke(app, ["validate", str(GERD)])
    assert result.exit_code == 0, result.output
    assert ": ok: " in result.output
    assert "warning" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "--data", str(GERD)],
        ["compare", "--data", str(GERD), "-p", "egypt,ethiopia,sudan,african_union", "--as-of", "2020-10-31"],
        ["zones", "--data", str(GERD)],
        ["history", "egypt", "--data", str(GERD)],
        ["timeline", "--data", str(GERD)],
        ["diff", "--data", str(GERD), "--from", "2020-01-01"],
        ["graph", "--data", str(GERD)],
        ["stability", "--from-positions", "--data", str(GERD)],
        ["scenario", "run", str(SCENARIO), "--data", str(GERD)],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_command_runs(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output


def test_brief_writes_a_memo(tmp_path: Path) -> None:
    out = tmp_path / "gerd.md"
    result = CliRunner().invoke(app, ["brief", "--data", str(GERD), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


# --- Analyst expectations, each from the sources cited in the party files ------------------------


def test_washington_end_game_28_february_2020(record) -> None:
    """Egypt signed the US draft (ahram-2020-02-06) and Ethiopia did not, holding to "rules and
    guidelines" (ethiopianmonitor-2019-12-10): the binding character divides them. The filling in
    stages was agreed by all three on 15 January, "subject to final agreement" (hydroreview-2020-01-17)."""
    result = compare(record, RIPARIANS, date(2020, 2, 28))
    legal = next(i for i in result.issues if i.issue == "legal_status")
    assert legal.pair("egypt", "ethiopia").status == "incompatible"
    filling = next(i for i in result.issues if i.issue == "filling_period")
    assert filling.pair("egypt", "ethiopia").status == "overlap"
    assert "adaptive_stages" in filling.pair("egypt", "ethiopia").common


def test_downstream_states_agree_on_binding_deal_and_filling_in_2021(record) -> None:
    """Egypt and Sudan both demand a binding agreement and no filling before it (allafrica-2021-09-27,
    dabanga-2021-06, thereference-2021-08); Ethiopia fills on its own schedule (ena-2021-07-19)."""
    result = compare(record, RIPARIANS, date(2021, 9, 30))
    by_issue = {i.issue: i for i in result.issues}
    assert by_issue["legal_status"].pair("egypt", "sudan").status == "overlap"
    assert by_issue["filling_before_agreement"].pair("egypt", "sudan").status == "overlap"
    for downstream in ("egypt", "sudan"):
        assert by_issue["filling_before_agreement"].pair(downstream, "ethiopia").status == "incompatible"


def test_talks_end_apart_in_december_2023(record) -> None:
    """The last round failed (devdiscourse-2023-12-20, borkena-2023-12-20): Egypt still wants a
    binding deal (ahram-2023-10-23) and Ethiopia its share of the water (enterpriseam-2023-08-29)."""
    result = compare(record, ["egypt", "ethiopia"], date(2023, 12, 31))
    by_issue = {i.issue: i.pairs[0] for i in result.issues}
    assert by_issue["legal_status"].status == "incompatible"
    assert by_issue["water_shares"].status == "incompatible"
    assert by_issue["mediation"].status == "overlap"  # both agreed to the direct rounds of 2023


def test_scenario_opens_the_legal_status_issue() -> None:
    result = CliRunner().invoke(app, ["scenario", "run", str(SCENARIO), "--data", str(GERD), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "legal_status" in result.output
