"""The compare engine on the small fixture data: statuses, as-of, conditions, determinism."""

from datetime import date
from pathlib import Path

from postrack.compare import compare
from postrack.loading import load_record
from postrack.rules import REGISTRY


def test_statuses_change_with_the_date(small_dir: Path) -> None:
    record = load_record(small_dir)
    before = compare(record, ["north", "south"], date(2025, 5, 16))
    after = compare(record, ["north", "south"], date(2025, 6, 10))
    status = {i.issue: i.pairs[0].status for i in before.issues}
    assert status == {
        "ceasefire": "incompatible",
        "military_aid": "unknown",
        "prisoners": "overlap",
        "znpp": "unknown",
    }
    status = {i.issue: i.pairs[0].status for i in after.issues}
    assert status == {
        "ceasefire": "incompatible",  # the only shared option hangs on a condition south blocks
        "military_aid": "incompatible",
        "prisoners": "overlap",
        "znpp": "unknown",
    }


def test_conditional_overlap_says_who_blocks_the_condition(small_dir: Path) -> None:
    result = compare(load_record(small_dir), ["south", "north"], date(2025, 6, 10))
    pair = result.issues[0].pair("south", "north")
    assert pair.parties == ("north", "south")
    assert pair.common == ("immediate",)
    assert pair.unconditional == ()
    [condition] = [f for f in pair.findings if f.code == "PR003"]
    assert dict(condition.details) == {
        "party": "north",
        "condition": "needs_aid_halt",
        "requires": "military_aid in {halted}",
        "verdict": "blocked",
        "blocked_by": "south",
    }
    assert pair.status == "incompatible"
    assert pair.reason == (
        "north accepts immediate only if military_aid in {halted};"
        " blocked: south red-lines every way to meet it"
    )


def test_red_line_conflict_names_both_sides(small_dir: Path) -> None:
    pair = compare(load_record(small_dir), ["north", "south"], date(2025, 5, 16)).issues[0].pairs[0]
    messages = sorted(f.message for f in pair.findings if f.code == "PR004")
    assert messages == [
        "north's red line blocks immediate, which south demands",
        "south's red line blocks on_final_settlement, which north demands",
    ]
    assert pair.gap == 2


def test_cells_carry_their_sources(small_dir: Path) -> None:
    issue = compare(load_record(small_dir), ["north", "south"], date(2025, 6, 10)).issues[0]
    north = issue.stances[0]
    assert north is not None
    assert [s.id for s in north.sources] == ["wire-2025-05-16", "wire-2025-06-02"]
    assert north.sources[0].url == "https://example.org/n"
    assert north.sources[0].evidence == "“categorically unacceptable”"
    south_aid = compare(load_record(small_dir), ["north", "south"], date(2025, 6, 10)).issues[1].stances[1]
    assert south_aid is not None and south_aid.weakly_sourced


def test_nothing_after_the_date_is_used(small_dir: Path) -> None:
    result = compare(load_record(small_dir), ["north", "south", "broker"], date(2025, 5, 15))
    known = {(i.issue, s.party) for i in result.issues for s in i.stances if s is not None}
    assert known == {("ceasefire", "broker")}


def test_output_is_deterministic(small_dir: Path) -> None:
    a = compare(load_record(small_dir), ["north", "south", "broker"], date(2025, 7, 1)).to_dict()
    b = compare(load_record(small_dir), ["north", "south", "broker"], date(2025, 7, 1)).to_dict()
    assert a == b


def test_rules_registry_is_documented() -> None:
    import importlib

    codes = [r.code for r in REGISTRY]
    assert len(codes) == len(set(codes))
    for rule in REGISTRY:
        doc = importlib.import_module(rule.evaluate.__module__).__doc__ or ""
        assert doc.startswith(f"{rule.code} {rule.name}:")
        assert "Example" in doc
