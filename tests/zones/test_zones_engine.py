"""The engine agrees exactly with the brute-force reference on generated small models."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrack.zones.best import best_packages
from postrack.zones.concessions import constraints_of, ideal, improve, open_zone
from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.explain import blockers
from postrack.zones.model import ZoneModel
from postrack.zones.ranking import RANKINGS, Scorer
from zones import reference as ref
from zones.strategies import models

PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _domains(model: ZoneModel) -> tuple[tuple[int, ...], ...]:
    zone = count_zone(model, decompose(model))
    return tuple(tuple(o for o, n in enumerate(row) if n) for row in zone.per_option)


@PROPERTY
@given(models())
def test_count_and_per_issue_zone_match_enumeration(model: ZoneModel) -> None:
    zone = count_zone(model, decompose(model))
    assert zone.total == len(ref.zone(model))
    assert [list(row) for row in zone.per_option] == ref.per_option(model)


@PROPERTY
@given(models(), st.sampled_from(RANKINGS), st.integers(1, 12))
def test_best_packages_scores_ties_and_pareto_match_enumeration(
    model: ZoneModel, ranking: str, top: int
) -> None:
    if not ref.zone(model):
        return
    got = best_packages(model, decompose(model), _domains(model), ranking, top)  # type: ignore[arg-type]
    expected = ref.best(model, ranking, top)
    assert [r.package for r in got] == [b.package for b in expected]
    scorer = Scorer(model, ranking)  # type: ignore[arg-type]
    unit = Fraction(scorer.scale * 1000) ** (len(scorer.caring) if ranking == "nash" else 1)
    assert [Fraction(r.score) / unit for r in got] == [b.score for b in expected]
    assert [r.pareto for r in got] == [b.pareto for b in expected]


@PROPERTY
@given(models())
def test_cheapest_concessions_match_enumeration(model: ZoneModel) -> None:
    parts = decompose(model)
    zone = count_zone(model, parts)
    if not zone.empty:
        return
    found = open_zone(model, parts, zone.per_part, limit=10_000)
    cost, sets = ref.cheapest(model)
    assert found.complete
    assert found.cost == cost
    assert set(found.sets) == sets
    assert list(found.sets) == sorted(found.sets, key=sorted)
    for relaxed, opens in zip(found.sets, found.opens, strict=True):
        assert opens == len(ref.zone(model, relaxed)) > 0
    for k, opens in found.singles:
        assert opens == len(ref.zone(model, frozenset({k})))


@PROPERTY
@given(models())
def test_each_excluded_option_gets_a_cheapest_relaxation_of_its_part(model: ZoneModel) -> None:
    parts = decompose(model)
    zone = count_zone(model, parts)
    reasons = blockers(model, parts, zone)
    mine = [constraints_of(model, part) for part in parts]
    mins = [
        min(sum(model.cost(k) for k in ref.broken(model, x) & m) for x in ref.packages(model)) for m in mine
    ]
    for (issue, option), relaxed in reasons.items():
        assert zone.per_option[issue][option] == 0
        here = next(k for k, p in enumerate(parts) if issue in p.issues)
        others = sum(mins) - mins[here]
        assert sum(model.cost(k) for k in relaxed) + others == ref.cheapest_with(model, issue, option)
        elsewhere = frozenset().union(*(m for k, m in enumerate(mine) if k != here))
        assert any(x[issue] == option for x in ref.zone(model, relaxed | elsewhere))
    assert set(reasons) == {
        (i, o) for i, row in enumerate(zone.per_option) for o, n in enumerate(row) if not n
    }


@PROPERTY
@given(models(), st.data())
def test_improve_finds_the_cheapest_relaxation_of_others_reaching_the_target(
    model: ZoneModel, data: st.DataObject
) -> None:
    party = data.draw(st.integers(0, len(model.parties) - 1))
    spec = model.parties[party]
    if spec.total_weight == 0:
        return
    parts = decompose(model)
    counts = count_zone(model, parts).per_part
    every = range(len(model.red_lines) + len(model.conditions))
    own = frozenset(k for k in every if _party_of(model, k) == party)
    totals = {
        x: sum(w * u[o] for w, u, o in zip(spec.weights, spec.utilities, x, strict=True))
        for x in ref.packages(model)
    }
    allowed = [x for x in ref.packages(model) if not ref.broken(model, x) & own]
    best_total = ideal(model, parts, party)
    assert best_total == (max(totals[x] for x in allowed) if allowed else None)
    if best_total is None:
        return
    target = data.draw(st.integers(0, best_total))
    found = improve(model, parts, counts, party, target, limit=10_000)
    reaching = [x for x in allowed if totals[x] >= target]
    priced = [(sum(model.cost(k) for k in b), b) for b in (ref.broken(model, x) for x in reaching)]
    cost = min(c for c, _ in priced)
    sets = {b for c, b in priced if c == cost}
    assert found is not None and found.cost == cost
    assert set(found.sets) == sets


def _party_of(model: ZoneModel, k: int) -> int:
    n = len(model.red_lines)
    return model.red_lines[k].party if k < n else model.conditions[k - n].party


@pytest.mark.parametrize("seed", range(6))
def test_generated_models_match_enumeration(seed: int) -> None:
    from generate import generate

    model = generate(issues=5, options=3, parties=3, conditions=2, red_lines=0.25, theme_size=3, seed=seed)
    parts = decompose(model)
    zone = count_zone(model, parts)
    assert zone.total == len(ref.zone(model))
    if zone.empty:
        assert open_zone(model, parts, zone.per_part).cost == ref.cheapest(model)[0]
    else:
        got = best_packages(model, parts, _domains(model), "nash", 5)
        assert [(r.package, r.pareto) for r in got] == [
            (b.package, b.pareto) for b in ref.best(model, "nash", 5)
        ]
