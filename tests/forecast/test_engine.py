"""The forecast on a record: inputs read through the stance model, capability and its default,
relabelling, issues left out, and the backtest's scoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from postrack.forecast import backtest, forecast
from postrack.forecast.inputs import DEFAULT_CAPABILITY
from postrack.loading import load_record
from postrack.problems import UserError

GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"
CAPABILITIES = """
capabilities:
  - date: 2025-06-01
    summary: Strong on the ceasefire, middling elsewhere.
    value: 30
    issues: {ceasefire: 90}
    sources: [{ref: post-2025-05-15, paraphrase: clout}]
"""


def test_ideal_is_the_demand_and_the_default_capability_is_flagged(small_dir: Path) -> None:
    result = forecast(load_record(small_dir), ["north", "south", "broker"], date(2025, 6, 10))
    ceasefire = next(i for i in result.issues if i.issue == "ceasefire")
    north = next(a for a in ceasefire.actors if a.party == "north")
    assert (north.ideal, north.ideal_from) == (2.0, "demand")  # demands on_final_settlement, step 2
    assert north.accepted == (0, 2)  # immediate (under a condition) and its demand
    assert north.capability == DEFAULT_CAPABILITY and north.capability_default
    assert result.default_capability == ("north", "south", "broker")


def test_capability_from_the_party_file_per_issue_then_overall(data_copy: Path) -> None:
    broker = data_copy / "broker.yaml"
    broker.write_text(broker.read_text(encoding="utf-8") + CAPABILITIES, encoding="utf-8")
    result = forecast(load_record(data_copy), ["north", "south", "broker"], date(2025, 6, 10))
    clout = {
        (i.issue, a.party): (a.capability, a.capability_default) for i in result.issues for a in i.actors
    }
    assert clout[("ceasefire", "broker")] == (90, False)
    assert result.default_capability == ("north", "south")
    before = forecast(load_record(data_copy), ["broker"], date(2025, 5, 20))
    assert before.default_capability == ("broker",)  # the estimate is dated after the forecast


def test_unordered_issues_and_parties_without_a_point_are_left_out(small_dir: Path) -> None:
    result = forecast(load_record(small_dir), ["north", "south"], date(2025, 6, 10))
    assert ("znpp", "not ordered: no scale to bargain along") in result.skipped
    assert all(i.issue != "znpp" for i in result.issues)


def test_unknown_issue_is_a_user_error(small_dir: Path) -> None:
    with pytest.raises(UserError, match="unknown issue 'nowhere'"):
        forecast(load_record(small_dir), ["north"], date(2025, 6, 10), ["ceasefire", "nowhere"])


def test_relabelling_parties_changes_no_forecast() -> None:
    record = load_record(GERD)
    one = forecast(record, ["egypt", "ethiopia", "sudan", "us"], date(2020, 2, 28))
    two = forecast(record, ["us", "sudan", "ethiopia", "egypt"], date(2020, 2, 28))
    for a, b in zip(one.issues, two.issues, strict=True):
        assert (a.model, a.mean, a.median, a.rounds) == (b.model, b.mean, b.median, b.rounds)
        assert sorted(a.moves, key=lambda m: m.party) == sorted(b.moves, key=lambda m: m.party)


def test_backtest_scores_every_method_on_the_same_pairs(small_dir: Path) -> None:
    result = backtest(
        load_record(small_dir), ["north", "south", "broker"], date(2025, 5, 16), date(2025, 6, 10)
    )
    assert [s.method for s in result.scores] == ["mean", "median", "model"]
    assert len({s.pairs for s in result.scores}) == 1
    for k, score in enumerate(result.scores):
        pairs = [p for i in result.issues for p in i.parties]
        assert score.hits == sum(p.hits[k] for p in pairs)
        for issue in result.issues:
            step = issue.options.index(issue.forecasts[k])
            for p in issue.parties:
                assert p.hits[k] == (step in p.accepted)
                assert p.distances[k] == abs(step - p.ideal)


def test_backtest_needs_a_later_date(small_dir: Path) -> None:
    with pytest.raises(UserError, match="must be after"):
        backtest(load_record(small_dir), ["north"], date(2025, 6, 10), date(2025, 6, 10))
