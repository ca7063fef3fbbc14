"""``positions stability`` as a user meets it: formats, streams, exit codes, the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.paths import shipped_scenarios_dir
from postrack.stability import analyse, load_model

MODELS = Path(__file__).parent / "models"
ISTANBUL = shipped_scenarios_dir() / "stability" / "istanbul_2025.yaml"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["stability", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_lists_every_state_with_verdicts_per_decision_maker() -> None:
    code, out, err = run(str(MODELS / "prisoners_dilemma.yaml"), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [s["pattern"] for s in data["states"]] == ["NN", "YN", "NY", "YY"]
    yy = data["states"][3]
    assert yy["stability"]["nash"] == {
        "by_decision_maker": {"prisoner_1": False, "prisoner_2": False},
        "equilibrium": False,
    }
    assert yy["stability"]["seq"]["equilibrium"] is True
    assert data["equilibria"] == {
        "nash": ["NN"],
        "gmr": ["NN", "YY"],
        "smr": ["NN", "YY"],
        "seq": ["NN", "YY"],
    }
    assert [(u["concept"], u["decision_maker"], u["move_to"]) for u in yy["instabilities"]] == [
        ("nash", "prisoner_1", "NY"),
        ("nash", "prisoner_2", "YN"),
    ]
    assert yy["moves"] == {"prisoner_1": ["NY"], "prisoner_2": ["YN"]}
    assert data["status_quo"]["reachable"] == [
        {
            "state": "NN",
            "distance": 0,
            "final": True,
            "equilibrium_under": ["nash", "gmr", "smr", "seq"],
            "path": [],
        }
    ]
    assert data["coalitions"]["coalition_proof_equilibria"]["nash"] == []
    assert data["states"][0]["coalition_improvements"] == [
        {"coalition": ["prisoner_1", "prisoner_2"], "count": 1, "example": "YY"}
    ]


def test_unstable_state_says_why_no_sanction_deters_the_move() -> None:
    code, out, _ = run(str(MODELS / "chicken.yaml"), "--format", "json")
    assert code == 0
    yy = next(s for s in json.loads(out)["states"] if s["pattern"] == "YY")
    seq = [u for u in yy["instabilities"] if u["concept"] == "seq"]
    assert [u["decision_maker"] for u in seq] == ["driver_1", "driver_2"]
    assert seq[0]["reason"] == (
        "driver_1 gains by moving from YY to NY; no sequence of the others' own improvements starts there"
    )


def test_markdown_and_table_show_the_same_equilibria() -> None:
    code, md, _ = run(str(MODELS / "elmira.yaml"), "--format", "md")
    assert code == 0
    assert "- Nash (Nash stability): `NNNYN`, `YNNYN`, `NYNNY`, `YNYNY`, `NNNYY`, `YNNYY`" in md
    assert "from `NYNNY`, moe + uniroyal can jointly move to `YNYNY`" in md
    code, table, _ = run(str(MODELS / "elmira.yaml"))
    assert code == 0
    assert "Nash equilibria: NNNYN, YNNYN, NYNNY, YNYNY, NNNYY, YNNYY" in table
    assert "ends at NYNNY: local_government -> NYNNY" in table


def test_state_detail_shows_the_sanction_path() -> None:
    code, out, _ = run(str(MODELS / "two_step_sanction.yaml"), "--state", "NNN", "--format", "md")
    assert code == 0
    assert "- a:\n  - Nash: unstable\n" in out
    assert "  - GMR: stable" in out
    assert "      - reply: b moves to `YYN`; c moves to `YYY`" in out
    code, out, _ = run(str(MODELS / "two_step_sanction.yaml"), "--state", "NNN", "--format", "json")
    detail = json.loads(out)["detail"]
    gmr_a = next(v for v in detail["verdicts"] if v["concept"] == "gmr" and v["decision_maker"] == "a")
    assert gmr_a["moves"][0]["reply_path"] == [
        {"decision_maker": "b", "from": "YNN", "to": "YYN"},
        {"decision_maker": "c", "from": "YYN", "to": "YYY"},
    ]


def test_status_quo_option_overrides_the_model() -> None:
    code, out, _ = run(str(MODELS / "prisoners_dilemma.yaml"), "--status-quo", "YY", "--format", "json")
    assert code == 0
    reached = json.loads(out)["status_quo"]["reachable"]
    assert [(r["state"], r["final"]) for r in reached] == [
        ("YY", False),
        ("YN", False),
        ("NY", False),
        ("NN", True),
    ]


def test_user_errors_exit_1_without_traceback(tmp_path: Path) -> None:
    code, out, err = run(str(MODELS / "chicken.yaml"), "--state", "YYY")
    assert (code, out) == (1, "")
    assert err.strip() == "error: --state: pattern 'YYY' has 3 characters; the model has 2 options"
    code, _, err = run()
    assert code == 2 and "give a model file or --from-positions" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\ndecision_makers: []\n", encoding="utf-8")
    code, _, err = run(str(bad))
    assert code == 1
    assert "bad.yaml:2:1: decision_makers: List should have at least 2 items after validation, not 0" in err
    assert "Traceback" not in err
    code, _, err = run(str(tmp_path / "missing.yaml"))
    assert code == 1 and "cannot read file" in err


ISSUES = """\
issues:
  - id: ceasefire
    title: Ceasefire
    options:
      - {id: immediate, label: Immediate}
      - {id: later, label: Later}
  - id: aid
    title: Aid
    options:
      - {id: continues, label: Continues}
      - {id: halted, label: Halted}
"""

PARTY = """\
party: {{id: {id}, name: {name}, role: belligerent}}
positions:
  ceasefire:
    - date: 2025-05-01
      summary: Ceasefire stance.
      demand: [{ceasefire}]
      salience: 8
      sources: [{{ref: wire}}]
  aid:
    - date: 2025-05-01
      summary: Aid stance.
      demand: [{aid}]
      salience: 6
      sources: [{{ref: wire}}]
"""


def positions_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "issues.yaml").write_text(ISSUES, encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "sources: [{id: wire, outlet: Wire, date: 2025-05-01}]\n", encoding="utf-8"
    )
    for ident, ceasefire, aid in (("east", "immediate", "continues"), ("west", "later", "halted")):
        text = PARTY.format(id=ident, name=ident.title(), ceasefire=ceasefire, aid=aid)
        (folder / f"{ident}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_from_positions_builds_and_saves_a_model(tmp_path: Path) -> None:
    folder = positions_folder(tmp_path)
    saved = tmp_path / "generated.yaml"
    args = ["--from-positions", "--data", str(folder), "--parties", "east,west", "--as-of", "2025-05-16"]
    code, out, err = run(*args, "--save-model", str(saved), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [i["issue"] for i in data["bridge"]["issues"]] == ["ceasefire", "aid"]
    assert [o["id"] for o in data["options"]] == [
        "east_accepts_ceasefire_later",
        "east_accepts_aid_halted",
        "west_accepts_ceasefire_immediate",
        "west_accepts_aid_continues",
    ]
    assert f"model written to {saved}" in err
    # The saved file is an ordinary model file giving the same analysis.
    assert analyse(load_model(saved)).to_dict()["equilibria"] == data["equilibria"]


def test_from_positions_rejects_a_model_file_too(tmp_path: Path) -> None:
    code, _, err = run(str(MODELS / "chicken.yaml"), "--from-positions")
    assert code == 2 and "not both" in err
    code, _, err = run(str(MODELS / "chicken.yaml"), "--issues", "aid")
    assert code == 2 and "only apply with --from-positions" in err


def test_shipped_istanbul_model_loads_and_evolves_from_its_status_quo() -> None:
    analysis = analyse(load_model(ISTANBUL))
    game = analysis.game
    assert [dm.id for dm in game.decision_makers] == ["ukraine", "russia", "us"]
    assert game.status_quo == game.state_of("YNNNNNNY")
    assert analysis.evolution is not None
    assert all(game.feasible[r.state] for r in analysis.evolution.reached)
    assert analysis.equilibria("nash"), "the shipped model should have Nash equilibria to discuss"


def test_large_models_skip_coalitions_with_a_note_and_list_only_equilibria(tmp_path: Path) -> None:
    # 13 options (8,192 states) is past the coalition analysis limit of 12 options.
    first = ", ".join(f"{{id: a{k}, label: A{k}}}" for k in range(7))
    second = ", ".join(f"{{id: b{k}, label: B{k}}}" for k in range(6))
    model = tmp_path / "large.yaml"
    model.write_text(
        f"title: Large\ndecision_makers:\n"
        f"  - id: one\n    options: [{first}]\n    statements: ['a0', '-b0', 'a1 IF b1']\n"
        f"  - id: two\n    options: [{second}]\n    statements: ['b0', '-a0']\n",
        encoding="utf-8",
    )
    code, out, err = run(str(model), "--format", "md")
    assert code == 0
    assert (
        err.strip()
        == "coalition analysis skipped: it is limited to models of up to 12 options, this one has 13"
    )
    assert "Only the states that are an equilibrium under some concept, and the status quo." in out
    listed = [line for line in out.splitlines() if line.startswith("| ") and "`" in line]
    analysis = analyse(load_model(model), coalitions=False)
    expected = set().union(*(analysis.equilibria(c) for c in ("nash", "gmr", "smr", "seq")))
    assert len(listed) == len(expected) < analysis.game.size


def test_text_from_the_model_is_shown_literally(tmp_path: Path) -> None:
    model = tmp_path / "hostile.yaml"
    model.write_text(
        'title: "[red]Loud[/red] | *title*"\n'
        "decision_makers:\n"
        '  - {id: one, options: [{id: a, label: "[link=x]A[/link]"}], statements: [a]}\n'
        "  - {id: two, options: [{id: b, label: B}], statements: [b]}\n",
        encoding="utf-8",
    )
    code, table, _ = run(str(model))
    assert code == 0
    assert "[red]Loud[/red] | *title*" in table
    assert "a: [link=x]A[/link]" in table
    code, md, _ = run(str(model), "--format", "md")
    assert md.startswith("# \\[red\\]Loud\\[/red\\] \\| \\*title\\*\n")


def test_from_positions_keeps_the_most_salient_concessions_and_names_the_rest() -> None:
    result = CliRunner().invoke(
        app,
        [
            "stability",
            "--from-positions",
            "-p",
            "russia,ukraine,us,europe,turkey",
            "--as-of",
            "2025-12-31",
            "--issues",
            "ceasefire,territory,nato,security_guarantees,sanctions",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    bridge = json.loads(result.stdout)["bridge"]
    assert len(bridge["options"]) == 12 and bridge["dropped"]
    assert "concessions left out to keep the model within 12 options" in result.stderr
