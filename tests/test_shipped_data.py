"""The shipped data: complete, clean, and showing the picture the Istanbul sources give."""

from datetime import date

from postrack.compare import compare
from postrack.loading import load_record
from postrack.paths import default_data_dir

CANONICAL = {
    "ceasefire", "territory", "nato", "eu_membership", "security_guarantees", "armed_forces", "children",
    "prisoners", "sanctions", "reparations", "language_church", "elections", "summit", "znpp", "navigation",
    "amnesty",
}  # fmt: skip
SEEDS = ("National Security News", "OSW Centre for Eastern Studies", "The Moscow Times", "The Independent")
ISTANBUL = date(2025, 5, 16)


def test_catalogue_parties_and_sources() -> None:
    record = load_record(default_data_dir())
    assert set(record.issues) >= CANONICAL
    assert set(record.parties) == {"russia", "ukraine", "us", "europe", "turkey"}
    # The only warnings left are statements dated before the article that reports them (issue 11
    # turns these into errors once each statement is re-dated against its sources).
    assert all("after the statement" in w.message for w in record.warnings), record.warnings
    for ref in record.all_statements():
        assert ref.statement.sources, f"{ref.party}.{ref.issue} on {ref.date} has no source"


def test_every_party_has_a_history_not_only_a_latest_stance() -> None:
    record = load_record(default_data_dir())
    for party in ("russia", "ukraine", "us", "europe"):
        moved = [i for i in record.issues if len(list(record.statements(party, i))) > 1]
        assert len(moved) >= 5, f"{party} has a dated history on only {moved}"


def test_istanbul_picture_as_of_16_may_2025() -> None:
    record = load_record(default_data_dir())
    result = compare(record, ["russia", "ukraine"], ISTANBUL)
    status = {i.issue: i.pairs[0] for i in result.issues}
    assert status["prisoners"].status == "overlap"
    assert "parity_swaps" in status["prisoners"].common
    for far_apart in ("territory", "nato", "security_guarantees", "armed_forces"):
        assert status[far_apart].status == "incompatible", far_apart
    assert status["territory"].gap == max(p.gap or 0 for p in status.values())
    prisoners = next(i for i in result.issues if i.issue == "prisoners")
    outlets = {s.outlet for stance in prisoners.stances if stance for s in stance.sources}
    assert any(o.startswith(SEEDS) for o in outlets), outlets


def test_nothing_after_the_date_is_known() -> None:
    record = load_record(default_data_dir())
    early = compare(record, ["russia", "ukraine", "us"], date(2025, 1, 1))
    assert all(s is None or s.since <= date(2025, 1, 1) for i in early.issues for s in i.stances)
