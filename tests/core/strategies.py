"""Hypothesis strategies that generate small, valid records straight from the models."""

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
from postrack.record import Record

START = date(2025, 1, 1)


@st.composite
def catalogues(draw: st.DrawFn) -> dict[str, Issue]:
    n = draw(st.integers(2, 4))
    issues = {}
    for i in range(n):
        k = draw(st.integers(2, 4))
        issues[f"i{i}"] = Issue(
            id=f"i{i}",
            title=f"Issue {i}",
            ordered=draw(st.booleans()),
            options=[Option(id=f"o{j}", label=f"Option {j}") for j in range(k)],
        )
    return issues


@st.composite
def statements(draw: st.DrawFn, issue: Issue, issues: dict[str, Issue], day: int) -> Statement:
    options = issue.option_ids()
    stance_of = draw(
        st.lists(
            st.sampled_from(["demand", "acceptable", "red_line", None]),
            min_size=len(options),
            max_size=len(options),
        )
    )
    lists: dict[str, list[str]] = {"demand": [], "acceptable": [], "red_line": []}
    for option, stance in zip(options, stance_of, strict=True):
        if stance:
            lists[stance].append(option)
    conditions = []
    others = [i for i in issues if i != issue.id]
    if others and draw(st.booleans()):
        target = issues[draw(st.sampled_from(others))]
        conditions.append(
            Condition(
                id=f"c_{issue.id}_{day}",
                when=draw(st.lists(st.sampled_from(options), min_size=1, max_size=2, unique=True)),
                requires=[
                    Requirement(
                        issue=target.id,
                        options=draw(st.lists(st.sampled_from(target.option_ids()), min_size=1, unique=True)),
                    )
                ],
                otherwise=draw(st.sampled_from(["red_line", "unstated"])),
            )
        )
    return Statement(
        date=START + timedelta(days=day),
        summary="generated",
        salience=draw(st.integers(1, 10)),
        conditions=conditions,
        sources=[Citation(ref="src")],
        **lists,
    )


@st.composite
def records(draw: st.DrawFn, min_parties: int = 2, max_parties: int = 3) -> Record:
    issues = draw(catalogues())
    n = draw(st.integers(min_parties, max_parties))
    parties = {}
    for p in range(n):
        positions = {}
        for issue in issues.values():
            if draw(st.integers(0, 4)) == 0:
                continue
            days = sorted(draw(st.lists(st.integers(0, 30), min_size=1, max_size=2, unique=True)))
            positions[issue.id] = [draw(statements(issue, issues, d)) for d in days]
        parties[f"p{p}"] = PartyFile(
            party=PartyInfo(id=f"p{p}", name=f"Party {p}", role="belligerent"),
            positions=positions,
        )
    return Record(
        issues=issues, parties=parties, sources={"src": Source(id="src", outlet="Wire", date=START)}
    )
