"""Running and presenting the stability analysis (imported only when ``positions stability`` runs)."""

from __future__ import annotations

from pathlib import Path

import typer
import yaml
from rich.table import Table

from postrack.cli.console import stdout_console
from postrack.cli.options import (
    Format,
    data_dir,
    parse_date,
    parse_parties,
)
from postrack.loading import load_record
from postrack.problems import UsageError, UserError
from postrack.stability.analysis import Analysis, analyse, shown_states
from postrack.stability.bridge import MAX_OPTIONS, Bridge, build_model
from postrack.stability.compile import compile_model
from postrack.stability.concepts import CONCEPTS
from postrack.stability.game import Game
from postrack.stability.loading import generated_locator, load_model
from postrack.views.serialise import dumps
from postrack.views.stability_md import LABELS, render_markdown, render_state, stability_cell
from postrack.views.terminal import term as escape
from postrack.writing import write_atomic


def run(
    model: Path | None,
    fmt: Format,
    status_quo: str | None,
    state: str | None,
    all_states: bool,
    coalitions: bool,
    from_positions: bool,
    data: Path | None,
    parties: str | None,
    as_of: str | None,
    issues: str | None,
    save_model: Path | None,
) -> int:
    if (model is None) == (not from_positions):
        raise UsageError.single("give a model file or --from-positions (not both)")
    bridge: Bridge | None = None
    if from_positions:
        bridge = _bridge(data, parties, as_of, issues)
        if bridge.dropped:
            left_out = ", ".join(c.id for c in bridge.dropped)
            typer.echo(
                f"note: {len(bridge.dropped)} concessions left out to keep the model within {MAX_OPTIONS}"
                f" options (the least salient to their party): {left_out}",
                err=True,
            )
        game = compile_model(bridge.model, generated_locator("<generated from positions>"))
        if save_model is not None:
            _save(bridge, save_model)
    else:
        if save_model is not None or issues is not None:
            raise UsageError.single("--issues and --save-model only apply with --from-positions")
        assert model is not None
        game = load_model(model)
    start = _state(game, status_quo, "--status-quo")
    detail = _state(game, state, "--state")
    analysis = analyse(game, coalitions=coalitions, status_quo=start)
    for note in analysis.notes:
        typer.echo(note, err=True)
    if fmt is Format.json:
        payload = analysis.to_dict()
        if bridge is not None:
            payload["bridge"] = bridge.to_dict()
        if detail is not None:
            payload["detail"] = analysis.detail_dict(detail)
        typer.echo(dumps(payload))
    elif fmt is Format.md:
        typer.echo(
            render_state(analysis, detail)
            if detail is not None
            else render_markdown(analysis, all_states=all_states)
        )
    else:
        _print_tables(analysis, detail, all_states=all_states)
    return 0


def _bridge(data: Path | None, parties: str | None, as_of: str | None, issues: str | None) -> Bridge:
    record = load_record(data_dir(data))
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    wanted = [i.strip() for i in issues.split(",") if i.strip()] if issues is not None else None
    return build_model(record, chosen, parse_date(as_of, horizon=record.manifest.horizon), wanted)


def _save(bridge: Bridge, path: Path) -> None:
    text = yaml.safe_dump(
        bridge.model.model_dump(mode="json", exclude_none=True), sort_keys=False, allow_unicode=True
    )
    write_atomic(path, text)
    typer.echo(f"model written to {path}", err=True)


def _state(game: Game, text: str | None, option: str) -> int | None:
    if text is None:
        return None
    try:
        return game.state_of(text)
    except ValueError as exc:
        raise UserError.single(f"{option}: {exc}") from None


def _print_tables(analysis: Analysis, detail: int | None, *, all_states: bool) -> None:
    console = stdout_console()
    game = analysis.game
    if detail is not None:
        console.print(render_state(analysis, detail), markup=False)
        return
    console.print(f"[bold]{escape(game.title)}[/]", highlight=False)
    console.print(f"{int(game.feasible.sum())} feasible states of {game.size}", markup=False)
    options = Table(title="Options", show_lines=False)
    for column in ("#", "option", "decision maker", "irreversible"):
        options.add_column(column, overflow="fold")
    for k, option in enumerate(game.options):
        options.add_row(
            str(k + 1),
            escape(f"{option.id}: {option.label}"),
            game.decision_makers[option.owner].id,
            option.irreversible or "",
        )
    console.print(options)
    states, partial = shown_states(analysis, all_states=all_states)
    table = Table(
        title="Stability",
        caption="only states that are an equilibrium under some concept" if partial else None,
    )
    for column in ("state", "pattern", *(LABELS[c] for c in CONCEPTS)):
        table.add_column(column, overflow="fold")
    for s in states:
        table.add_row(str(s), game.pattern(s), *(stability_cell(analysis, c, s) for c in CONCEPTS))
    console.print(table)
    for concept in CONCEPTS:
        found = ", ".join(game.pattern(s) for s in analysis.equilibria(concept)) or "none"
        console.print(f"{LABELS[concept]} equilibria: {found}", markup=False)
    if analysis.coalitions is not None:
        for concept in CONCEPTS:
            proof = ", ".join(game.pattern(s) for s in analysis.coalition_proof(concept) or []) or "none"
            console.print(
                f"{LABELS[concept]} equilibria no coalition can jointly improve on: {proof}", markup=False
            )
    if analysis.evolution is not None:
        console.print(f"From the status quo {game.pattern(analysis.evolution.start)}:", markup=False)
        for reached in analysis.evolution.finals():
            steps = ", ".join(
                f"{game.decision_makers[s.dm].id} -> {game.pattern(s.target)}" for s in reached.path
            )
            console.print(f"  ends at {game.pattern(reached.state)}: {steps or 'no move'}", markup=False)
    console.print("Use --state PATTERN (or --format md) for the reasons behind each verdict.", markup=False)
