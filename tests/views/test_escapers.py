"""Each target's escaper gives back exactly the (cleaned) text, never markup, never a control character."""

from __future__ import annotations

import html
import json

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text
from tests.views.hostile import PIECES, has_raw_control

from postrack.views.controls import REPLACEMENT, clean
from postrack.views.html import html_text
from postrack.views.serialise import dumps
from postrack.views.terminal import term

text = st.one_of(
    st.sampled_from(PIECES),
    st.lists(st.sampled_from(PIECES), max_size=4).map("".join),
    st.text(alphabet=st.sampled_from(list("[]/\\=#@abc \n\t\x1b\x07\x85\u202e")), max_size=30),
    st.text(max_size=30),
)


@given(text)
def test_clean_leaves_no_unsafe_character_and_is_idempotent(value: str) -> None:
    cleaned = clean(value)
    assert not has_raw_control(cleaned)
    assert clean(cleaned) == cleaned


def test_clean_keeps_newline_and_tab_and_marks_what_it_replaces() -> None:
    assert clean("a\tb\r\nc\x85d\u2028e") == "a\tb\nc\nd\ne"
    assert clean("\x1b[2J\u202eX") == f"{REPLACEMENT}[2J{REPLACEMENT}X"


@given(text)
def test_rich_reads_terminal_text_back_as_the_text_itself(value: str) -> None:
    rendered = Text.from_markup(f"[bold]{term(value)}[/bold]")
    assert rendered.plain == clean(value)
    assert [(s.start, s.end, str(s.style)) for s in rendered.spans] in ([], [(0, len(rendered), "bold")])


@given(text)
def test_html_text_opens_no_tag_and_decodes_to_the_text(value: str) -> None:
    escaped = html_text(value)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert html.unescape(escaped) == clean(value)


@given(text)
def test_json_keeps_the_data_exactly_without_raw_controls(value: str) -> None:
    written = dumps({"text": value})
    assert json.loads(written) == {"text": value}
    assert not has_raw_control(written.replace("\n", ""))
