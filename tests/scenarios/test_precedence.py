"""The scenario merge rule: added parties replace, changes fold last on their date, later scenarios win."""

from datetime import date
from pathlib import Path

from postrack.loading import load_record
from postrack.scenarios import overlay

DAY = date(2025, 6, 10)


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body)
    return path


def test_change_overrides_only_the_options_it_names(small_dir: Path, tmp_path: Path) -> None:
    base = load_record(small_dir)
    path = write(
        tmp_path,
        "s.yaml",
        """
title: t
rationale: r
as_of: 2025-06-10
changes:
  - {party: north, issue: prisoners, acceptable: [all_for_all]}
""",
    )
    merged, _ = overlay(base, path)
    pos = merged.position("north", "prisoners", DAY)
    assert pos is not None
    assert pos.stance("all_for_all") == "acceptable"
    assert pos.stance("parity_swaps") == "acceptable"
    assert pos.salience == 4
    assert merged.position("north", "prisoners", date(2025, 6, 9)) == base.position(
        "north", "prisoners", date(2025, 6, 9)
    )


def test_later_scenario_wins_on_the_same_option(small_dir: Path, tmp_path: Path) -> None:
    base = load_record(small_dir)
    first = write(
        tmp_path,
        "a.yaml",
        "title: a\nrationale: r\nas_of: 2025-06-10\nchanges:\n"
        "  - {party: south, issue: military_aid, acceptable: [halted], salience: 3}\n",
    )
    second = write(
        tmp_path,
        "b.yaml",
        "title: b\nrationale: r\nas_of: 2025-06-10\nchanges:\n"
        "  - {party: south, issue: military_aid, red_line: [halted]}\n",
    )
    merged, _ = overlay(overlay(base, first)[0], second)
    pos = merged.position("south", "military_aid", DAY)
    assert pos is not None and pos.stance("halted") == "red_line" and pos.salience == 3


def test_added_party_replaces_one_with_the_same_id(small_dir: Path, tmp_path: Path) -> None:
    base = load_record(small_dir)
    path = write(
        tmp_path,
        "p.yaml",
        """
title: new broker
rationale: r
as_of: 2025-06-10
sources: [{id: s, outlet: Wire, date: 2025-06-01}]
add_parties:
  - party: {id: broker, name: New broker, role: guarantor}
    positions:
      znpp:
        - {date: 2025-06-01, summary: joint, demand: [trilateral], sources: [{ref: s}]}
""",
    )
    merged, _ = overlay(base, path)
    assert merged.parties["broker"].party.name == "New broker"
    assert merged.position("broker", "ceasefire", DAY) is None
    assert merged.position("broker", "znpp", DAY) is not None
