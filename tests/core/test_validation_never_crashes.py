"""Validation meets arbitrary documents and mutated files with a clean UserError, never a crash."""

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from postrack.loading import load_record
from postrack.problems import UserError

SMALL = Path(__file__).parent.parent / "data" / "small"
KEYS = [
    "party",
    "id",
    "name",
    "role",
    "sources",
    "positions",
    "ceasefire",
    "date",
    "summary",
    "demand",
    "acceptable",
    "red_line",
    "conditions",
    "when",
    "requires",
    "issue",
    "options",
    "ref",
    "salience",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 20),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.dates(),
    st.sampled_from(["immediate", "halted", "north", "belligerent", "src"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=30,
)


def check(folder: Path) -> None:
    try:
        load_record(folder)
    except UserError as error:
        assert error.problems
        assert all(p.file and p.message for p in error.problems)


@given(documents)
def test_generated_documents(tmp_path_factory, doc) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("gen")
    (folder / "issues.yaml").write_text((SMALL / "issues.yaml").read_text())
    (folder / "north.yaml").write_text(yaml.safe_dump(doc))
    check(folder)


@given(
    st.sampled_from(sorted(p.name for p in SMALL.glob("*.yaml"))),
    st.integers(0, 10_000),
    st.integers(0, 40),
    st.text(max_size=6),
)
def test_mutated_files(tmp_path_factory, name, at, cut, insert) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("mut")
    for path in SMALL.glob("*.yaml"):
        text = path.read_text()
        if path.name == name:
            at %= len(text) + 1
            text = text[:at] + insert + text[at + cut :]
        (folder / path.name).write_text(text)
    check(folder)
