"""Turn a validated model file into a :class:`Game`, reporting every reference or coverage error at once.

Preference statements score each state by option prioritisation (statement k of n adds
``2**(n-k)`` when it holds); rankings place each state in the first group whose pattern matches.
Either way the result is dense integer levels, so equal scores are ties and the solution concepts
compare plain integers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from postrack.model.stability import DecisionMakerSpec, InfeasibleRule, ModelFile
from postrack.problems import Problem, UserError
from postrack.stability.expressions import KEYWORDS, ExpressionError, evaluate, parse
from postrack.stability.game import DecisionMaker, Game, Option
from postrack.stability.patterns import format_state, parse_pattern
from postrack.yamlsource import Path_

MAX_OPTIONS = 20
MAX_STATEMENTS = 60
MAX_MOVE_CELLS = 1 << 26
"""Bound on states x moves per state summed over decision makers, which sizes the move tables."""

Locate = Callable[[Path_, str], Problem]


def compile_model(spec: ModelFile, locate: Locate) -> Game:
    """Build the game; raise :class:`UserError` listing every problem, each located by ``locate``."""
    problems: list[Problem] = []
    options, dms = _options(spec, locate, problems)
    too_big = _size_problem(options, dms)
    if too_big:
        raise UserError([*problems, locate(("decision_makers",), too_big)])
    index: dict[str, int] = {}
    for k, option in enumerate(options):
        index.setdefault(option.id, k)
    count = len(options)
    states = np.arange(1 << count, dtype=np.int64)
    feasible = np.ones(1 << count, dtype=bool)
    for r, rule in enumerate(spec.infeasible):
        excluded = _rule_states(rule, index, count, states, locate, ("infeasible", r), problems)
        if excluded is not None:
            feasible &= ~excluded
    if not problems and not feasible.any():
        problems.append(locate(("infeasible",), "no state is feasible: the rules exclude every combination"))
    levels = np.full((len(dms), 1 << count), -1, dtype=np.int64)
    for d, dm in enumerate(spec.decision_makers):
        found = _levels(dm, index, count, states, feasible, ("decision_makers", d), locate, problems)
        if found is not None:
            levels[d] = found
    status_quo = _status_quo(spec.status_quo, count, feasible, locate, problems)
    if problems:
        raise UserError(problems)
    return Game(spec.title, tuple(dms), tuple(options), feasible, levels, status_quo, spec.description)


def _options(
    spec: ModelFile, locate: Locate, problems: list[Problem]
) -> tuple[list[Option], list[DecisionMaker]]:
    options: list[Option] = []
    dms: list[DecisionMaker] = []
    seen_dm: set[str] = set()
    seen_option: set[str] = set()
    for d, dm in enumerate(spec.decision_makers):
        if dm.id in seen_dm:
            problems.append(locate(("decision_makers", d, "id"), f"duplicate decision maker id {dm.id!r}"))
        seen_dm.add(dm.id)
        owned = []
        for j, opt in enumerate(dm.options):
            where = ("decision_makers", d, "options", j, "id")
            if opt.id in seen_option:
                problems.append(locate(where, f"duplicate option id {opt.id!r}"))
            elif opt.id in KEYWORDS:
                problems.append(locate(where, f"{opt.id!r} is reserved for statements; choose another id"))
            seen_option.add(opt.id)
            owned.append(len(options))
            options.append(Option(opt.id, opt.label, d, opt.irreversible))
        dms.append(DecisionMaker(dm.id, dm.name or dm.id, tuple(owned)))
    return options, dms


def _size_problem(options: list[Option], dms: list[DecisionMaker]) -> str:
    if len(options) > MAX_OPTIONS:
        return f"{len(options)} options give too many states; at most {MAX_OPTIONS} options"
    if sum((1 << len(dm.options)) - 1 for dm in dms) << len(options) > MAX_MOVE_CELLS:
        return "too many moves to analyse: spread the options more evenly or use fewer options"
    return ""


def _rule_states(
    rule: InfeasibleRule,
    index: dict[str, int],
    count: int,
    states: np.ndarray,
    locate: Locate,
    where: Path_,
    problems: list[Problem],
) -> np.ndarray | None:
    """The states a rule excludes, or None after recording why it cannot be used."""
    if rule.pattern is not None:
        try:
            return parse_pattern(rule.pattern, count).matches(states)
        except ValueError as exc:
            problems.append(locate((*where, "pattern"), str(exc)))
            return None
    key = "mutually_exclusive" if rule.mutually_exclusive is not None else "at_least_one"
    names = rule.mutually_exclusive if rule.mutually_exclusive is not None else rule.at_least_one
    assert names is not None  # the schema guarantees one of the two
    unknown = [(i, n) for i, n in enumerate(names) if n not in index]
    for i, name in unknown:
        problems.append(locate((*where, key, i), f"unknown option {name!r}"))
    if unknown:
        return None
    taken = sum(((states >> index[n]) & 1) for n in names)
    return np.asarray(taken > 1) if key == "mutually_exclusive" else np.asarray(taken == 0)


def _levels(
    dm: DecisionMakerSpec,
    index: dict[str, int],
    count: int,
    states: np.ndarray,
    feasible: np.ndarray,
    where: Path_,
    locate: Locate,
    problems: list[Problem],
) -> np.ndarray | None:
    if dm.statements is not None:
        return _from_statements(dm.statements, index, count, states, feasible, where, locate, problems)
    assert dm.ranking is not None  # the schema guarantees one of the two
    return _from_ranking(dm.ranking, count, states, feasible, where, locate, problems)


def _from_statements(
    statements: list[str],
    index: dict[str, int],
    count: int,
    states: np.ndarray,
    feasible: np.ndarray,
    where: Path_,
    locate: Locate,
    problems: list[Problem],
) -> np.ndarray | None:
    if len(statements) > MAX_STATEMENTS:
        problems.append(locate((*where, "statements"), f"at most {MAX_STATEMENTS} statements"))
        return None
    score = np.zeros(len(states), dtype=np.int64)
    ok = True
    for k, text in enumerate(statements):
        try:
            holds = evaluate(parse(text, index, count), states)
        except ExpressionError as exc:
            problems.append(locate((*where, "statements", k), f"{text!r}: {exc}"))
            ok = False
            continue
        score += holds.astype(np.int64) << (len(statements) - 1 - k)
    return _dense(score, feasible) if ok else None


def _from_ranking(
    ranking: Sequence[str | list[str]],
    count: int,
    states: np.ndarray,
    feasible: np.ndarray,
    where: Path_,
    locate: Locate,
    problems: list[Problem],
) -> np.ndarray | None:
    group_of = np.full(len(states), -1, dtype=np.int64)
    ok = True
    for g, group in enumerate(ranking):
        members = [group] if isinstance(group, str) else group
        if not members:
            problems.append(locate((*where, "ranking", g), "empty group"))
            ok = False
        for j, text in enumerate(members):
            at: Path_ = (*where, "ranking", g) if isinstance(group, str) else (*where, "ranking", g, j)
            try:
                matched = parse_pattern(text, count).matches(states)
            except ValueError as exc:
                problems.append(locate(at, str(exc)))
                ok = False
                continue
            fresh = matched & feasible & (group_of < 0)
            if not fresh.any():
                problems.append(
                    locate(at, f"pattern {text!r} matches no feasible state not already ranked above")
                )
                ok = False
            group_of[fresh] = g
    if not ok:
        return None
    missing = np.flatnonzero(feasible & (group_of < 0))
    if len(missing):
        shown = ", ".join(format_state(int(s), count) for s in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        problems.append(locate((*where, "ranking"), f"the ranking leaves out feasible states {shown}{more}"))
        return None
    return _dense(len(ranking) - 1 - group_of, feasible)


def _dense(score: np.ndarray, feasible: np.ndarray) -> np.ndarray:
    """Replace scores by their rank among feasible states' scores (0 = least preferred); -1 elsewhere."""
    levels = np.full(len(score), -1, dtype=np.int64)
    _, inverse = np.unique(score[feasible], return_inverse=True)
    levels[feasible] = inverse
    return levels


def _status_quo(
    text: str | None, count: int, feasible: np.ndarray, locate: Locate, problems: list[Problem]
) -> int | None:
    if text is None:
        return None
    try:
        state = parse_pattern(text, count, allow_open=False).value
    except ValueError as exc:
        problems.append(locate(("status_quo",), str(exc)))
        return None
    if not feasible[state]:
        problems.append(locate(("status_quo",), f"status quo {text!r} is an infeasible state"))
        return None
    return state
