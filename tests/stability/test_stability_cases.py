"""Published and hand-checked conflicts with known answers for every solution concept."""

from __future__ import annotations

from pathlib import Path

import pytest

from postrack.stability import analyse, load_model
from postrack.stability.concepts import analyse_stability

MODELS = Path(__file__).parent / "models"


def equilibria(path: Path) -> dict[str, list[str]]:
    game = load_model(path)
    stability = analyse_stability(game)
    return {c: [game.pattern(int(s)) for s in stability.equilibria(c)] for c in ("nash", "gmr", "smr", "seq")}


def test_prisoners_dilemma() -> None:
    # Brief and textbook: mutual defection NN is the only Nash equilibrium; mutual cooperation YY is
    # GMR, SMR and SEQ stable because either prisoner's defection is punished by the other defecting.
    found = equilibria(MODELS / "prisoners_dilemma.yaml")
    assert found["nash"] == ["NN"]
    assert found["gmr"] == found["smr"] == found["seq"] == ["NN", "YY"]


def test_chicken() -> None:
    # Fang, Hipel and Kilgour (1993): the two "one swerves" states are Nash; at YY (both swerve) a
    # driver going straight is punished by the other going straight too (a crash), so YY is GMR and
    # SMR stable; but going straight from NY is no improvement for the other driver, so the sanction
    # is not credible and YY is not SEQ stable. NN (crash) is stable under nothing.
    found = equilibria(MODELS / "chicken.yaml")
    assert found["nash"] == found["seq"] == ["YN", "NY"]
    assert found["gmr"] == found["smr"] == ["YN", "NY", "YY"]


def test_elmira_groundwater_conflict() -> None:
    # Hand derivation (book numbering, see the model file). Moves: MoE only 1->2, 3->4, 5->6, 7->8;
    # Uniroyal from delay to accept or abandon, from accept to abandon, never back; LG toggles insist.
    # Nash: MoE never gains by modifying (2, 4, 6, 8 rank below 1, 3, 5, 7 for it); Uniroyal gains at
    # 2 (->4), 3 (->9), 6 (->8), 7 (->9); LG gains at 1, 2, 3, 4 by insisting. Left: 5, 8 and the four
    # abandonment states (9). GMR adds 1 and 4: LG's move 1->5 is punished by MoE modifying (6, which LG
    # ranks below 1), and 4->8 by Uniroyal abandoning (9); neither punisher gains by it, so SEQ does
    # not add them, while LG has no counter-move out of 6 or 9 that beats 1 or 4, so SMR does.
    found = equilibria(MODELS / "elmira.yaml")
    abandoned = ["NNNYN", "YNNYN", "NNNYY", "YNNYY"]
    nash = sorted(["NYNNY", "YNYNY", *abandoned])
    assert sorted(found["nash"]) == sorted(found["seq"]) == nash
    assert sorted(found["gmr"]) == sorted(found["smr"]) == sorted([*nash, "NYNNN", "YNYNN"])


def test_elmira_coalition_of_ministry_and_uniroyal_reaches_the_actual_outcome() -> None:
    # Kilgour, Hipel, Fang and Peng (2001): from the Nash equilibrium 5 the Ministry and Uniroyal can
    # jointly move to 8 (modified order accepted), which both prefer: the conflict's actual outcome.
    game = load_model(MODELS / "elmira.yaml")
    analysis = analyse(game)
    assert analysis.coalitions is not None
    five, eight = game.state_of("NYNNY"), game.state_of("YNYNY")
    pair = analysis.coalitions.coalitions.index((0, 1))
    assert analysis.coalitions.count[pair, five] == 1
    assert analysis.coalitions.example[pair, five] == eight
    assert five not in (analysis.coalition_proof("nash") or [])
    assert eight in (analysis.coalition_proof("nash") or [])


def test_elmira_status_quo_moves_to_local_government_insisting() -> None:
    game = load_model(MODELS / "elmira.yaml")
    analysis = analyse(game)
    assert analysis.evolution is not None
    finals = [
        (game.pattern(r.state), [game.decision_makers[s.dm].id for s in r.path])
        for r in analysis.evolution.finals()
    ]
    assert finals == [("NYNNY", ["local_government"])]


def _two_step(tmp_path: Path, c_ranking: str | None = None) -> Path:
    text = (MODELS / "two_step_sanction.yaml").read_text(encoding="utf-8")
    if c_ranking is not None:
        text = text.replace("[YYY, NNY, NYY, YNY, YYN, NNN, NYN, YNN]", c_ranking)
    path = tmp_path / "model.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sanction_needs_two_others_moving_in_turn(tmp_path: Path) -> None:
    # A at NNN improves to YNN (its best state). B alone reaches YYN, C alone YNY: A still prefers both
    # to NNN. B then C (or C then B) reach YYY, A's worst state: a GMR sanction. From YYY A's only move,
    # to NYY, is also below NNN for A, so SMR holds. B gains by YNN->YYN and C by YYN->YYY: SEQ holds.
    game = load_model(_two_step(tmp_path))
    stability = analyse_stability(game)
    nnn = game.state_of("NNN")
    assert not stability.stable["nash"][0, nnn]
    assert stability.stable["gmr"][0, nnn]
    assert stability.stable["smr"][0, nnn]
    assert stability.stable["seq"][0, nnn]
    assert stability.reply("gmr", 0, game.state_of("YNN")) == (
        int(game.levels[0].min()),
        game.state_of("YYY"),
    )


def test_sequence_of_improvements_must_be_credible_for_seq(tmp_path: Path) -> None:
    # Now C ranks YYN above YYY, so after B's improvement to YYN C will not move on; C's own improvement
    # from YNN goes to YNY, from where B does not gain by moving to YYY (B ranks YYY below YNY). The
    # only credible replies, YYN and YNY, are both better for A than NNN: not SEQ, still GMR and SMR.
    path = _two_step(tmp_path, "[YYN, NNY, NYY, YNY, YYY, NNN, NYN, YNN]")
    game = load_model(path)
    stability = analyse_stability(game)
    nnn = game.state_of("NNN")
    assert stability.stable["gmr"][0, nnn] and stability.stable["smr"][0, nnn]
    assert not stability.stable["seq"][0, nnn]
    assert stability.breaking["seq"][0, nnn] == game.state_of("YNN")


@pytest.mark.parametrize(
    "model", ["prisoners_dilemma.yaml", "chicken.yaml", "elmira.yaml", "two_step_sanction.yaml"]
)
def test_every_verdict_agrees_with_its_explanation(model: str) -> None:
    analysis = analyse(load_model(MODELS / model))
    for state in analysis.game.states():
        for verdict in analysis.verdicts(int(state)):
            assert verdict.stable == all(e.deterred for e in verdict.escapes)
            if verdict.stable and verdict.concept != "nash":
                assert all(e.reply_path and e.reply_path[-1].target == e.reply for e in verdict.escapes)
