"""Monotonicity: relaxing a red line never shrinks the zone; adding one never grows it."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrack.zones.count import ZoneCount, count_zone
from postrack.zones.decompose import decompose
from postrack.zones.model import RedLine, ZoneModel
from zones.strategies import models

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _zone(model: ZoneModel) -> ZoneCount:
    return count_zone(model, decompose(model))


def _options(zone: ZoneCount) -> set[tuple[int, int]]:
    return {(i, o) for i, row in enumerate(zone.per_option) for o, n in enumerate(row) if n}


@PROPERTY
@given(models(), st.data())
def test_relaxing_a_red_line_never_shrinks_the_zone(model: ZoneModel, data: st.DataObject) -> None:
    if not model.red_lines:
        return
    k = data.draw(st.integers(0, len(model.red_lines) - 1))
    relaxed = replace(model, red_lines=model.red_lines[:k] + model.red_lines[k + 1 :])
    before, after = _zone(model), _zone(relaxed)
    assert after.total >= before.total
    assert _options(after) >= _options(before)


@PROPERTY
@given(models(), st.data())
def test_adding_a_red_line_never_grows_the_zone(model: ZoneModel, data: st.DataObject) -> None:
    party = data.draw(st.integers(0, len(model.parties) - 1))
    issue = data.draw(st.integers(0, len(model.issues) - 1))
    option = data.draw(st.integers(0, len(model.issues[issue].options) - 1))
    stricter = replace(model, red_lines=(*model.red_lines, RedLine(party, issue, option, 1)))
    before, after = _zone(model), _zone(stricter)
    assert after.total <= before.total
    assert _options(after) <= _options(before) - {(issue, option)}


@PROPERTY
@given(models(), st.data())
def test_dropping_a_condition_never_shrinks_the_zone(model: ZoneModel, data: st.DataObject) -> None:
    if not model.conditions:
        return
    k = data.draw(st.integers(0, len(model.conditions) - 1))
    relaxed = replace(model, conditions=model.conditions[:k] + model.conditions[k + 1 :])
    assert _zone(relaxed).total >= _zone(model).total
