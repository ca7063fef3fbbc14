"""Inserting list items into YAML text: the rest of the file stays byte for byte as it was."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from postrack.problems import UserError
from postrack.tracker.splice import insert_item

ITEM = {
    "date": date(2025, 5, 20),
    "summary": "New: said #1.",
    "demand": ["a", "b"],
    "sources": [{"ref": "w"}],
}
NEW_LINES = [
    "    - date: 2025-05-20\n",
    "      summary: 'New: said #1.'\n",
    "      demand: [a, b]\n",
    "      sources:\n",
    "        - ref: w\n",
]

SPACED = """\
# header
party: {id: north, name: North, role: belligerent}
sources:
  - {id: w, outlet: Wire}

positions:
  ceasefire:
    # the first one
    - date: 2025-05-16
      summary: One.   # trailing
      sources: [{ref: w}]

    # the second one
    - date: 2025-06-02
      summary: Two.
      sources:
        - ref: w
          paraphrase: y
      # a note under the second

  military_aid:
    - date: 2025-06-02
      summary: Three.
      sources: [{ref: w}]
# the end
"""


def lines_added(before: str, after: str) -> list[str]:
    """``after`` must be ``before`` with lines inserted; return the inserted ones."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added, i = [], 0
    for line in new:
        if i < len(old) and line == old[i]:
            i += 1
        else:
            added.append(line)
    assert i == len(old), "an existing line was changed or lost"
    return added


def test_insert_in_the_middle_goes_above_the_next_items_comment_with_the_same_spacing() -> None:
    out = insert_item(SPACED, "f", ("positions", "ceasefire"), 1, ITEM)
    second = "    # the second one\n"
    assert out == SPACED.replace(second, "".join(NEW_LINES) + "\n" + second)
    assert yaml.safe_load(out)["positions"]["ceasefire"][1]["summary"] == "New: said #1."


def test_append_goes_after_the_last_item_and_its_indented_notes() -> None:
    out = insert_item(SPACED, "f", ("positions", "ceasefire"), 2, ITEM)
    note = "      # a note under the second\n"
    assert out == SPACED.replace(note, note + "\n" + "".join(NEW_LINES))


def test_insert_first() -> None:
    out = insert_item(SPACED, "f", ("positions", "ceasefire"), 0, ITEM)
    assert out.index("New: said") < out.index("# the first one")
    assert yaml.safe_load(out)["positions"]["ceasefire"][0]["date"] == date(2025, 5, 20)


def test_a_new_issue_key_is_added_after_the_last_one_spaced_like_the_others() -> None:
    out = insert_item(SPACED, "f", ("positions", "prisoners"), 0, ITEM)
    assert lines_added(SPACED, out) == ["\n", "  prisoners:\n", *NEW_LINES]
    assert out.index("prisoners") < out.index("# the end")


def test_missing_positions_and_empty_keys_are_created() -> None:
    bare = "party: {id: n, name: N, role: mediator}\n"
    out = insert_item(bare, "f", ("positions", "ceasefire"), 0, ITEM)
    assert yaml.safe_load(out)["positions"]["ceasefire"][0]["demand"] == ["a", "b"]
    empty = "party: {id: n, name: N, role: mediator}\npositions:\n"
    assert yaml.safe_load(insert_item(empty, "f", ("positions", "x"), 0, ITEM))["positions"]["x"][0][
        "summary"
    ]


def test_an_inline_list_keeps_inline_items() -> None:
    out = insert_item(SPACED, "f", ("sources",), 1, {"id": "new", "outlet": "Post", "date": date(2025, 6, 1)})
    assert lines_added(SPACED, out) == ["  - {id: new, outlet: Post, date: 2025-06-01}\n"]


def test_inline_collections_in_the_way_are_reported_not_rewritten() -> None:
    text = "party: {id: n, name: N, role: mediator}\npositions: {ceasefire: []}\n"
    with pytest.raises(UserError, match="written inline") as caught:
        insert_item(text, "f.yaml", ("positions", "ceasefire"), 0, ITEM)
    assert caught.value.problems[0].line == 2


def test_text_with_unicode_and_quotes_round_trips() -> None:
    item = {
        "date": date(2025, 1, 1),
        "summary": 'Zelensky: «ні» — "no" it\'s [not] {ok}',
        "sources": [{"ref": "w"}],
    }
    out = insert_item(SPACED, "f", ("positions", "ceasefire"), 2, item)
    assert yaml.safe_load(out)["positions"]["ceasefire"][2]["summary"] == item["summary"]
