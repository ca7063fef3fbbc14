"""The model file format: what each construct means, and located errors for what is wrong."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from postrack.problems import UserError
from postrack.stability import load_model
from postrack.stability.moves import Moves


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "model.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(UserError) as caught:
        load_model(write(tmp_path, text), display="model.yaml")
    return [str(p) for p in sorted(caught.value.problems)]


TWO = """\
title: Two options
decision_makers:
  - id: first
    options: [{{id: a, label: A{a_extra}}}]
    {first}
  - id: second
    options: [{{id: b, label: B{b_extra}}}]
    {second}
{rest}"""


def two(
    first: str, second: str = "statements: ['b']", rest: str = "", a_extra: str = "", b_extra: str = ""
) -> str:
    return TWO.format(first=first, second=second, rest=rest, a_extra=a_extra, b_extra=b_extra)


def order(game_levels: np.ndarray, patterns: list[str]) -> list[int]:
    return [int(game_levels[int(p[::-1].replace("Y", "1").replace("N", "0"), 2)]) for p in patterns]


def test_statements_score_by_priority(tmp_path: Path) -> None:
    # Statements "a" (worth 2) then "-b" (worth 1): YN = 3, YY = 2, NN = 1, NY = 0.
    game = load_model(write(tmp_path, two("statements: ['a', '-b']")))
    assert order(game.levels[0], ["YN", "YY", "NN", "NY"]) == [3, 2, 1, 0]


def test_option_numbers_and_conditionals(tmp_path: Path) -> None:
    # Worth 4, 2, 1: "1 IF 2" fails only at NY; "1 IFF 2" holds at NN and YY; "1 | 2" fails only at NN.
    # Scores NN 4+2 = 6, YN 4+1 = 5, NY 1, YY 4+2+1 = 7, so the levels are NN 2, YN 1, NY 0, YY 3.
    game = load_model(write(tmp_path, two("statements: ['1 IF 2', '1 IFF 2', '1 | 2']")))
    assert order(game.levels[0], ["NN", "YN", "NY", "YY"]) == [2, 1, 0, 3]


def test_ranking_with_ties_and_open_patterns(tmp_path: Path) -> None:
    # First group: both states with a taken (tied); then NN; then what is left (NY).
    game = load_model(write(tmp_path, two('ranking: ["Y-", NN, NY]')))
    assert order(game.levels[0], ["YN", "YY", "NN", "NY"]) == [2, 2, 1, 0]


def test_infeasible_rules_remove_states(tmp_path: Path) -> None:
    rest = "infeasible:\n  - mutually_exclusive: [a, b]\n"
    game = load_model(write(tmp_path, two("statements: ['a']", rest=rest)))
    assert [game.pattern(int(s)) for s in game.states()] == ["NN", "YN", "NY"]
    rest = "infeasible:\n  - at_least_one: [a, b]\n  - pattern: 'YY'\n"
    game = load_model(write(tmp_path, two("statements: ['a']", rest=rest)))
    assert [game.pattern(int(s)) for s in game.states()] == ["YN", "NY"]


def test_no_move_leads_into_an_infeasible_state(tmp_path: Path) -> None:
    rest = "infeasible:\n  - pattern: 'YY'\n"
    game = load_model(write(tmp_path, two("statements: ['a']", rest=rest)))
    moves = Moves(game)
    assert moves.unilateral[0].successors(game.state_of("NY")) == []
    assert moves.unilateral[0].successors(game.state_of("NN")) == [game.state_of("YN")]


def test_irreversible_options_move_one_way_only(tmp_path: Path) -> None:
    text = two("statements: ['a']", a_extra=", irreversible: forward", b_extra=", irreversible: backward")
    moves = Moves(load_model(write(tmp_path, text)))
    game = moves.game
    assert moves.unilateral[0].successors(game.state_of("NN")) == [game.state_of("YN")]
    assert moves.unilateral[0].successors(game.state_of("YN")) == []
    assert moves.unilateral[1].successors(game.state_of("NN")) == []
    assert moves.unilateral[1].successors(game.state_of("NY")) == [game.state_of("NN")]


def test_a_decision_maker_may_change_several_options_at_once(tmp_path: Path) -> None:
    text = """\
title: Joint
decision_makers:
  - id: one
    options: [{id: a, label: A}, {id: b, label: B}]
    statements: ['a & b']
  - id: two
    options: [{id: c, label: C}]
    statements: ['c']
"""
    moves = Moves(load_model(write(tmp_path, text)))
    assert moves.unilateral[0].successors(0) == [1, 2, 3]
    assert moves.improving[0].successors(0) == [3]


def test_shape_errors_are_located(tmp_path: Path) -> None:
    text = two("statements: ['a']", a_extra=", irreversible: sideways", rest="colour: blue\n")
    assert errors(tmp_path, text) == [
        "model.yaml:4:33: decision_makers[0].options[0].irreversible:"
        " Input should be 'forward' or 'backward'",
        "model.yaml:9:1: colour: unknown field (check the spelling)",
    ]


def test_preferences_need_exactly_one_form(tmp_path: Path) -> None:
    text = two("statements: ['a']\n    ranking: [YN]")
    assert errors(tmp_path, text) == [
        "model.yaml:3:5: decision_makers[0]: give exactly one of 'ranking' or 'statements'"
    ]


def test_reference_errors_are_all_reported_together(tmp_path: Path) -> None:
    text = two(
        "statements: ['a & ', 'zz', '3', '(a']",
        second="ranking: [YN, YYY, [NN, NQ]]",
        rest="infeasible:\n  - mutually_exclusive: [a, nope]\nstatus_quo: NNN\n",
    )
    assert errors(tmp_path, text) == [
        "model.yaml:5:18: decision_makers[0].statements[0]: 'a & ': expected an option (at character 5)",
        "model.yaml:5:26: decision_makers[0].statements[1]: 'zz': unknown option 'zz' (at character 1)",
        "model.yaml:5:32: decision_makers[0].statements[2]: '3': option number 3 is not between 1 and 2"
        " (at character 1)",
        "model.yaml:5:37: decision_makers[0].statements[3]: '(a': missing ')' (at character 3)",
        "model.yaml:8:19: decision_makers[1].ranking[1]: pattern 'YYY' has 3 characters;"
        " the model has 2 options",
        "model.yaml:8:29: decision_makers[1].ranking[2][1]: pattern 'NQ': character 2 is 'Q',"
        " expected Y, N or -",
        "model.yaml:10:29: infeasible[0].mutually_exclusive[1]: unknown option 'nope'",
        "model.yaml:11:1: status_quo: pattern 'NNN' has 3 characters; the model has 2 options",
    ]


def test_ranking_must_cover_every_feasible_state(tmp_path: Path) -> None:
    assert errors(tmp_path, two("ranking: [YN, [NN, YN]]")) == [
        "model.yaml:5:24: decision_makers[0].ranking[1][1]: pattern 'YN' matches no feasible state"
        " not already ranked above",
    ]
    assert errors(tmp_path, two("ranking: [YN, NN]")) == [
        "model.yaml:5:5: decision_makers[0].ranking: the ranking leaves out feasible states NY, YY",
    ]


def test_duplicate_ids_and_infeasible_status_quo(tmp_path: Path) -> None:
    text = two(
        "statements: ['a']",
        second="statements: ['a']",
        rest="infeasible:\n  - pattern: YY\nstatus_quo: YY\n",
        b_extra="",
    ).replace("{id: b, label: B}", "{id: a, label: B}")
    assert errors(tmp_path, text) == [
        "model.yaml:7:16: decision_makers[1].options[0].id: duplicate option id 'a'",
        "model.yaml:11:1: status_quo: status quo 'YY' is an infeasible state",
    ]


def test_every_state_excluded(tmp_path: Path) -> None:
    rest = "infeasible:\n  - pattern: '--'\n"
    assert errors(tmp_path, two("statements: ['a']", rest=rest)) == [
        "model.yaml:9:1: infeasible: no state is feasible: the rules exclude every combination"
    ]


def test_malformed_yaml_and_duplicate_keys(tmp_path: Path) -> None:
    assert errors(tmp_path, "title: [unclosed\n")[0].startswith("model.yaml:2:1: malformed YAML")
    text = two("statements: ['a']").replace("title: Two options\n", "title: Two options\ntitle: again\n")
    assert errors(tmp_path, text) == [
        "model.yaml:2:1: title: duplicate key 'title' (first defined on line 1)"
    ]
    assert errors(tmp_path, "- just\n- a list\n") == [
        "model.yaml:1:1: expected a mapping at the top of the file"
    ]


def test_too_many_options(tmp_path: Path) -> None:
    options = ", ".join(f"{{id: o{k}, label: O}}" for k in range(21))
    text = f"""\
title: Big
decision_makers:
  - id: one
    options: [{options}]
    statements: ['o0']
  - id: two
    options: [{{id: z, label: Z}}]
    statements: ['z']
"""
    assert errors(tmp_path, text) == [
        "model.yaml:2:1: decision_makers: 22 options give too many states; at most 20 options"
    ]
