"""Preference statements of option prioritisation: option literals joined by ``&``, ``|``, ``IF``, ``IFF``.

A statement such as ``"ceasefire IF -aid"`` is parsed once into a small tree and then evaluated
for all states at once (a state is an integer whose bit *k* says whether option *k* is taken), so
ranking tens of thousands of states costs a handful of array operations.

Grammar, loosest binding first::

    statement := either [ ("IF" | "IFF") either ]     a IF b  means  b implies a
    either    := both ( "|" both )*
    both      := unary ( "&" unary )*
    unary     := "-" unary | "(" statement ")" | option number (1-based) | option id
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

KEYWORDS = frozenset({"if", "iff"})
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-&|()]))")


class ExpressionError(ValueError):
    """A statement that cannot be read; ``position`` is the 1-based character where reading failed."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position})")
        self.position = position


@dataclass(frozen=True)
class Literal:
    option: int


@dataclass(frozen=True)
class Not:
    operand: Expr


@dataclass(frozen=True)
class Junction:
    op: str  # "&" or "|"
    operands: tuple[Expr, ...]


@dataclass(frozen=True)
class Conditional:
    op: str  # "IF" or "IFF"
    left: Expr
    right: Expr


Expr = Literal | Not | Junction | Conditional


def parse(text: str, options: Mapping[str, int], count: int) -> Expr:
    """Parse ``text``; option ids resolve through ``options``, numbers must lie in 1..``count``."""
    tokens = _tokenise(text)
    parser = _Parser(tokens, options, count, len(text))
    expr = parser.statement()
    if parser.pos < len(tokens):
        _, value, at = tokens[parser.pos]
        raise ExpressionError(f"unexpected {value!r}", at)
    return expr


def evaluate(expr: Expr, states: np.ndarray) -> np.ndarray:
    """Boolean array: whether ``expr`` holds in each state of ``states`` (integers, bit k = option k)."""
    if isinstance(expr, Literal):
        return ((states >> expr.option) & 1).astype(bool)
    if isinstance(expr, Not):
        return ~evaluate(expr.operand, states)
    if isinstance(expr, Junction):
        combine: Callable[[np.ndarray, np.ndarray], np.ndarray] = (
            np.logical_and if expr.op == "&" else np.logical_or
        )
        result = evaluate(expr.operands[0], states)
        for operand in expr.operands[1:]:
            result = combine(result, evaluate(operand, states))
        return result
    left, right = evaluate(expr.left, states), evaluate(expr.right, states)
    if expr.op == "IFF":
        return np.asarray(left == right)
    return np.asarray(left | ~right)


def _tokenise(text: str) -> list[tuple[str, str, int]]:
    """(kind, value, 1-based position) for each token; kinds: num, name, keyword, op."""
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while text[pos:].strip():
        match = _TOKEN.match(text, pos)
        if match is None:
            at = len(text) - len(text[pos:].lstrip()) + 1
            raise ExpressionError(f"unexpected character {text[at - 1]!r}", at)
        kind = match.lastgroup or ""
        value, at = match.group(kind), match.start(kind) + 1
        if kind == "name" and value.lower() in KEYWORDS:
            kind, value = "keyword", value.upper()
        tokens.append((kind, value, at))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(
        self, tokens: list[tuple[str, str, int]], options: Mapping[str, int], count: int, end: int
    ) -> None:
        self.tokens = tokens
        self.options = options
        self.count = count
        self.end = end + 1
        self.pos = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def statement(self) -> Expr:
        left = self.either()
        token = self.peek()
        if token is not None and token[0] == "keyword":
            self.pos += 1
            return Conditional(token[1], left, self.either())
        return left

    def either(self) -> Expr:
        return self._junction("|", self.both)

    def both(self) -> Expr:
        return self._junction("&", self.unary)

    def _junction(self, op: str, part: Callable[[], Expr]) -> Expr:
        operands = [part()]
        while (token := self.peek()) is not None and token[1] == op:
            self.pos += 1
            operands.append(part())
        return operands[0] if len(operands) == 1 else Junction(op, tuple(operands))

    def unary(self) -> Expr:
        token = self.peek()
        if token is None:
            raise ExpressionError("expected an option", self.end)
        kind, value, at = token
        self.pos += 1
        if value == "-":
            return Not(self.unary())
        if value == "(":
            inner = self.statement()
            closing = self.peek()
            if closing is None or closing[1] != ")":
                raise ExpressionError("missing ')'", closing[2] if closing else self.end)
            self.pos += 1
            return inner
        if kind == "num":
            number = int(value)
            if not 1 <= number <= self.count:
                raise ExpressionError(f"option number {number} is not between 1 and {self.count}", at)
            return Literal(number - 1)
        if kind == "name":
            if value not in self.options:
                raise ExpressionError(f"unknown option {value!r}", at)
            return Literal(self.options[value])
        raise ExpressionError(f"expected an option, found {value!r}", at)
