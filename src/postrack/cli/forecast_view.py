"""How a forecast and its backtest look in a terminal (fitting 80 columns) and in Markdown."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from postrack.forecast import Backtest, Forecast
from postrack.forecast.backtest import METHODS
from postrack.forecast.engine import IssueForecast
from postrack.views.markdown import md_cell

_KIND = {"conflict": "conflict", "compromise": "compromise", "capitulation": "gives in"}


def _rounds(issue: IssueForecast) -> str:
    return f"{issue.rounds}" if issue.converged else f"{issue.rounds}, no stop"


def _outcomes(issue: IssueForecast) -> str:
    """The model's option first; a baseline that lands on the same option says so instead of
    repeating it, so the column stays narrow enough for 80 columns."""
    model = issue.model
    lines = [f"model:  {escape(model.option)} ({model.position:.2f})"]
    for name, point in (("median", issue.median), ("mean", issue.mean)):
        option = "same" if point.option == model.option else escape(point.option)
        lines.append(f"{name + ':':7} {option} ({point.position:.2f})")
    return "\n".join(lines)


def notes(result: Forecast) -> list[str]:
    """What the reader must know about the inputs: defaults used, ideals inferred, issues left out."""
    out: list[str] = []
    if result.default_capability:
        out.append(
            f"capability: no estimate on record for {', '.join(result.default_capability)};"
            f" the default {result.default_value:g} (of 100) was used"
        )
    inferred = sorted(
        {f"{a.party} on {i.issue}" for i in result.issues for a in i.actors if a.ideal_from == "accepted"}
    )
    if inferred:
        out.append("no demand, ideal placed mid-way in what it accepts: " + ", ".join(inferred))
    out += [f"{issue}: not forecast ({why})" for issue, why in result.skipped]
    return out


def forecast_tables(result: Forecast) -> list[Table | str]:
    summary = Table(title=escape(f"Forecast as of {result.as_of} — {', '.join(result.parties)}"))
    summary.add_column("issue", style="bold", overflow="fold")
    summary.add_column("forecast option (position on the scale)", overflow="fold")
    summary.add_column("rounds", justify="right")
    for i in result.issues:
        summary.add_row(escape(i.issue), _outcomes(i), _rounds(i))
    moves = Table(title="Predicted moves (scale steps) and who moved them")
    moves.add_column("issue", style="bold", overflow="fold")
    moves.add_column("party", overflow="fold")
    moves.add_column("from → to")
    moves.add_column("moved by", overflow="fold")
    for i in result.issues:
        for m in i.moves:
            if abs(m.end - m.start) < 0.005:
                continue
            by = ", ".join(
                f"{c.challenger} ({_KIND[c.kind]})"
                for c in i.challenges
                if c.target == m.party and c.kind != "conflict"
            )
            moves.add_row(escape(i.issue), escape(m.party), f"{m.start:.2f} → {m.end:.2f}", escape(by))
    parts: list[Table | str] = [summary]
    if moves.row_count:
        parts.append(moves)
    parts += [escape(f"note: {n}") for n in notes(result)]
    return parts


def forecast_markdown(result: Forecast) -> str:
    lines = [f"# Forecast as of {result.as_of}", "", f"Parties: {', '.join(result.parties)}", ""]
    lines += [
        "| issue | model forecast | weighted median | weighted mean | rounds |",
        "|---|---|---|---|---|",
    ]
    for i in result.issues:
        lines.append(
            f"| {md_cell(i.issue)} | {md_cell(i.model.option)} ({i.model.position:.2f}) |"
            f" {md_cell(i.median.option)} ({i.median.position:.2f}) |"
            f" {md_cell(i.mean.option)} ({i.mean.position:.2f}) | {_rounds(i)} |"
        )
    for i in result.issues:
        lines += ["", f"## {md_cell(i.title)} (`{i.issue}`)", ""]
        lines += ["| party | ideal | from | salience | capability | predicted |", "|---|---|---|---|---|---|"]
        for a, m in zip(i.actors, i.moves, strict=True):
            clout = f"{a.capability:g}" + (
                " (default)" if a.capability_default else f" (since {a.capability_since})"
            )
            sal = f"{a.salience}" + (" (assumed)" if a.salience_assumed else "")
            lines.append(
                f"| {md_cell(a.party)} | {a.ideal:.2f} | {a.ideal_from} | {sal} | {clout} |"
                f" {m.end:.2f} ({md_cell(m.end_option)}) |"
            )
        lines.append("")
        for c in i.challenges:
            lines.append(
                f"- round {c.round}: {md_cell(c.challenger)} challenges {md_cell(c.target)} ({_KIND[c.kind]})"
            )
        for party, why in i.absent:
            lines.append(f"- {md_cell(party)}: left out ({why})")
    if notes(result):
        lines += ["", *[f"- {md_cell(n)}" for n in notes(result)]]
    return "\n".join(lines).rstrip() + "\n"


def _score_rows(result: Backtest) -> list[tuple[str, str, str, str]]:
    return [
        (s.method, f"{s.hits}/{s.pairs}", f"{s.hit_rate:.0%}", f"{s.mean_distance:.2f}")
        for s in result.scores
    ]


def _moves_line(result: Backtest) -> str:
    m = result.moves
    return (
        f"party moves ({m.pairs} on record at both dates): model's predicted position is"
        f" {m.model_distance:.2f} steps from the later ideal; assuming no move, {m.no_move_distance:.2f}"
    )


def backtest_tables(result: Backtest) -> list[Table | str]:
    scores = Table(title=escape(f"Backtest: forecast as of {result.start}, scored at {result.end}"))
    for name in ("method", "hits", "hit rate", "mean distance"):
        scores.add_column(name, justify="left" if name == "method" else "right")
    for row in _score_rows(result):
        scores.add_row(*row)
    issues = Table(title="Forecast option per issue (mean / median / model)")
    issues.add_column("issue", style="bold")
    issues.add_column("forecasts")
    issues.add_column("hits", justify="right")
    for i in result.issues:
        hits = "/".join(str(sum(p.hits[k] for p in i.parties)) for k in range(len(METHODS)))
        issues.add_row(
            escape(i.issue), escape(" / ".join(dict.fromkeys(i.forecasts))), f"{hits} of {len(i.parties)}"
        )
    return [scores, _moves_line(result), issues, *[escape(f"note: {n}") for n in notes(result.forecast)]]


def backtest_markdown(result: Backtest) -> str:
    lines = [f"# Backtest: forecast as of {result.start}, scored at {result.end}", ""]
    lines += [
        f"Parties: {', '.join(result.parties)}",
        "",
        "| method | hits | hit rate | mean distance (steps) |",
    ]
    lines.append("|---|---|---|---|")
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in _score_rows(result)]
    lines += [
        "",
        _moves_line(result),
        "",
        "| issue | mean | median | model | parties scored |",
        "|---|---|---|---|---|",
    ]
    for i in result.issues:
        cells = " | ".join(md_cell(o) for o in i.forecasts)
        lines.append(f"| {md_cell(i.issue)} | {cells} | {len(i.parties)} |")
    if notes(result.forecast):
        lines += ["", *[f"- {md_cell(n)}" for n in notes(result.forecast)]]
    return "\n".join(lines) + "\n"
