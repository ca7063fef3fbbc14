"""Robustness against exact answers on generated records small enough to enumerate every world."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from math import prod

import pytest
from tests.robustness.generate import AS_OF, PARTIES, small_record
from tests.robustness.reference import probabilities, verdicts

from postrack.model import Citation, Statement
from postrack.record import Record
from postrack.robustness import analyse, estimate
from postrack.robustness.credence import Doubtful, StatementKey, doubt
from postrack.robustness.report import StatementNote

SEEDS = range(6)


@pytest.mark.parametrize("seed", SEEDS)
def test_exact_probabilities_match_enumerating_every_world(seed: int) -> None:
    record = small_record(seed)
    truth = probabilities(record)
    report = analyse(record, PARTIES, AS_OF, zones="tiers")
    assert {r.verdict.key for r in report.verdicts} == truth.keys()
    for r in report.verdicts:
        assert r.estimate.method == "exact"
        assert r.estimate.probability == pytest.approx(truth[r.verdict.key], abs=1e-9), r.verdict.key


def test_monte_carlo_intervals_cover_the_exact_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sampled (nothing enumerated), the 95% intervals hold the exact answers; with fixed seeds the
    coverage is a fixed number, which must be at least 90% and misses only narrow."""
    monkeypatch.setattr(estimate, "EXACT_BOUND", 0)
    covered = total = 0
    for seed in SEEDS:
        record = small_record(seed)
        truth = probabilities(record)
        report = analyse(record, PARTIES, AS_OF, zones="tiers", samples=1500, seed=seed)
        for r in report.verdicts:
            e, p = r.estimate, truth[r.verdict.key]
            if r.events == 0:  # nothing uncertain touches it: certain, and said so exactly
                assert (e.method, e.probability, p) == ("exact", 1.0, pytest.approx(1.0))
                continue
            assert e.method == "monte_carlo" and e.worlds == 1500 and e.seed == seed
            total += 1
            covered += e.low - 1e-12 <= p <= e.high + 1e-12
            assert abs(e.probability - p) < 3 * max(e.high - e.low, 0.01), r.verdict.key
    assert covered / total >= 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_pivotal_statements_match_brute_force(seed: int) -> None:
    record = small_record(seed)
    model = doubt(record, PARTIES, AS_OF)
    base = verdicts(record)
    single = {s.key: verdicts(record, frozenset([s.key])) for s in model.statements}
    report = analyse(record, PARTIES, AS_OF, zones="tiers")
    for r in report.verdicts:
        key = r.verdict.key
        expected = {k for k, values in single.items() if values[key] != base[key]}
        found = {(n.party, n.issue) for n in r.rests_on}
        assert len(r.rests_on) == len(expected)
        assert found == {(p, i) for p, i, _ in expected}
        _check_flip(record, model.statements, base, key, r.flip, single)
    assert any(r.rests_on for r in report.verdicts)


def _check_flip(
    record: Record,
    statements: tuple[Doubtful, ...],
    base: dict[str, str],
    key: str,
    flip: tuple[StatementNote, ...],
    single: dict[StatementKey, dict[str, str]],
) -> None:
    """The reported flip is the smallest, the likeliest single one when one suffices."""
    doubtful = [s for s in statements if s.doubtful]
    alone = [s for s in doubtful if single[s.key][key] != base[key]]
    if alone:
        assert len(flip) == 1
        chosen = [
            s for s in doubtful if (s.party, s.issue, s.date) == (flip[0].party, flip[0].issue, flip[0].date)
        ]
        assert [s.credence for s in chosen] == [min(s.credence for s in alone)]
        return
    assert len(doubtful) <= 6  # few enough that the search tries every set, as brute force does
    smallest = next(
        (
            flipping
            for size in range(2, len(doubtful) + 1)
            if (
                flipping := [
                    c
                    for c in combinations(doubtful, size)
                    if verdicts(record, frozenset(s.key for s in c))[key] != base[key]
                ]
            )
        ),
        [],
    )
    assert len(flip) == (len(smallest[0]) if smallest else 0)
    if smallest:
        likeliest = max(prod(1 - s.credence for s in c) for c in smallest)
        chosen = [
            s for s in doubtful if (s.party, s.issue, s.date) in {(n.party, n.issue, n.date) for n in flip}
        ]
        assert prod(1 - s.credence for s in chosen) == pytest.approx(likeliest)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_statement_with_credence_one_is_never_pivotal_in_probability(seed: int) -> None:
    """Set by hand to 1, a statement never falls: it is in no flipping set, and every probability
    is what enumerating the worlds with it always standing gives."""
    record = _with_credence(small_record(seed), 1.0)
    model = doubt(record, PARTIES, AS_OF)
    certain = next(s for s in model.statements if s.credence == 1.0)
    assert certain.uid not in dict(model.variables([s.key for s in model.statements]))
    truth = probabilities(record)
    report = analyse(record, PARTIES, AS_OF, zones="tiers")
    for r in report.verdicts:
        assert all((n.party, n.issue, n.date) != (certain.party, certain.issue, certain.date) for n in r.flip)
        assert r.estimate.probability == pytest.approx(truth[r.verdict.key], abs=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_removing_a_statement_no_verdict_rests_on_changes_no_number(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement after the date analysed: its presence changes no probability, exact or sampled
    with the same seed (every event draws its own stream)."""
    monkeypatch.setattr(estimate, "EXACT_BOUND", 4)
    record = small_record(seed)
    later = _with_later_statement(record)
    a = analyse(record, PARTIES, AS_OF, zones="tiers", samples=500, seed=seed)
    b = analyse(later, PARTIES, AS_OF, zones="tiers", samples=500, seed=seed)
    assert a.to_dict() == b.to_dict()
    assert "monte_carlo" in {r.estimate.method for r in a.verdicts}


def _with_credence(record: Record, credence: float) -> Record:
    party = record.parties["alpha"]
    issue, sts = next(iter(party.positions.items()))
    changed = [sts[0].model_copy(update={"credence": credence}), *sts[1:]]
    positions = {**party.positions, issue: changed}
    return Record(
        issues=record.issues,
        parties={**record.parties, "alpha": party.model_copy(update={"positions": positions})},
        sources=record.sources,
    )


def _with_later_statement(record: Record) -> Record:
    party = record.parties["beta"]
    issue = "i0"
    extra = Statement(
        date=date(2026, 6, 1),
        summary="Later",
        red_line=["o0", "o1", "o2"],
        sources=[Citation(ref="s0")],
        confidence="low",
    )
    positions = {**party.positions, issue: [*party.positions.get(issue, []), extra]}
    return Record(
        issues=record.issues,
        parties={**record.parties, "beta": party.model_copy(update={"positions": positions})},
        sources=record.sources,
    )
