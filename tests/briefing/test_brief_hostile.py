"""Quotes and names holding markup of either target render literally and never break the build."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pypdf import PdfReader

from postrack.briefing import build_memo, markdown, pdf
from postrack.loading import load_record

HOSTILE = {
    "name": '#import "evil.typ": * [x] $y$',
    "summary": 'Says ]] [[ #eval("1") @label <label> // comment /* block */ and *not bold* _nor em_',
    "quote": "$x$ \\ `code` ~ #{1 + 1} <b>html</b> &lt;",
    "outlet": "Wire | # | [^1]",
    "title": "= not a heading",
    "label": "- not a list",
    "url": "javascript:alert(1)",
}


def hostile_copy(source: Path, target: Path, strings: dict[str, str]) -> Path:
    """The fixture data with hostile strings in a party name, a summary, a quote, a source and a label."""
    shutil.copytree(source, target)
    east = _load(target / "east.yaml")
    east["party"]["name"] = strings["name"]
    east["positions"]["plant"][0]["summary"] = strings["summary"]
    east["positions"]["plant"][0]["sources"][0]["quote"] = strings["quote"]
    _dump(target / "east.yaml", east)
    sources = _load(target / "sources.yaml")
    sources["sources"][2].update(outlet=strings["outlet"], title=strings["title"], url=strings["url"])
    _dump(target / "sources.yaml", sources)
    issues = _load(target / "issues.yaml")
    issues["issues"][3]["options"][2]["label"] = strings["label"]
    _dump(target / "issues.yaml", issues)
    return target


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    return hostile_copy(data_dir, tmp_path_factory.mktemp("hostile") / "data", HOSTILE)


def _pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages).split()
    )


def test_pdf_shows_hostile_strings_literally(hostile_dir: Path, as_of: date) -> None:
    memo = build_memo(load_record(hostile_dir), ["east", "west"], as_of, date(2025, 5, 20))
    text = _pdf_text(pdf(memo))
    for key in ("name", "summary", "quote", "outlet", "title", "label"):
        assert " ".join(HOSTILE[key].split()) in text, key


def test_pdf_never_links_a_non_web_address(hostile_dir: Path, as_of: date) -> None:
    memo = build_memo(load_record(hostile_dir), ["east", "west"], as_of)
    content = pdf(memo)
    targets = [
        str(annot.get_object()["/A"]["/URI"])
        for page in PdfReader(io.BytesIO(content)).pages
        for annot in page.get("/Annots", [])
        if "/URI" in annot.get_object().get("/A", {})
    ]
    assert targets and all(t.startswith("https://") for t in targets)
    assert "javascript:alert(1)" in _pdf_text(content)


def test_markdown_shows_hostile_strings_as_text_only(hostile_dir: Path, as_of: date) -> None:
    text = markdown(build_memo(load_record(hostile_dir), ["east", "west"], as_of))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in inline if c.type in ("html_inline", "code_inline", "image")]
    assert not [t for t in tokens if t.type in ("html_block", "fence", "code_block", "hr")]
    targets = [str(c.attrs["href"]) for c in inline if c.type == "link_open"]
    assert targets and all(t.startswith("https://") for t in targets)
    shown = "".join(c.content for c in inline if c.type == "text")
    for key in ("summary", "quote", "title", "label"):
        assert HOSTILE[key] in shown, key


markup_chars = st.text(
    alphabet=st.sampled_from(list("#$*_@<>[](){}/\\`~\"'=-+|!&;:. abЇ")), min_size=1, max_size=30
)


@settings(max_examples=5, deadline=None)
@given(st.fixed_dictionaries({k: markup_chars.map(lambda s: "x" + s) for k in HOSTILE}))
def test_any_markup_in_the_data_compiles(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path, strings: dict[str, str]
) -> None:
    folder = hostile_copy(data_dir, tmp_path_factory.mktemp("generated") / "data", strings)
    memo = build_memo(load_record(folder), ["east", "west"], date(2025, 6, 10))
    assert _pdf_text(pdf(memo)).startswith("UNCLASSIFIED")
