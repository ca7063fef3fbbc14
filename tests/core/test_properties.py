"""Invariants of the record fold and the compare engine on generated records."""

from dataclasses import replace
from datetime import date

import yaml
from hypothesis import given
from hypothesis import strategies as st

from core.strategies import START, records
from postrack.compare import compare
from postrack.model import Citation, PartyFile, Statement
from postrack.record import Record
from postrack.yamlsource import parse_text

LATE = date(2026, 1, 1)


@given(records(), st.randoms())
def test_compare_is_symmetric_in_the_pair(record: Record, rnd) -> None:  # type: ignore[no-untyped-def]
    parties = sorted(record.parties)
    shuffled = parties[:]
    rnd.shuffle(shuffled)
    a = compare(record, parties, LATE)
    b = compare(record, shuffled, LATE)
    for x, y in zip(a.issues, b.issues, strict=True):
        assert [p.to_dict() for p in x.pairs] == [p.to_dict() for p in y.pairs]


@given(records(), st.data())
def test_accepting_an_option_never_turns_overlap_into_incompatible(
    record: Record, data: st.DataObject
) -> None:
    party = data.draw(st.sampled_from(sorted(record.parties)))
    issue = data.draw(st.sampled_from(sorted(record.issues)))
    option = data.draw(st.sampled_from(record.issues[issue].option_ids()))
    before = compare(record, sorted(record.parties), LATE)
    added = Statement(
        date=date(2025, 12, 31), summary="accepts", acceptable=[option], sources=[Citation(ref="src")]
    )
    pf = record.parties[party]
    positions = {**pf.positions, issue: [*pf.positions.get(issue, []), added]}
    changed = replace(
        record, parties={**record.parties, party: pf.model_copy(update={"positions": positions})}
    )
    after = compare(changed, sorted(record.parties), LATE)
    for x, y in zip(before.issues, after.issues, strict=True):
        for p, q in zip(x.pairs, y.pairs, strict=True):
            if p.status == "overlap":
                assert q.status == "overlap"
            assert set(p.common) <= set(q.common)


@given(records())
def test_yaml_round_trip_changes_nothing(record: Record) -> None:
    for party in record.parties.values():
        text = yaml.safe_dump(
            party.model_dump(mode="python", exclude_defaults=True), allow_unicode=True, sort_keys=False
        )
        again = PartyFile.model_validate(parse_text(text, "x.yaml").data, strict=True)
        assert again == party


@given(records(), st.integers(0, 40))
def test_position_uses_only_statements_up_to_the_date(record: Record, day: int) -> None:
    from datetime import timedelta

    as_of = START + timedelta(days=day)
    for party, pf in record.parties.items():
        for issue, statements in pf.positions.items():
            position = record.position(party, issue, as_of)
            earlier = [s for s in statements if s.date <= as_of]
            assert (position is None) == (not earlier)
            if position is not None:
                assert all(ref.date <= as_of for ref in position.statements)
                assert len(position.statements) == len(earlier)
