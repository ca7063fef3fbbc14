"""Hypothesis strategies: small solver models with ties, no-deal values and indifferent parties."""

from __future__ import annotations

from hypothesis import strategies as st

from postrack.zones.model import IssueSpec, LinkCondition, PartySpec, RedLine, Requirement, ZoneModel

UTILITIES = [0, 100, 300, 500, 600, 1000]


@st.composite
def models(draw: st.DrawFn, max_issues: int = 4, max_options: int = 3, max_parties: int = 3) -> ZoneModel:
    sizes = draw(st.lists(st.integers(2, max_options), min_size=1, max_size=max_issues))
    issues = tuple(IssueSpec(f"i{k}", tuple(f"o{j}" for j in range(s))) for k, s in enumerate(sizes))
    n_parties = draw(st.integers(1, max_parties))
    parties = tuple(
        PartySpec(
            id=f"p{p}",
            weights=tuple(draw(st.integers(0, 3)) for _ in sizes),
            utilities=tuple(tuple(draw(st.sampled_from(UTILITIES)) for _ in range(s)) for s in sizes),
            no_deal=draw(st.sampled_from([0, 0, 200, 500])),
        )
        for p in range(n_parties)
    )
    slots = [(p, i, o) for p in range(n_parties) for i, s in enumerate(sizes) for o in range(s)]
    chosen = draw(st.lists(st.sampled_from(slots), unique=True, max_size=min(len(slots), 6)))
    red_lines = tuple(RedLine(p, i, o, draw(st.integers(1, 3))) for p, i, o in sorted(chosen))
    conditions = tuple(draw(_condition(sizes, n_parties, k)) for k in range(draw(st.integers(0, 4))))
    return ZoneModel(issues, parties, red_lines, conditions)


@st.composite
def _condition(draw: st.DrawFn, sizes: list[int], n_parties: int, k: int) -> LinkCondition:
    issue = draw(st.integers(0, len(sizes) - 1))
    when = draw(st.frozensets(st.integers(0, sizes[issue] - 1), min_size=1))
    others = [i for i in range(len(sizes)) if i != issue]
    requires = []
    if others:
        for _ in range(draw(st.integers(0 if draw(st.booleans()) else 1, 2))):
            other = draw(st.sampled_from(others))
            requires.append(
                Requirement(other, draw(st.frozensets(st.integers(0, sizes[other] - 1), min_size=1)))
            )
    also = []
    if others and draw(st.integers(0, 3)) == 0:  # a second clause that must hold too
        other = draw(st.sampled_from(others))
        also.append((Requirement(other, draw(st.frozensets(st.integers(0, sizes[other] - 1), min_size=1))),))
    party = draw(st.integers(0, n_parties - 1))
    return LinkCondition(
        party, f"c{k}", issue, when, tuple(requires), draw(st.integers(1, 3)), also=tuple(also)
    )
