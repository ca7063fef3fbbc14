"""Building the model from a record, and the whole analysis on a small fixture data set."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from itertools import product
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postrack.loading import load_record
from postrack.model import Bloc, Issue, Manifest, Option
from postrack.problems import UserError
from postrack.record import Record
from postrack.stance import of_position
from postrack.zones import ZoneModel, analyse, build
from postrack.zones.utility import normalise, option_utilities

PARTIES = ["north", "south", "broker"]


@pytest.fixture
def record(zone_data: Path) -> Record:
    return load_record(zone_data)


@given(st.lists(st.integers(0, 10), min_size=1, max_size=20))
def test_weights_are_normalised_to_exactly_ten_thousand(saliences: list[int]) -> None:
    weights = normalise(saliences)
    assert sum(weights) == (10_000 if sum(saliences) else 0)
    assert all(w == 0 for w, s in zip(weights, saliences, strict=True) if s == 0)
    total = sum(saliences)
    assert all(abs(w - s * 10_000 / total) < 1 for w, s in zip(weights, saliences, strict=True) if total)


def test_unstated_options_fall_with_distance_from_the_demand(record: Record) -> None:
    scale = Issue(
        id="scale", title="Scale", ordered=True, options=[Option(id=f"o{k}", label=f"O{k}") for k in range(5)]
    )
    pos = record.position("north", "ceasefire", date(2025, 5, 20))
    assert option_utilities(record.issue("ceasefire"), of_position(record.issue("ceasefire"), pos)) == (
        0,
        500,
        1000,
    )
    assert option_utilities(record.issue("znpp"), None) == (300, 300, 300)
    north_prisoners = record.position("north", "prisoners", date(2025, 5, 20))
    prisoners = of_position(record.issue("prisoners"), north_prisoners)
    assert option_utilities(record.issue("prisoners"), prisoners) == (500, 1000, 500)
    assert option_utilities(scale, None) == (300,) * 5
    from postrack.zones.utility import unstated_on_scale

    assert [unstated_on_scale(d, 5) for d in range(1, 5)] == [500, 367, 233, 100]


def test_build_takes_red_lines_conditions_saliences_and_no_deal(record: Record) -> None:
    model = build(record, PARTIES, date(2025, 6, 10), tier="tolerated")
    assert [i.id for i in model.issues] == ["ceasefire", "military_aid", "prisoners", "znpp"]
    north, south, broker = model.parties
    assert north.no_deal == 200 and south.no_deal == 0
    assert north.weights == (4706, 3529, 1765, 0)
    assert broker.weights == (10_000, 0, 0, 0)
    lines = {
        (
            model.parties[r.party].id,
            model.issues[r.issue].id,
            model.issues[r.issue].options[r.option],
            r.cost // model.cost_unit,
        )
        for r in model.red_lines
    }
    assert lines == {
        ("south", "ceasefire", "on_final_settlement", 9),
        ("south", "military_aid", "halted", 7),
        ("south", "znpp", "russian_control", 5),
    }
    (cond,) = model.conditions
    assert (cond.id, cond.issue, cond.when, cond.cost // model.cost_unit) == (
        "needs_aid_halt",
        0,
        frozenset({0}),
        8,
    )
    assert [(r.issue, r.options) for r in cond.requires] == [(1, frozenset({1}))]


def test_a_condition_pointing_outside_the_model_counts_as_not_met(record: Record) -> None:
    model = build(record, PARTIES, date(2025, 6, 10), issues=["ceasefire", "prisoners"], tier="tolerated")
    (cond,) = model.conditions
    assert cond.requires == ()
    assert model.notes == (
        "north: condition 'needs_aid_halt' on ceasefire also accepts military_aid,"
        " which is outside the model: those alternatives count as not met",
    )
    report = analyse(record, PARTIES, date(2025, 6, 10), issues=["ceasefire", "prisoners"], tier="tolerated")
    (excluded,) = [e for e in report.issue_zone("ceasefire").excluded if e.option == "immediate"]
    assert [c.label() for c in excluded.blocked_by] == [
        "north: condition needs_aid_halt (ceasefire in [immediate] needs nothing inside the model)"
    ]


@pytest.mark.parametrize(
    ("parties", "issues", "message"),
    [
        (["north", "nobody"], None, "unknown party 'nobody'"),
        (["north"], ["ceasefire", "peace"], "--issues: unknown issue 'peace'"),
        (["north"], ["ceasefire", "ceasefire"], "--issues: give each issue once"),
        ([], None, "give at least one party"),
    ],
)
def test_bad_parties_and_issues_are_user_errors(
    record: Record, parties: list[str], issues: list[str] | None, message: str
) -> None:
    with pytest.raises(UserError) as error:
        build(record, parties, date(2025, 6, 10), issues, tier="tolerated")
    assert message in str(error.value)


def test_open_zone_report(record: Record) -> None:
    report = analyse(record, PARTIES, date(2025, 6, 10), top=3, tier="tolerated")
    assert not report.empty and report.count == 6
    ceasefire = report.issue_zone("ceasefire")
    assert [(c.option, c.packages) for c in ceasefire.in_zone] == [("on_framework", 6)]
    reasons = {e.option: ([c.label() for c in e.blocked_by], e.cost, e.red_lines) for e in ceasefire.excluded}
    assert reasons == {
        "immediate": (["south: red line military_aid=halted"], 7, ()),
        "on_final_settlement": (["south: red line ceasefire=on_final_settlement"], 9, ("south",)),
    }
    first = report.best[0]
    assert first.option("prisoners") == "parity_swaps" and first.option("znpp") == "ukraine_control"
    assert [u.utility for u in first.utilities] == [0.58825, 0.756, 0.6]
    assert first.score == pytest.approx((0.58825 - 0.2) * 0.756 * 0.6)
    assert [p.pareto for p in report.best] == [True, True, False]
    assert report.concessions is None
    assert json.loads(json.dumps(report.to_dict()))["count"] == 6


def test_empty_zone_reports_the_cheapest_concession_with_its_source(record: Record) -> None:
    report = analyse(record, PARTIES, date(2025, 7, 2), tier="tolerated")
    assert report.empty and report.count == 0 and report.best == ()
    concessions = report.concessions
    assert (
        concessions is not None
        and concessions.mode == "open"
        and concessions.cost == 7
        and concessions.complete
    )
    ((only,),) = [s.concessions for s in concessions.sets]
    assert (only.kind, only.party, only.issue, only.option, only.stated) == (
        "red_line",
        "south",
        "military_aid",
        "halted",
        date(2025, 5, 16),
    )
    assert [(s.outlet, s.url) for s in only.sources] == [("News", "https://example.org/s")]
    assert concessions.sets[0].opens == 3 * 2
    assert [(s.concession.label(), s.opens) for s in concessions.singles] == [
        ("south: red line military_aid=halted", 6)
    ]
    prisoners = report.issue_zone("prisoners")
    assert prisoners.in_zone == () and all(e.blocked_by == () for e in prisoners.excluded)


def test_improve_asks_the_others_for_the_cheapest_concessions(record: Record) -> None:
    report = analyse(
        record, ["north", "south"], date(2025, 6, 10), improve="north", target=0.9, tier="tolerated"
    )
    c = report.concessions
    assert c is not None and c.mode == "improve" and c.party == "north" and c.target == pytest.approx(0.9)
    assert c.cost is not None and all(x.party == "south" for s in c.sets for x in s.concessions)
    best = analyse(record, ["north", "south"], date(2025, 6, 10), improve="north", tier="tolerated")
    assert best.concessions is not None and best.concessions.target == pytest.approx(1.0)
    with pytest.raises(UserError, match="no position on any issue"):
        analyse(
            record,
            ["north", "broker"],
            date(2025, 6, 10),
            issues=["znpp"],
            improve="broker",
            tier="tolerated",
        )


def test_a_bloc_concedes_once(record: Record) -> None:
    """North and south as one bloc: an exclusion both hold is one constraint at the higher cost."""
    alone = build(record, PARTIES, date(2025, 6, 10), tier="agreed")
    bloc = Bloc(id="northern", name="The northern bloc", members=["north", "south"])
    together = build(
        replace(record, manifest=Manifest(blocs=[bloc])), PARTIES, date(2025, 6, 10), tier="agreed"
    )
    shared = {
        (r.issue, r.option, r.kind)
        for r in alone.red_lines
        if r.party == 0
        and any(
            x.party == 1 and (x.issue, x.option, x.kind) == (r.issue, r.option, r.kind)
            for x in alone.red_lines
        )
    }
    assert shared == {(0, 1, "not_accepted"), (2, 2, "not_accepted")}
    merged = [r for r in together.red_lines if r.bloc == "northern"]
    assert {(r.issue, r.option, r.kind) for r in merged} == shared
    for r in merged:
        pair = [
            x.cost
            for x in alone.red_lines
            if (x.issue, x.option, x.kind) == (r.issue, r.option, r.kind) and x.party in (0, 1)
        ]
        assert r.cost == max(pair)
    assert len(together.red_lines) == len(alone.red_lines) - len(shared)
    assert engine_count(together) == engine_count(alone)  # merging changes costs, never the zone


def engine_count(model: ZoneModel) -> int:
    return sum(1 for x in product(*(range(len(i.options)) for i in model.issues)) if not model.violated(x))
