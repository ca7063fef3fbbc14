"""Loading a data folder: every problem of every file, located, in one run."""

from pathlib import Path

import pytest

from postrack.loading import load_record
from postrack.problems import UserError


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(UserError) as caught:
        load_record(folder, display_root=folder)
    return [str(p) for p in sorted(caught.value.problems)]


def test_small_data_loads(small_dir: Path) -> None:
    record = load_record(small_dir)
    assert sorted(record.parties) == ["broker", "north", "south"]
    assert list(record.issues) == ["ceasefire", "military_aid", "prisoners", "znpp"]
    assert record.warnings == ()


def test_problems_from_several_files_are_all_reported(data_copy: Path) -> None:
    north = data_copy / "north.yaml"
    north.write_text(north.read_text().replace("demand: [halted]", "demand: [stopped]"))
    south = data_copy / "south.yaml"
    south.write_text(south.read_text().replace("  prisoners:", "  prisoner:"))
    assert problems_of(data_copy) == [
        "north.yaml:23:16: positions.military_aid[0].demand[0]: unknown option 'stopped'"
        " for issue 'military_aid' (expected one of: continues, halted)",
        "south.yaml:19:3: positions.prisoner: unknown issue 'prisoner' (did you mean 'prisoners'?)",
    ]


def test_type_errors_and_unknown_keys_are_located(data_copy: Path) -> None:
    broker = data_copy / "broker.yaml"
    broker.write_text(
        broker.read_text()
        .replace("date: 2025-05-15\n      summary", "date: soon\n      summary")
        .replace("role: mediator", "role: mediator, colour: red")
    )
    assert problems_of(data_copy) == [
        "broker.yaml:2:51: party.colour: unknown field (check the spelling)",
        "broker.yaml:5:7: positions.ceasefire[0].date: Input should be a valid date: write dates as"
        " YYYY-MM-DD, unquoted (e.g. 2025-05-16)",
    ]


def test_cross_reference_errors(data_copy: Path) -> None:
    north = data_copy / "north.yaml"
    text = north.read_text()
    text = text.replace("requires: [{issue: military_aid", "requires: [{issue: ceasefire")
    text = text.replace(
        "sources: [{ref: wire-2025-06-02, paraphrase: no foreign arms}]",
        "sources: [{ref: wire-2099, paraphrase: no foreign arms}]\n      drop_conditions: [ghost]",
    )
    text = text.replace("date: 2025-05-16\n      summary: Agrees", "date: 2025-01-01\n      summary: Agrees")
    north.write_text(text)
    found = problems_of(data_copy)
    assert any("a condition must link to another issue, not its own" in m for m in found)
    assert any("unknown source 'wire-2099'" in m for m in found)
    assert any("drops condition 'ghost', which no earlier statement set" in m for m in found)
    assert all(m.startswith("north.yaml:") for m in found)


def test_dates_out_of_order(data_copy: Path) -> None:
    north = data_copy / "north.yaml"
    north.write_text(
        north.read_text().replace(
            "- date: 2025-06-02\n      summary: Ceasefire possible",
            "- date: 2025-05-01\n      summary: Ceasefire possible",
        )
    )
    found = problems_of(data_copy)
    assert found[0].startswith("north.yaml:11:7: positions.ceasefire[1].date:")
    assert "dates out of order: 2025-05-01 comes after 2025-05-16" in found[0]


def test_party_file_must_be_named_after_party(data_copy: Path) -> None:
    (data_copy / "broker.yaml").rename(data_copy / "mediator.yaml")
    assert problems_of(data_copy) == [
        "mediator.yaml:2:9: party.id: file should be named broker.yaml after its party id"
    ]


def test_missing_catalogue_and_bad_files_together(data_copy: Path) -> None:
    (data_copy / "issues.yaml").unlink()
    (data_copy / "junk.yaml").write_bytes(b"\x00\xff")
    found = problems_of(data_copy)
    assert found == [
        "issues.yaml: missing: the issue catalogue must exist",
        "junk.yaml:1:1: binary file (contains NUL bytes), not YAML",
    ]


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such data folder"):
        load_record(tmp_path / "nope")
