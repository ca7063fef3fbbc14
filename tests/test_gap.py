"""The gap between two parties on an issue: 0 exactly when they share an acceptable option."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from postrack.gap import gap
from postrack.model import Citation, Issue, Option, Statement
from postrack.model.parties import STANCES
from postrack.record import IssuePosition, StatementRef, fold_each

ORDERED = Issue(
    id="line", title="Line", ordered=True, options=[Option(id=f"o{i}", label=f"O{i}") for i in range(6)]
)
UNORDERED = Issue(id="set", title="Set", options=[Option(id=f"o{i}", label=f"O{i}") for i in range(4)])
DAY = date(2025, 5, 16)


def position(issue: Issue, party: str, **stances: list[str]) -> IssuePosition:
    lists = {s: stances.get(s, []) for s in STANCES}
    statement = Statement(
        date=DAY,
        summary="s",
        sources=[Citation(ref="src")],
        demand=lists["demand"],
        acceptable=lists["acceptable"],
        red_line=lists["red_line"],
    )
    return fold_each(party, issue.id, [StatementRef(party, issue.id, 0, statement)])[-1]


def test_ordered_gap_counts_steps_between_the_nearest_accepted_options() -> None:
    a = position(ORDERED, "a", demand=["o0"], acceptable=["o1"], red_line=["o4", "o5"])
    b = position(ORDERED, "b", demand=["o5"], acceptable=["o4"])
    assert gap(ORDERED, a, b) == 3


def test_a_shared_acceptable_option_is_a_gap_of_zero() -> None:
    a = position(ORDERED, "a", demand=["o0"], acceptable=["o2"])
    b = position(ORDERED, "b", acceptable=["o2"], demand=["o5"])
    assert gap(ORDERED, a, b) == 0


def test_unordered_gap_is_zero_or_one() -> None:
    a = position(UNORDERED, "a", demand=["o0"])
    assert gap(UNORDERED, a, position(UNORDERED, "b", acceptable=["o3"])) == 1
    assert gap(UNORDERED, a, position(UNORDERED, "b", acceptable=["o0", "o3"])) == 0


def test_no_position_or_nothing_accepted_gives_none() -> None:
    a = position(ORDERED, "a", demand=["o0"])
    assert gap(ORDERED, a, None) is None
    assert gap(ORDERED, None, a) is None
    assert gap(ORDERED, a, position(ORDERED, "b", red_line=["o0", "o1"])) is None


@st.composite
def stance_maps(draw: st.DrawFn, issue: Issue) -> dict[str, list[str]]:
    held = draw(st.dictionaries(st.sampled_from(issue.option_ids()), st.sampled_from(STANCES)))
    return {s: [o for o in issue.option_ids() if held.get(o) == s] for s in STANCES}


@given(
    st.sampled_from([ORDERED, UNORDERED]).flatmap(
        lambda i: st.tuples(st.just(i), stance_maps(i), stance_maps(i))
    )
)
def test_gap_is_zero_exactly_when_an_accepted_option_is_shared(
    case: tuple[Issue, dict[str, list[str]], dict[str, list[str]]],
) -> None:
    issue, first, second = case
    a, b = position(issue, "a", **first), position(issue, "b", **second)
    accepted_a = {o for o in issue.option_ids() if a.stance(o) in ("demand", "acceptable")}
    accepted_b = {o for o in issue.option_ids() if b.stance(o) in ("demand", "acceptable")}
    found = gap(issue, a, b)
    assert found == gap(issue, b, a)
    assert (found is None) == (not accepted_a or not accepted_b)
    if found is not None:
        assert (found == 0) == bool(accepted_a & accepted_b)
        assert 0 <= found <= (len(issue.options) - 1 if issue.ordered else 1)
