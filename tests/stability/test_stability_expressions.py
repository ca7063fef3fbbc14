"""Preference statements: precedence, meaning, and where reading fails."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postrack.stability.expressions import ExpressionError, evaluate, parse

OPTIONS = {"a": 0, "b": 1, "c": 2}
STATES = np.arange(8)
Formula = tuple[str, Callable[[int], bool]]


def atoms() -> st.SearchStrategy[Formula]:
    def atom(name: str, number: bool) -> Formula:
        k = OPTIONS[name]
        return (str(k + 1) if number else name), (lambda s: bool(s >> k & 1))

    return st.builds(atom, st.sampled_from(sorted(OPTIONS)), st.booleans())


def combine(children: st.SearchStrategy[Formula]) -> st.SearchStrategy[Formula]:
    def negate(f: Formula) -> Formula:
        return f"-({f[0]})", lambda s: not f[1](s)

    def join(op: str, f: Formula, g: Formula) -> Formula:
        meaning: dict[str, Callable[[bool, bool], bool]] = {
            "&": lambda x, y: x and y,
            "|": lambda x, y: x or y,
            "IF": lambda x, y: x or not y,
            "IFF": lambda x, y: x == y,
        }
        return f"({f[0]}) {op} ({g[0]})", lambda s: meaning[op](f[1](s), g[1](s))

    return st.one_of(
        st.builds(negate, children),
        st.builds(join, st.sampled_from(["&", "|", "IF", "IFF"]), children, children),
    )


@settings(max_examples=100, deadline=None)
@given(st.recursive(atoms(), combine, max_leaves=6))
def test_fully_parenthesised_statements_mean_what_they_say(formula: Formula) -> None:
    text, meaning = formula
    holds = evaluate(parse(text, OPTIONS, 3), STATES)
    assert list(holds) == [meaning(int(s)) for s in STATES]


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("a | b & c", "a | (b & c)"),
        ("-a & b", "(-a) & b"),
        ("a IF b | c", "a IF (b | c)"),
        ("a & b IFF c", "(a & b) IFF c"),
        ("--a", "a"),
    ],
)
def test_precedence(text: str, same_as: str) -> None:
    assert list(evaluate(parse(text, OPTIONS, 3), STATES)) == list(
        evaluate(parse(same_as, OPTIONS, 3), STATES)
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected an option (at character 1)"),
        ("a &", "expected an option (at character 4)"),
        ("a ! b", "unexpected character '!' (at character 3)"),
        ("a IF b IF c", "unexpected 'IF' (at character 8)"),
        ("(a | b", "missing ')' (at character 7)"),
        ("4", "option number 4 is not between 1 and 3 (at character 1)"),
        ("a & d", "unknown option 'd' (at character 5)"),
        ("iff", "expected an option, found 'IFF' (at character 1)"),
    ],
)
def test_errors_say_where(text: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text, OPTIONS, 3)
    assert str(caught.value) == message
