"""Markdown view of an analysis: options, stability per state, equilibria, reasons, coalitions, status quo."""

from __future__ import annotations

from postrack.stability.analysis import Analysis, shown_states
from postrack.stability.concepts import CONCEPT_NAMES, CONCEPTS
from postrack.stability.explain import reason
from postrack.views.markdown import md_cell

LABELS = {"nash": "Nash", "gmr": "GMR", "smr": "SMR", "seq": "SEQ"}


def stability_cell(analysis: Analysis, concept: str, state: int) -> str:
    """ "equilibrium", or the decision makers for whom the state is unstable."""
    verdicts = analysis.stability.stable[concept][:, state]
    if verdicts.all():
        return "equilibrium"
    return "unstable: " + ", ".join(
        dm.id for dm, ok in zip(analysis.game.decision_makers, verdicts, strict=True) if not ok
    )


def render_markdown(analysis: Analysis, *, all_states: bool = False) -> str:
    game = analysis.game
    lines = [f"# {md_cell(game.title)}", ""]
    if game.description.strip():
        lines += [md_cell(game.description), ""]
    dms = ", ".join(md_cell(dm.name) for dm in game.decision_makers)
    lines += [f"{int(game.feasible.sum())} feasible states of {game.size}; decision makers: {dms}.", ""]
    lines += ["## Options", "", "| # | Option | Decision maker | Irreversible |", "|---|---|---|---|"]
    for k, option in enumerate(game.options):
        owner = md_cell(game.decision_makers[option.owner].id)
        described = f"{md_cell(option.id)}: {md_cell(option.label)}"
        lines.append(f"| {k + 1} | {described} | {owner} | {option.irreversible or ''} |")
    states, partial = shown_states(analysis, all_states=all_states)
    lines += ["", "## Stability", ""]
    if partial:
        lines += [
            "Only the states that are an equilibrium under some concept, and the status quo.",
            "",
        ]
    lines += ["| State | Pattern | Options taken | " + " | ".join(LABELS[c] for c in CONCEPTS) + " |"]
    lines += ["|---" * (3 + len(CONCEPTS)) + "|"]
    for state in states:
        cells = [md_cell(stability_cell(analysis, c, state)) for c in CONCEPTS]
        taken = ", ".join(game.taken(state)) or "none"
        lines.append(f"| {state} | `{game.pattern(state)}` | {md_cell(taken)} | " + " | ".join(cells) + " |")
    lines += ["", "## Equilibria", ""]
    for concept in CONCEPTS:
        found = ", ".join(f"`{game.pattern(s)}`" for s in analysis.equilibria(concept)) or "none"
        lines.append(f"- {LABELS[concept]} ({CONCEPT_NAMES[concept]}): {found}")
    lines += ["", "## Why states are unstable", ""]
    for state in states:
        unsettled = analysis.instabilities(state)
        if unsettled:
            lines.append(f"- `{game.pattern(state)}`")
            lines += [f"  - {LABELS[u.concept]}: {md_cell(u.reason)}" for u in unsettled]
    lines += _coalitions(analysis)
    lines += _evolution(analysis)
    lines += [f"> {note}" for note in analysis.notes]
    return "\n".join(lines).rstrip() + "\n"


def _coalitions(analysis: Analysis) -> list[str]:
    coalitions = analysis.coalitions
    if coalitions is None:
        return []
    game = analysis.game
    lines = ["", "## Coalitions", ""]
    for concept in CONCEPTS:
        proof = analysis.coalition_proof(concept) or []
        shown = ", ".join(f"`{game.pattern(s)}`" for s in proof) or "none"
        lines.append(f"- {LABELS[concept]} equilibria no coalition can jointly improve on: {shown}")
    equilibria = sorted({s for c in CONCEPTS for s in analysis.equilibria(c)})
    for state in equilibria:
        for c, group in enumerate(coalitions.coalitions):
            if coalitions.count[c, state]:
                members = " + ".join(md_cell(game.decision_makers[i].id) for i in group)
                example = game.pattern(int(coalitions.example[c, state]))
                count = int(coalitions.count[c, state])
                lines.append(
                    f"- from `{game.pattern(state)}`, {members} can jointly move to `{example}`"
                    f" ({count} joint improvement{'s' if count > 1 else ''})"
                )
    return lines


def _evolution(analysis: Analysis) -> list[str]:
    evolution = analysis.evolution
    if evolution is None:
        return []
    game = analysis.game
    lines = ["", "## From the status quo", "", f"Status quo: `{game.pattern(evolution.start)}`.", ""]
    finals = evolution.finals()
    if not finals:
        lines.append("Unilateral improvements from the status quo never stop (they cycle).")
    for reached in finals:
        steps = "; ".join(
            f"{md_cell(game.decision_makers[s.dm].id)} moves to `{game.pattern(s.target)}`"
            for s in reached.path
        )
        lines.append(
            f"- ends at `{game.pattern(reached.state)}` after {reached.distance} moves: {steps or 'no move'}"
        )
    lines.append(f"- {len(evolution.reached)} states reachable by unilateral improvements in all.")
    return lines


def render_state(analysis: Analysis, state: int) -> str:
    """Markdown detail for one state: every improving move, the answer to it, and how it is reached."""
    game = analysis.game
    taken = ", ".join(game.taken(state)) or "no option taken"
    lines = [f"## State `{game.pattern(state)}` ({state}): {md_cell(taken)}", ""]
    verdicts = analysis.verdicts(state)
    for dm, info in enumerate(game.decision_makers):
        own = [v for v in verdicts if v.dm == dm]
        who = md_cell(info.id)
        if not own[0].escapes:
            lines.append(f"- {who}: no improving move, so stable under every concept")
            continue
        lines.append(f"- {who}:")
        for verdict in own:
            lines.append(f"  - {LABELS[verdict.concept]}: {'stable' if verdict.stable else 'unstable'}")
            for escape in verdict.escapes:
                lines.append(f"    - {md_cell(reason(game, verdict.concept, dm, state, escape))}")
                if escape.reply_path:
                    via = "; ".join(
                        f"{md_cell(game.decision_makers[s.dm].id)} moves to `{game.pattern(s.target)}`"
                        for s in escape.reply_path
                    )
                    lines.append(f"      - reply: {via}")
    return "\n".join(lines) + "\n"
