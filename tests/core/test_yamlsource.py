"""The safe located YAML reader: locations, duplicate keys, unsafe tags, and hostile-input limits."""

from pathlib import Path

import pytest

from postrack.problems import UserError
from postrack.yamlsource import MAX_NODES, parse_text, read_file


def messages(text: str) -> list[str]:
    with pytest.raises(UserError) as caught:
        parse_text(text, "f.yaml")
    return [str(p) for p in caught.value.problems]


def test_marks_point_at_keys_and_items() -> None:
    doc = parse_text("a:\n  b: [1, 2]\n  c:\n    - x: 1\n", "f.yaml")
    assert doc.data == {"a": {"b": [1, 2], "c": [{"x": 1}]}}
    assert doc.where(("a", "b")) == (2, 3)
    assert doc.where(("a", "c", 0, "x")) == (4, 7)
    assert doc.where(("a", "c", 0, "missing")) == (4, 7)


def test_duplicate_key_names_both_lines() -> None:
    assert messages("a: 1\nb: 2\na: 3\n") == ["f.yaml:3:1: a: duplicate key 'a' (first defined on line 1)"]


def test_python_tags_are_refused_not_executed() -> None:
    found = messages("x: !!python/object/apply:os.system ['echo hi']\n")
    assert found == ["f.yaml:1:4: x: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"]


def test_malformed_yaml_has_line_and_column() -> None:
    assert messages("a: [1,\nb: 2\n") == [
        "f.yaml:3:1: malformed YAML: while parsing a flow sequence did not find expected ',' or ']'"
    ]


def test_empty_document() -> None:
    assert messages("# only a comment\n") == ["f.yaml:1:1: file is empty"]


def test_alias_bomb_is_refused() -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    found = messages("\n".join(lines) + "\n")
    assert len(found) == 1
    assert f"more than {MAX_NODES:,} values" in found[0]


def test_deep_nesting_is_refused() -> None:
    found = messages("a: " + "[" * 200 + "]" * 200 + "\n")
    assert "nesting deeper than" in found[0]


def test_binary_and_wrong_encoding(tmp_path: Path) -> None:
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"a: 1\n\x00\x01")
    latin = tmp_path / "l.yaml"
    latin.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    for path, expected in ((binary, "binary file"), (latin, "not UTF-8 text")):
        with pytest.raises(UserError) as caught:
            read_file(path, path.name)
        assert expected in caught.value.problems[0].message
    with pytest.raises(UserError) as caught:
        read_file(latin, "l.yaml")
    assert caught.value.problems[0].line == 2


def test_oversized_file_is_refused_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import postrack.yamlsource as ys

    monkeypatch.setattr(ys, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 200 + "\n")
    with pytest.raises(UserError) as caught:
        read_file(big, "big.yaml")
    assert "over the" in caught.value.problems[0].message


def test_depth_through_an_alias_is_counted() -> None:
    shallow = "[" * 40 + "1" + "]" * 40
    found = messages(f"a: &a {shallow}\nb: {'[' * 40}*a{']' * 40}\n")
    assert found == ["f.yaml:1:4: refused: nesting deeper than 64 levels"]
