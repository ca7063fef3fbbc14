"""Hypothesis strategies for random but well-formed records: two issues, a few parties, dated statements."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from postrack.model import (
    Citation,
    Condition,
    Issue,
    Option,
    PartyFile,
    PartyInfo,
    Requirement,
    Source,
    Statement,
)
from postrack.model.parties import STANCES
from postrack.record import Record

SCALE = Issue(
    id="scale",
    title="An ordered issue",
    ordered=True,
    options=[Option(id=f"s{i}", label=f"S{i}") for i in range(5)],
)
SET = Issue(
    id="set", title="An unordered issue", options=[Option(id=f"u{i}", label=f"U{i}") for i in range(3)]
)
ISSUES = {SCALE.id: SCALE, SET.id: SET}
START = date(2025, 1, 1)
DAYS = 60
PARTIES = ("alpha", "beta", "gamma")


def day(offset: int) -> date:
    return START + timedelta(days=offset)


dates = st.integers(min_value=0, max_value=DAYS).map(day)


@st.composite
def statements(draw: st.DrawFn, issue: Issue) -> Statement:
    other = SET if issue is SCALE else SCALE
    options = issue.option_ids()
    stance_of = draw(st.dictionaries(st.sampled_from(options), st.sampled_from(STANCES), max_size=3))
    lists = {s: [o for o in options if stance_of.get(o) == s] for s in STANCES}
    conditions = draw(
        st.lists(
            st.builds(
                lambda cid, when, req: Condition(
                    id=cid,
                    when=[when],
                    requires=[Requirement(issue=other.id, options=[req])],
                    otherwise="red_line",
                ),
                st.sampled_from(["c1", "c2"]),
                st.sampled_from(options),
                st.sampled_from(other.option_ids()),
            ),
            max_size=2,
            unique_by=lambda c: c.id,
        )
    )
    return Statement(
        date=draw(dates),
        summary="said something",
        demand=lists["demand"],
        acceptable=lists["acceptable"],
        red_line=lists["red_line"],
        withdrawn=draw(st.lists(st.sampled_from(options), max_size=1)),
        reset=draw(st.booleans()),
        salience=draw(st.none() | st.integers(min_value=1, max_value=10)),
        conditions=conditions,
        drop_conditions=draw(st.lists(st.sampled_from(["c1", "c2"]), max_size=1, unique=True)),
        sources=[Citation(ref="src", paraphrase="p")],
    )


@st.composite
def records(draw: st.DrawFn) -> Record:
    parties = {}
    for pid in PARTIES[: draw(st.integers(min_value=2, max_value=3))]:
        positions = {}
        for issue in ISSUES.values():
            said = draw(st.lists(statements(issue), max_size=5))
            if said:
                positions[issue.id] = sorted(said, key=lambda s: s.date)
        parties[pid] = PartyFile(
            party=PartyInfo(id=pid, name=pid.title(), role="belligerent"),
            positions=positions,
        )
    return Record(
        issues=dict(ISSUES), parties=parties, sources={"src": Source(id="src", outlet="Wire", date=START)}
    )
