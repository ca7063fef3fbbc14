"""Building a stability model from tracked positions, on a small hand-made record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from postrack.model import Citation, Condition, Issue, Option, PartyFile, PartyInfo, Requirement, Statement
from postrack.problems import UserError
from postrack.record import Record
from postrack.stability import analyse, build_model, load_model
from postrack.stability.bridge import Bridge
from postrack.stability.compile import compile_model
from postrack.stability.loading import generated_locator

DAY = date(2025, 5, 16)


def issue(ident: str, *options: str) -> Issue:
    return Issue(
        id=ident, title=ident.title(), options=[Option(id=o, label=o.replace("_", " ")) for o in options]
    )


def said(salience: int, conditions: list[Condition] | None = None, **stances: list[str]) -> list[Statement]:
    return [
        Statement(
            date=DAY,
            summary="stated",
            salience=salience,
            sources=[Citation(ref="wire")],
            conditions=conditions or [],
            **stances,  # type: ignore[arg-type]
        )
    ]


def party(ident: str, positions: dict[str, list[Statement]]) -> PartyFile:
    return PartyFile(party=PartyInfo(id=ident, name=ident.title(), role="belligerent"), positions=positions)


@pytest.fixture
def record() -> Record:
    # Hand-checked contest scores (salience x (1 - utility) at the common-ground option), with the
    # deal-zone utilities demand 1.0, acceptable 0.6, unstated 0.3 (a condition on an issue the
    # contest does not settle counts as met):
    #   ceasefire: common ground on_final_settlement (every party >= 0.3, highest weighted total);
    #              north 8 x 0 + south 9 x 0.7 + broker 5 x 0.7 = 9.8
    #   aid:       common ground continues; north 7 x 0.7 + south 10 x 0 = 4.9
    #   prisoners: common ground parity_swaps; north 4 x 0.4 + south 6 x 0.4 + broker 2 x 0 = 4.0
    #   znpp:      only south has a position: not contested.
    aid_continues = Condition(
        id="aid_first",
        when=["parity_swaps"],
        requires=[Requirement(issue="aid", options=["continues"])],
        otherwise="red_line",
    )
    issues = [
        issue("ceasefire", "immediate", "on_framework", "on_final_settlement"),
        issue("aid", "continues", "halted"),
        issue("prisoners", "all_for_all", "parity_swaps", "no_exchange"),
        issue("znpp", "ukraine_control", "russian_control"),
    ]
    parties = [
        party(
            "north",
            {
                "ceasefire": said(8, demand=["on_final_settlement"], red_line=["immediate"]),
                "aid": said(7, demand=["halted"]),
                "prisoners": said(4, acceptable=["parity_swaps"], red_line=["all_for_all"]),
            },
        ),
        party(
            "south",
            {
                "ceasefire": said(9, demand=["immediate"]),
                "aid": said(10, demand=["continues"], red_line=["halted"]),
                "prisoners": said(6, [aid_continues], demand=["all_for_all"], acceptable=["parity_swaps"]),
                "znpp": said(3, demand=["ukraine_control"]),
            },
        ),
        party(
            "broker",
            {
                "ceasefire": said(5, demand=["immediate"], acceptable=["on_framework"]),
                "prisoners": said(2, demand=["parity_swaps"]),
            },
        ),
    ]
    return Record(issues={i.id: i for i in issues}, parties={p.party.id: p for p in parties})


def built(record: Record, issues: list[str] | None = None) -> Bridge:
    return build_model(record, ["north", "south", "broker"], DAY, issues)


def test_most_contested_issues_are_chosen(record: Record) -> None:
    bridge = built(record)
    assert [(i.issue, i.contest, i.common_ground) for i in bridge.issues] == [
        ("ceasefire", 9.8, "on_final_settlement"),
        ("aid", 4.9, "continues"),
        ("prisoners", 4.0, "parity_swaps"),
    ]


def test_each_party_concedes_the_nearest_option_another_accepts(record: Record) -> None:
    bridge = built(record)
    # The issues are unordered, so every option is one step away: the option more parties accept
    # wins, then one the party does not red-line. North may accept the immediate ceasefire South and
    # Broker accept; South has nothing to concede on prisoners (it accepts parity swaps already, under
    # a condition). Options run decision maker by decision maker, in the order the parties were given.
    assert [c.id for c in bridge.concessions] == [
        "north_accepts_ceasefire_immediate",
        "north_accepts_aid_continues",
        "north_accepts_prisoners_all_for_all",
        "south_accepts_ceasefire_on_framework",
        "south_accepts_aid_halted",
        "broker_accepts_ceasefire_on_final_settlement",
        "broker_accepts_prisoners_all_for_all",
    ]
    assert [dm.id for dm in bridge.model.decision_makers] == ["north", "south", "broker"]


def test_a_concession_is_never_an_option_the_party_already_accepts(record: Record) -> None:
    for c in built(record).concessions:
        stances = record.parties[c.party].positions[c.issue][-1]
        assert c.option not in (*stances.demand, *stances.acceptable)


def state(bridge: Bridge, *taken: str) -> int:
    return sum(1 << k for k, c in enumerate(bridge.concessions) if c.id in taken)


def test_utilities_follow_the_settled_options(record: Record) -> None:
    bridge = built(record)
    north, south = bridge.utilities["north"], bridge.utilities["south"]
    # In the status quo prisoners settle on parity swaps, which all three accept: 4 x 0.6 for North;
    # South accepts them only if aid continues, which is unsettled, so they fall to its red line: 6 x -4.
    assert (north[0], south[0]) == pytest.approx((2.4, -24.0))
    # North accepting continued aid settles aid on South's demand: 7 x 0.3 more for North; for South
    # 10 x 1, and its condition on parity swaps now holds: 6 x 0.6.
    aid = state(bridge, "north_accepts_aid_continues")
    assert (north[aid], south[aid]) == pytest.approx((4.5, 13.6))
    # North crossing its red line on the ceasefire settles it on immediate: 8 x -4 for North.
    assert north[state(bridge, "north_accepts_ceasefire_immediate")] == pytest.approx(-32.0 + 2.4)


def test_generated_model_ranks_states_by_utility(record: Record) -> None:
    bridge = built(record)
    game = compile_model(bridge.model, generated_locator("generated"))
    north = bridge.utilities["north"]
    for a in range(game.size):
        for b in (0, 5, 77, game.size - 1):
            assert (north[a] > north[b]) == game.prefers(0, a, b)
    assert game.status_quo == 0


def test_saved_model_loads_back_to_the_same_game(record: Record, tmp_path: Path) -> None:
    bridge = built(record, ["aid", "prisoners"])
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(bridge.model.model_dump(mode="json", exclude_none=True), sort_keys=False))
    game = load_model(path)
    direct = compile_model(bridge.model, generated_locator("generated"))
    assert (game.levels == direct.levels).all()
    assert [o.id for o in game.options] == [c.id for c in bridge.concessions]


def test_status_quo_without_concessions_is_stable(record: Record) -> None:
    # Conceding alone settles nothing unless the others already demand the option, so nobody gains
    # by moving first from "no concession" except on aid, where South's demand is settled by North's
    # acceptance: North gains 1.75 there (unstated beats no deal).
    analysis = analyse(compile_model(built(record).model, generated_locator("generated")))
    instabilities = analysis.instabilities(0)
    assert {(u.concept, analysis.game.decision_makers[u.dm].id) for u in instabilities} >= {("nash", "north")}
    nash = [u for u in instabilities if u.concept == "nash"]
    assert [analysis.game.taken(u.escape.target) for u in nash] == [["north_accepts_aid_continues"]]


def test_explicit_issues_and_their_errors(record: Record) -> None:
    assert [i.issue for i in built(record, ["prisoners"]).issues] == ["prisoners"]
    with pytest.raises(UserError, match="unknown issue 'nope'"):
        built(record, ["nope"])
    with pytest.raises(UserError, match="fewer than two of the parties have a position on znpp"):
        built(record, ["znpp"])
    with pytest.raises(UserError, match="fewer than two of the parties have anything to concede"):
        # Broker demands parity swaps, which North may accept; North demands nothing Broker could accept.
        build_model(record, ["north", "broker"], DAY, ["prisoners"])


def test_nothing_contested(record: Record) -> None:
    with pytest.raises(UserError, match="disagree on no issue"):
        build_model(record, ["north", "south"], date(2025, 1, 1))
