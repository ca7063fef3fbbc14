"""``positions compare``: the party × issue matrix of overlaps and incompatibilities."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from postrack.cli import robustness_view
from postrack.cli.console import stdout_console
from postrack.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    PartiesOption,
    ScenarioOption,
    data_dir,
    parse_date,
    parse_parties,
)
from postrack.compare import Comparison, IssueComparison, PairResult
from postrack.compare import compare as run_compare
from postrack.problems import UserError
from postrack.scenarios import load_with_scenarios
from postrack.text import md_cell

_MARK = {
    "overlap": "✔ overlap",
    "conditional": "◐ conditional",
    "incompatible": "✘ incompatible",
    "unknown": "? unknown",
}
_STYLE = {"overlap": "green", "conditional": "yellow", "incompatible": "red", "unknown": "dim"}


def compare(
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    scenario: ScenarioOption = None,
    issue: Annotated[
        list[str] | None, typer.Option("--issue", "-i", help="Only this issue (repeatable) (default: all).")
    ] = None,
    robustness: Annotated[
        bool, typer.Option("--robustness", help="Add how likely each cell holds and what it rests on.")
    ] = False,
) -> None:
    """Where do the parties overlap and where are they incompatible, issue by issue, as of a date.

    Each cell is the status of a pair of parties on an issue (overlap, conditional, incompatible, unknown)
    with the options both would accept.
    """
    record = load_with_scenarios(data_dir(data), scenario or [])
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    result = run_compare(
        record, chosen, parse_date(as_of, scenarios=scenario, horizon=record.manifest.horizon)
    )
    if issue:
        result = _only(result, issue, list(record.issues))
    sure = robustness_view.cells(record, result) if robustness else None
    if fmt is Format.json:
        typer.echo(json.dumps(result.to_dict() | robustness_view.as_dict(sure), indent=2, ensure_ascii=False))
    elif fmt is Format.md:
        typer.echo(markdown(result) + robustness_view.as_markdown(sure))
    else:
        console = stdout_console()
        if len(result.issues) == 1:
            console.print(compact(result))
        else:
            console.print(table(result) if _fits(result, console.width) else compact(result))
            console.print(reasons(result))
        if sure is not None:
            console.print(robustness_view.table(sure, ("cell",)))


def _only(result: Comparison, wanted: list[str], known: list[str]) -> Comparison:
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise UserError.single(
            f"--issue: unknown issue {', '.join(map(repr, unknown))} (known: {', '.join(known)})"
        )
    return replace(result, issues=tuple(i for i in result.issues if i.issue in wanted))


def _title(result: Comparison) -> str:
    where = f"{result.workspace}\n" if result.workspace else ""
    return f"{where}Positions as of {result.as_of} — {', '.join(result.parties)}"


def _fits(result: Comparison, width: int) -> bool:
    """Whether the full matrix fits: every pair column at least as wide as its header."""
    headers = [len(f"{a} × {b}") for a, b in _pairs(result)]
    first = max(len(i.issue) for i in result.issues)
    return first + sum(headers) + 3 * (len(headers) + 1) + 1 <= width


def _pairs(result: Comparison) -> list[tuple[str, str]]:
    return [p.parties for p in result.issues[0].pairs] if result.issues else []


def _cell(pair: PairResult) -> str:
    text = _MARK[pair.status]
    if pair.common:
        blocked = "blocked: " if pair.status == "incompatible" else ""
        text += "\n" + blocked + ", ".join(pair.common)
    if pair.gap:
        text += f"\ngap {pair.gap}"
    return text


def table(result: Comparison) -> Table:
    out = Table(title=escape(_title(result)), show_lines=True)
    out.add_column("issue", style="bold")
    for a, b in _pairs(result):
        out.add_column(f"{a} × {b}")
    for issue in result.issues:
        out.add_row(escape(issue.issue), *(f"[{_STYLE[p.status]}]{escape(_cell(p))}[/]" for p in issue.pairs))
    counts = result.status_counts()
    out.caption = "  ".join(f"{k}: {v}" for k, v in counts.items())
    return out


_SYMBOL = {"overlap": "✔", "conditional": "◐", "incompatible": "✘", "unknown": "?"}


def compact(result: Comparison) -> Table:
    """The matrix for a narrow terminal: one symbol per cell, pairs keyed by letter below.

    With one issue (``-i``) each pair gets a line with its reason instead."""
    pairs = _pairs(result)
    if len(result.issues) == 1:
        out = Table(title=escape(f"{_title(result)}: {result.issues[0].issue}"), show_lines=True)
        out.add_column("pair", style="bold")
        out.add_column("status")
        out.add_column("why")
        for p in result.issues[0].pairs:
            out.add_row(
                escape(" × ".join(p.parties)), f"[{_STYLE[p.status]}]{_MARK[p.status]}[/]", escape(p.reason)
            )
        return out
    keys = [chr(ord("A") + k) if k < 26 else str(k + 1) for k in range(len(pairs))]
    out = Table(title=escape(_title(result)), show_lines=False)
    out.add_column("issue", style="bold")
    for key in keys:
        out.add_column(key, justify="center")
    for issue in result.issues:
        out.add_row(
            escape(issue.issue), *(f"[{_STYLE[p.status]}]{_SYMBOL[p.status]}[/]" for p in issue.pairs)
        )
    legend = [escape(f"{k} {a} × {b}") for k, (a, b) in zip(keys, pairs, strict=True)]
    marks = "  ".join(_MARK.values())
    out.caption = "\n".join([*legend, marks, "details: -i ISSUE or -f md"])
    return out


def reasons(result: Comparison) -> Table:
    """Why each pair that is conditional or incompatible stands where it does, issue by issue (an
    unknown pair is one where a party has no stance; the -f md and JSON views give every reason)."""
    out = Table(title="Why, where the pairs are conditional or incompatible", show_lines=False)
    out.add_column("issue", style="bold")
    out.add_column("pair")
    out.add_column("why")
    for issue in result.issues:
        for p in issue.pairs:
            if p.status in ("conditional", "incompatible"):
                why = f"[{_STYLE[p.status]}]{_SYMBOL[p.status]}[/] {escape(p.reason)}"
                out.add_row(escape(issue.issue), escape(" × ".join(p.parties)), why)
    return out


def markdown(result: Comparison) -> str:
    pairs = _pairs(result)
    lines = [f"# Positions as of {result.as_of}", ""]
    if result.workspace:
        lines += [f"Negotiation: {md_cell(result.workspace)}", ""]
    lines += [f"Parties: {', '.join(result.parties)}", ""]
    lines.append("| issue | " + " | ".join(f"{a} × {b}" for a, b in pairs) + " |")
    lines.append("|---|" + "---|" * len(pairs))
    for issue in result.issues:
        cells = [md_cell(_cell(p).replace("\n", "; ")) for p in issue.pairs]
        lines.append(f"| {issue.issue} | " + " | ".join(cells) + " |")
    for issue in result.issues:
        lines += ["", *_issue_section(issue)]
    return "\n".join(lines) + "\n"


def _issue_section(issue: IssueComparison) -> list[str]:
    lines = [f"## {md_cell(issue.title)} (`{issue.issue}`)", ""]
    for stance in issue.stances:
        if stance is None:
            continue
        sources = "; ".join(md_cell(s.label()) + (f" <{s.url}>" if s.url else "") for s in stance.sources)
        flag = " ⚠ weakly sourced" if stance.weakly_sourced else ""
        lines.append(
            f"- **{stance.party}** (since {stance.since}{flag}): {md_cell(stance.summary)} — {sources}"
        )
    for pair in issue.pairs:
        lines.append(f"- {' × '.join(pair.parties)}: **{pair.status}**: {md_cell(pair.reason)}")
        lines += [f"  - {md_cell(f.message)}" for f in pair.findings if f.code != "PR002"]
    return lines
