"""The hardening / softening / reframing rule (docs/tracker.md), case by case and as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postrack.model import Condition, Issue, Requirement
from postrack.model.parties import STANCES, Stance
from postrack.tracker.classify import classify, own_end
from postrack.tracker.state import PositionState

from .strategies import SCALE, SET

ACCEPTING: tuple[Stance, ...] = ("demand", "acceptable")
OPPOSITE = {"hardening": "softening", "softening": "hardening", "reframing": "reframing"}


def state(
    issue: Issue, stances: dict[str, Stance], salience: int | None = None, conditions: tuple[str, ...] = ()
) -> PositionState:
    held = tuple((o, stances[o]) for o in issue.option_ids() if o in stances)
    conds = tuple(
        Condition(
            id=c,
            when=[issue.option_ids()[0]],
            requires=[Requirement(issue="other", options=["x"])],
            otherwise="red_line",
        )
        for c in conditions
    )
    return PositionState(held, salience, conds)


LOW = -1  # the party's own end is the first option (s0)


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        # accepting an option closer to the other end
        ({"s0": "demand"}, {"s0": "demand", "s2": "acceptable"}, "softening"),
        # dropping the option closest to the other end
        ({"s0": "demand", "s2": "acceptable"}, {"s0": "demand"}, "hardening"),
        # no longer accepting its own maximal option: it accepts less, a hardening by the ladder
        ({"s0": "demand", "s1": "acceptable"}, {"s1": "acceptable"}, "hardening"),
        # the whole range shifts: one option up, one down (the reasons give the direction)
        ({"s2": "acceptable"}, {"s1": "acceptable"}, "reframing"),
        # dropping a red line without accepting the option
        ({"s0": "demand", "s4": "red_line"}, {"s0": "demand"}, "softening"),
        # a new red line
        ({"s0": "demand"}, {"s0": "demand", "s3": "red_line"}, "hardening"),
        # only the ideal moves, the accepted set unchanged: no option moved on the ladder
        ({"s0": "demand", "s1": "acceptable"}, {"s0": "acceptable", "s1": "demand"}, "reframing"),
        ({"s0": "demand", "s1": "demand"}, {"s0": "demand", "s1": "acceptable"}, "reframing"),
        # the same options accepted, a different one in the middle: neither wider nor narrower
        (
            {"s0": "demand", "s1": "acceptable", "s3": "acceptable"},
            {"s0": "demand", "s2": "acceptable", "s3": "acceptable"},
            "reframing",
        ),
        ({"s0": "demand"}, {"s0": "demand"}, "reaffirmed"),
    ],
)
def test_ordered_cases(before: dict[str, Stance], after: dict[str, Stance], kind: str) -> None:
    assert classify(SCALE, state(SCALE, before), state(SCALE, after), LOW)[0] == kind


def test_conditions_added_harden_and_dropped_soften() -> None:
    plain, bound = state(SCALE, {"s0": "demand"}), state(SCALE, {"s0": "demand"}, conditions=("c1",))
    assert classify(SCALE, plain, bound, LOW) == ("hardening", ("s0: accepted → conditional",))
    assert classify(SCALE, bound, plain, LOW) == ("softening", ("s0: conditional → accepted",))


def test_salience_alone_is_a_reframing_with_its_reason() -> None:
    kind, reasons = classify(SCALE, state(SCALE, {"s0": "demand"}, 5), state(SCALE, {"s0": "demand"}, 9), LOW)
    assert (kind, reasons) == ("reframing", ("salience 5 → 9",))


def test_moves_in_both_directions_are_a_reframing_that_names_both() -> None:
    before = state(SCALE, {"s0": "demand"})
    after = state(SCALE, {"s0": "demand", "s3": "acceptable"}, conditions=("c1",))
    kind, reasons = classify(SCALE, before, after, LOW)
    assert kind == "reframing"
    assert {"s0: accepted → conditional", "s3: unstated → accepted"} <= set(reasons)


def test_a_first_acceptance_after_red_lines_is_an_opening() -> None:
    refusing = state(SCALE, {"s4": "red_line"})
    assert classify(SCALE, refusing, state(SCALE, {"s0": "demand", "s4": "red_line"}), LOW)[0] == "opening"


def test_unordered_issues_read_widening_and_narrowing() -> None:
    one, two = state(SET, {"u0": "demand"}), state(SET, {"u0": "demand", "u1": "acceptable"})
    assert classify(SET, one, two)[0] == "softening"
    assert classify(SET, two, one)[0] == "hardening"
    assert classify(SET, one, state(SET, {"u1": "demand"}))[0] == "reframing"


def test_the_first_statement_is_an_opening() -> None:
    assert classify(SCALE, None, state(SCALE, {"s0": "demand"})) == ("opening", ())


def test_own_end_leans_with_the_accepted_options_else_away_from_red_lines() -> None:
    assert own_end(SCALE, state(SCALE, {"s0": "demand", "s1": "acceptable"})) == -1
    assert own_end(SCALE, state(SCALE, {"s4": "demand"})) == 1
    assert own_end(SCALE, state(SCALE, {"s0": "red_line"})) == 1
    assert own_end(SCALE, state(SCALE, {"s2": "demand"})) is None
    assert own_end(SET, state(SET, {"u0": "demand"})) is None


@st.composite
def states(draw: st.DrawFn, issue: Issue) -> PositionState:
    held = draw(st.dictionaries(st.sampled_from(issue.option_ids()), st.sampled_from(STANCES)))
    conditions = tuple(sorted(draw(st.sets(st.sampled_from(["c1", "c2"])))))
    return state(issue, held, draw(st.none() | st.integers(1, 10)), conditions)


@given(
    st.sampled_from([SCALE, SET]).flatmap(lambda i: st.tuples(st.just(i), states(i), states(i))),
    st.sampled_from([-1, 1]),
)
def test_undoing_a_change_is_the_opposite_change(
    case: tuple[Issue, PositionState, PositionState], end: int
) -> None:
    issue, a, b = case
    forward, _ = classify(issue, a, b, end)
    backward, _ = classify(issue, b, a, end)
    if a == b:
        assert forward == backward == "reaffirmed"
    elif not a.stances or not b.stances:  # from no stance at all, any change is an opening
        assert "opening" in (forward, backward)
    elif "opening" in (forward, backward):  # one side accepts nothing: going back loses every acceptance
        assert {forward, backward} - {"opening"} <= {"hardening", "reframing"}
    else:
        assert backward == OPPOSITE[forward]


@st.composite
def widenings(draw: st.DrawFn) -> tuple[PositionState, PositionState]:
    """A state that accepts something, and the same state accepting one more, unstated option."""
    extra = draw(st.sampled_from(SET.option_ids()))
    rest = [o for o in SET.option_ids() if o != extra]
    held: dict[str, Stance] = draw(st.dictionaries(st.sampled_from(rest), st.sampled_from(STANCES)))
    held[draw(st.sampled_from(rest))] = draw(st.sampled_from(ACCEPTING))
    base = state(SET, held, draw(st.none() | st.integers(1, 10)))
    return base, base.with_stance(SET, extra, draw(st.sampled_from(ACCEPTING)))


@given(widenings())
def test_accepting_one_more_option_and_nothing_else_softens(
    case: tuple[PositionState, PositionState],
) -> None:
    base, wider = case
    assert classify(SET, base, wider)[0] == "softening"
    assert classify(SET, wider, base)[0] == "hardening"
