"""Invariants of the solution concepts on random small models, and agreement with a naive solver."""

from __future__ import annotations

import random

import numpy as np
from gmcr_naive import NaiveGMCR
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_strategies import Blueprint, blueprints

from postrack.problems import UserError
from postrack.stability.analysis import analyse
from postrack.stability.coalition import analyse_coalitions
from postrack.stability.compile import compile_model
from postrack.stability.concepts import CONCEPTS, analyse_stability
from postrack.stability.game import Game
from postrack.stability.loading import generated_locator
from postrack.stability.moves import Moves
from postrack.stability.status_quo import trace_from

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def compiled(
    blueprint: Blueprint,
    dm_order: list[int] | None = None,
    option_orders: dict[str, list[int]] | None = None,
    rename: dict[str, str] | None = None,
) -> Game | None:
    """The compiled model, or None when its rules happen to exclude every state."""
    try:
        return compile_model(blueprint.write(dm_order, option_orders, rename), generated_locator("random"))
    except UserError:
        return None


@QUICK
@given(blueprints())
def test_nash_implies_seq_and_smr_which_imply_gmr(blueprint: Blueprint) -> None:
    game = compiled(blueprint)
    if game is None:
        return
    stable = analyse_stability(game).stable
    assert not (stable["nash"] & ~stable["seq"]).any()
    assert not (stable["seq"] & ~stable["gmr"]).any()
    assert not (stable["nash"] & ~stable["smr"]).any()
    assert not (stable["smr"] & ~stable["gmr"]).any()


@QUICK
@given(blueprints(max_options=6))
def test_agrees_with_naive_solver(blueprint: Blueprint) -> None:
    game = compiled(blueprint)
    if game is None:
        return
    stability = analyse_stability(game)
    naive = NaiveGMCR(game)
    for concept in CONCEPTS:
        for dm in range(len(game.decision_makers)):
            for state in naive.states:
                assert bool(stability.stable[concept][dm, state]) == naive.stable(concept, dm, state), (
                    concept,
                    game.decision_makers[dm].id,
                    game.pattern(state),
                )


@QUICK
@given(blueprints(max_options=6))
def test_coalitions_and_status_quo_agree_with_naive_solver(blueprint: Blueprint) -> None:
    game = compiled(blueprint)
    if game is None:
        return
    moves = Moves(game)
    coalitions = analyse_coalitions(game, moves)
    naive = NaiveGMCR(game)
    assert list(coalitions.coalitions) == naive.coalitions()
    for c, group in enumerate(coalitions.coalitions):
        for state in naive.states:
            joint = naive.coalitional_improvements(group, state)
            assert coalitions.count[c, state] == len(joint)
            assert (coalitions.example[c, state] in joint) if joint else coalitions.example[c, state] == -1
    start = naive.states[0]
    evolution = trace_from(moves, start)
    assert {r.state: r.distance for r in evolution.reached} == naive.reachable_by_improvements(start)
    for reached in evolution.reached:
        assert reached.final == all(not naive.improvements(i, reached.state) for i in range(naive.n))


def _meaning(game: Game, rename: dict[str, str] | None = None) -> dict[tuple[frozenset[str], str, str], bool]:
    """Every verdict keyed by what the state means (options taken) rather than its number."""
    back = {v: k for k, v in (rename or {}).items()}
    stable = analyse_stability(game).stable
    out = {}
    for state in game.states():
        taken = frozenset(back.get(o, o) for o in game.taken(int(state)))
        for dm, info in enumerate(game.decision_makers):
            for concept in CONCEPTS:
                out[(taken, back.get(info.id, info.id), concept)] = bool(stable[concept][dm, state])
    return out


@QUICK
@given(blueprints(), st.randoms(use_true_random=False))
def test_reordering_and_renaming_change_nothing(blueprint: Blueprint, rnd: random.Random) -> None:
    game = compiled(blueprint)
    if game is None:
        return
    dm_order = list(range(len(blueprint.owners)))
    rnd.shuffle(dm_order)
    option_orders = {}
    for dm, options in blueprint.owners:
        order = list(range(len(options)))
        rnd.shuffle(order)
        option_orders[dm] = order
    names = [dm for dm, _ in blueprint.owners] + blueprint.options()
    rename = {name: f"x{len(names) - k}_{name}" for k, name in enumerate(names)}
    other = compiled(blueprint, dm_order=dm_order, option_orders=option_orders, rename=rename)
    assert other is not None
    assert _meaning(other, rename) == _meaning(game)


@QUICK
@given(blueprints(max_options=5))
def test_breaking_move_is_an_undeterred_improvement(blueprint: Blueprint) -> None:
    game = compiled(blueprint)
    if game is None:
        return
    analysis = analyse(game, coalitions=False)
    for state in game.states():
        for unsettled in analysis.instabilities(int(state)):
            escape = unsettled.escape
            assert game.prefers(unsettled.dm, escape.target, int(state))
            if escape.reply is not None and unsettled.concept in ("gmr", "seq"):
                assert game.prefers(unsettled.dm, escape.reply, int(state))
            if escape.counter is not None:
                assert game.prefers(unsettled.dm, escape.counter, int(state))


@QUICK
@given(blueprints(max_options=6))
def test_equilibria_are_feasible_and_stable_for_everyone(blueprint: Blueprint) -> None:
    game = compiled(blueprint)
    if game is None:
        return
    stability = analyse_stability(game)
    for concept in CONCEPTS:
        found = stability.equilibria(concept)
        assert game.feasible[found].all()
        expected = np.flatnonzero(stability.stable[concept].all(axis=0) & game.feasible)
        assert list(found) == list(expected)
