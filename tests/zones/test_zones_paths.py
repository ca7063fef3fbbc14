"""Parts too wide for the memory budget go to CP-SAT and Ganak: the same answers as elimination.

A budget of one byte sends every part down the solver path; each answer is checked against
brute force and against the elimination path on the same model (the relaxation named for an
excluded option may differ among equally cheap ones, so its cost is compared; a part counted by
Ganak says which options occur, not how often).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrack.problems import UserError
from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.model import ZoneModel
from postrack.zones.plan import Budget, plan
from postrack.zones.ranking import RANKINGS
from postrack.zones.solve import solve
from zones import reference as ref
from zones.strategies import models

TINY = Budget(memory=1)
PATHS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAY = date(2025, 1, 1)


def test_a_tiny_budget_sends_every_part_to_the_solvers() -> None:
    from generate import generate

    model = generate(issues=8, options=3, parties=3, conditions=2, red_lines=0.2, theme_size=4, seed=1)
    parts = decompose(model)
    assert {(p.count, p.cost, p.search) for p in plan(model, parts, TINY)} == {("ganak", "cp-sat", "cp-sat")}
    assert {(p.count, p.cost, p.search) for p in plan(model, parts, Budget())} == {("elimination",) * 3}


@PATHS
@given(models())
def test_solver_counts_match_enumeration(model: ZoneModel) -> None:
    zone = count_zone(model, decompose(model), TINY)
    assert zone.exact
    assert zone.total == len(ref.zone(model))
    occurs = [[None if n else 0 for n in row] for row in ref.per_option(model)] if zone.total else None
    assert [list(row) for row in zone.per_option] == (occurs or ref.per_option(model))


@PATHS
@given(models(), st.sampled_from(RANKINGS), st.integers(1, 6))
def test_both_paths_give_the_same_report(model: ZoneModel, ranking: str, top: int) -> None:
    fast = solve(model, DAY, ranking=ranking, top=top)  # type: ignore[arg-type]
    wide = solve(model, DAY, ranking=ranking, top=top, budget=TINY)  # type: ignore[arg-type]
    assert {(p.method, p.search) for p in wide.parts} <= {("ganak", "cp-sat")}
    assert (wide.count, wide.count_exact) == (fast.count, True)
    assert wide.best == fast.best
    assert [b.options for b in wide.best] == [
        tuple((model.issues[i].id, model.issues[i].options[o]) for i, o in enumerate(b.package))
        for b in ref.best(model, ranking, top)
    ]
    for a, b in zip(fast.issue_zones, wide.issue_zones, strict=True):
        assert [c.option for c in a.in_zone] == [c.option for c in b.in_zone]
        assert [(e.option, e.red_lines, e.cost) for e in a.excluded] == [
            (e.option, e.red_lines, e.cost) for e in b.excluded
        ]
    if fast.concessions is None or wide.concessions is None:
        assert fast.concessions == wide.concessions
        return
    assert wide.concessions.cost == fast.concessions.cost
    if fast.concessions.complete and wide.concessions.complete:
        assert wide.concessions == fast.concessions


@PATHS
@given(models(), st.data())
def test_both_paths_agree_on_improve(model: ZoneModel, data: st.DataObject) -> None:
    party = data.draw(st.sampled_from([p.id for p in model.parties if p.total_weight] or [""]))
    if not party:
        return
    try:
        fast = solve(model, DAY, improve_party=party)
    except UserError as error:
        with pytest.raises(UserError) as again:
            solve(model, DAY, improve_party=party, budget=TINY)
        assert str(again.value) == str(error)
        return
    wide = solve(model, DAY, improve_party=party, budget=TINY)
    assert fast.concessions is not None and wide.concessions is not None
    assert (wide.concessions.cost, wide.concessions.target) == (
        fast.concessions.cost,
        fast.concessions.target,
    )
    if fast.concessions.complete:
        assert wide.concessions == fast.concessions


def test_a_count_that_does_not_finish_in_time_is_reported_as_labelled_bounds() -> None:
    from postrack.views.zones_md import render
    from zones.test_zones_large import _chain

    model = _chain(24, 6)
    hurried = Budget(memory=1, seconds=1e-4)  # Ganak cannot even start in that time
    zone = count_zone(model, decompose(model), hurried)
    assert not zone.exact
    assert (zone.total, zone.total_upper) == (1, 6**24)
    report = solve(model, DAY, budget=hurried)
    assert (report.count, report.count_exact, report.count_upper) == (1, False, 6**24)
    assert "at least 1 (at most 4,738,381,338,321,616,896)" in render(report)
    assert r"between 1 and 4,738,381,338,321,616,896 \(bounds\)" in render(report)  # escaped Markdown
