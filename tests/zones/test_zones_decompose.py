"""The decomposition is a valid elimination: parts are independent and buckets cover every condition."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from postrack.zones.decompose import decompose
from postrack.zones.model import ZoneModel
from zones.strategies import models


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(max_issues=6))
def test_parts_partition_issues_and_buckets_cover_conditions(model: ZoneModel) -> None:
    parts = decompose(model)
    issues = [v for part in parts for v in part.issues]
    assert sorted(issues) == list(range(len(model.issues)))
    placed = sorted(k for part in parts for b in part.buckets.values() for k in b.conditions)
    assert placed == list(range(len(model.conditions)))
    for part in parts:
        position = {v: k for k, v in enumerate(part.order)}
        assert sorted(part.order) == list(part.issues)
        for bucket in part.buckets.values():
            assert all(position[u] > position[bucket.var] for u in bucket.sep)
            assert len(bucket.scope) <= part.width + 1
            for k in bucket.conditions:
                assert set(model.conditions[k].scope) <= set(bucket.scope)
            if bucket.parent is not None:
                assert set(bucket.sep) <= set(part.buckets[bucket.parent].scope)
        assert sum(b.parent is None for b in part.buckets.values()) == 1


def test_a_chain_of_themes_keeps_a_small_width() -> None:
    from generate import generate

    model = generate(issues=32, seed=3)
    parts = decompose(model)
    assert max(p.width for p in parts) <= 6
    assert sum(len(p.issues) for p in parts) == 32
