"""Data strings render literally in both targets, whatever characters they hold (control and bidi
characters replaced, as everywhere: :mod:`postrack.views.controls`).

Typst is checked by evaluating the escaped text with the Typst compiler itself; Markdown by
parsing it with a CommonMark parser and comparing the text that comes out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typst
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from postrack.briefing.escape import markdown_text, markdown_url, typst_string, typst_text
from postrack.views.controls import clean

HOSTILE = [
    '#import "x.typ": *',
    '#eval("1")',
    "] [ ]]",
    "$x$ and $$",
    "@label <label>",
    "// comment",
    "/* block */",
    "\\ backslash \\\\",
    "`code` ```raw```",
    "~ nbsp *bold* _em_",
    '"quoted" “curly”',
    "#{1 + 1} #(x) #x.y",
    "= heading",
    "- list",
    "+ enum",
    "1. ordered",
    "--- rule",
    "<script>alert(1)</script>",
    "&lt;b&gt; &amp;",
    "| pipe | cell |",
    "[link](http://x) ![img](y)",
    "[^1] footnote",
    "Привіт, ґанок, їжак, єдність",
    "tab\there\nnewline\r\n",
    "\x00\x07\x1b control",
]

text_strategy = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.sampled_from(list("#$*_@<>[]()/\\`~\"'=-+|!{}&;:. \nabcЇї0123456789")), max_size=40),
    st.text(max_size=30),
)


@pytest.fixture(scope="module")
def compiler(tmp_path_factory: pytest.TempPathFactory) -> typst.Compiler:
    main = tmp_path_factory.mktemp("typst") / "main.typ"
    main.write_text("", encoding="utf-8")
    return typst.Compiler(str(main), ignore_system_fonts=True)


def _typst_eval(compiler: typst.Compiler, expression: str) -> Any:
    return json.loads(compiler.eval(expression))


def _text_of(content: Any) -> str:
    """The visible text of evaluated Typst content (spaces and text elements only)."""
    if content["func"] == "text":
        return str(content["text"])
    if content["func"] == "space":
        return " "
    if content["func"] == "sequence":
        return "".join(_text_of(c) for c in content["children"])
    raise AssertionError(f"markup element {content['func']!r} in what should be plain text")


@given(text_strategy)
def test_typst_string_literal_evaluates_to_the_text(compiler: typst.Compiler, text: str) -> None:
    assert _typst_eval(compiler, typst_string(text)) == clean(text)


@given(text_strategy, st.sampled_from(["(b)", "[c]", ".len()", " tail", ";", ""]))
def test_typst_markup_shows_the_text_and_what_follows_literally(
    compiler: typst.Compiler, text: str, after: str
) -> None:
    content = _typst_eval(compiler, f"[a{typst_text(text)}{after}]")
    assert _text_of(content) == "a" + clean(text) + after


def _md_text(tokens: list[Any]) -> str:
    out = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "softbreak"):
                    out.append(child.content if child.type == "text" else " ")
                else:
                    raise AssertionError(f"markup {child.type!r} in what should be plain text")
    return "".join(out)


@given(text_strategy)
def test_markdown_text_parses_back_to_the_text_on_one_line(text: str) -> None:
    source = f"x {markdown_text(text)}"
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert _md_text(tokens) == ("x " + " ".join(clean(text).split())).rstrip()


@given(text_strategy)
def test_markdown_text_starting_a_line_is_still_one_plain_paragraph(text: str) -> None:
    tokens = MarkdownIt("commonmark").parse(markdown_text(text))
    expected = " ".join(clean(text).split())
    assert [t.type for t in tokens] == (["paragraph_open", "inline", "paragraph_close"] if expected else [])
    assert _md_text(tokens) == expected


@given(text_strategy)
def test_markdown_text_keeps_a_table_row_intact(text: str) -> None:
    source = f"| a | b |\n|---|---|\n| {markdown_text(text)} | z |\n"
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    cells = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 2
    assert cells[1].content == "z"


def test_markdown_url_cannot_end_an_autolink_early() -> None:
    url = markdown_url("https://example.org/a b<c>(d)")
    assert url == "https://example.org/a%20b%3Cc%3E%28d%29"
    tokens = MarkdownIt("commonmark").parse(f"<{url}>")
    link = tokens[1].children[0]  # type: ignore[index]
    assert link.type == "link_open" and link.attrs["href"] == url


def test_the_typst_literal_is_a_single_line(tmp_path: Path) -> None:
    assert "\n" not in typst_string("a\nb\rc\u2028d")
