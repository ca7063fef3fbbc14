"""Reports cannot be blown up: long text, aliased text and text repeated by citations are bounded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import postrack.amplification as amplification
from postrack.loading import load_record
from postrack.problems import UserError
from postrack.yamlsource import MAX_TEXT_CHARS, parse_text

SMALL = Path(__file__).parents[1] / "data" / "small"


def test_citations_repeating_too_much_source_text_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SMALL, tmp_path / "data")
    load_record(tmp_path / "data")  # within the real limit
    monkeypatch.setattr(amplification, "MAX_CITED_CHARS", 50)
    with pytest.raises(UserError) as caught:
        load_record(tmp_path / "data")
    [problem] = caught.value.problems
    assert problem.file.endswith("sources.yaml") and "repeat" in problem.message


def test_text_at_the_limit_is_read_and_one_more_character_is_refused() -> None:
    assert parse_text(f"a: {'x' * MAX_TEXT_CHARS}\n", "f.yaml").data == {"a": "x" * MAX_TEXT_CHARS}
    with pytest.raises(UserError, match="over the 10,000 limit"):
        parse_text(f"a: {'x' * (MAX_TEXT_CHARS + 1)}\n", "f.yaml")


def test_an_anchored_paragraph_aliased_many_times_is_refused_before_expansion() -> None:
    text = f"a: &p {'x' * 9000}\nb: [{', '.join(['*p'] * 3000)}]\n"
    with pytest.raises(UserError, match="characters of text"):
        parse_text(text, "f.yaml")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ('!!int ""', "int"),
        ('!!float ""', "float"),
        ("!!bool maybe", "bool"),
        ("!!timestamp nonsense", "timestamp"),
    ],
)
def test_a_tagged_value_that_is_not_of_its_type_is_a_located_error(value: str, kind: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_text(f"party: x\nsalience: {value}\n", "f.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.path) == (2, "salience") and problem.message.endswith(f"as {kind}")
