"""``positions compare``: the party × issue matrix of overlaps and incompatibilities."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Group, RenderableType
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
    WideOption,
    data_dir,
    parse_date,
    parse_parties,
    scenario_files,
)
from postrack.cli.output import WIDE, emit, show
from postrack.compare import Comparison
from postrack.compare import compare as run_compare
from postrack.problems import UsageError
from postrack.scenarios import load_with_scenarios
from postrack.views.compare_md import MARK as _MARK
from postrack.views.compare_md import cell as _cell
from postrack.views.compare_md import markdown
from postrack.views.compare_md import pairs as _pairs
from postrack.views.terminal import term as escape
from postrack.views.titles import under

_STYLE = {"overlap": "green", "conditional": "yellow", "incompatible": "red", "unknown": "dim"}


def compare(
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
    scenario: ScenarioOption = None,
    wide: WideOption = False,
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
    folder = data_dir(data)
    scenario = scenario_files(scenario, folder)
    record = load_with_scenarios(folder, scenario)
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    if len(chosen) < 2:
        raise UsageError.single(f"--parties: compare needs at least two parties (got {', '.join(chosen)})")
    result = run_compare(
        record, chosen, parse_date(as_of, scenarios=scenario, horizon=record.manifest.horizon)
    )
    if issue:
        result = _only(result, issue, list(record.issues))
    sure = robustness_view.cells(record, result) if robustness else None
    width = WIDE if wide else stdout_console().width
    if sure is None:
        emit(fmt, result, lambda r: terminal(r, width), markdown, wide)
    elif fmt is Format.json:
        emit(fmt, result.to_dict() | robustness_view.as_dict(sure), lambda r: Group())
    elif fmt is Format.md:
        emit(fmt, result, lambda r: Group(), lambda r: markdown(r) + robustness_view.as_markdown(sure))
    else:
        show(Group(terminal(result, width), robustness_view.table(sure, ("cell",))), wide)


def terminal(result: Comparison, width: int) -> RenderableType:
    """The full matrix when it fits ``width``, else one symbol per pair; then the reasons."""
    if len(result.issues) == 1:
        return compact(result)
    return Group(table(result) if _fits(result, width) else compact(result), reasons(result))


def _only(result: Comparison, wanted: list[str], known: list[str]) -> Comparison:
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise UsageError.single(
            f"--issue: unknown issue {', '.join(map(repr, unknown))} (known: {', '.join(known)})"
        )
    return replace(result, issues=tuple(i for i in result.issues if i.issue in wanted))


def _title(result: Comparison) -> str:
    where = f"{result.workspace}\n" if result.workspace else ""
    return f"{where}Positions as of {result.as_of}{under(result.scenarios)} — {', '.join(result.parties)}"


def _fits(result: Comparison, width: int) -> bool:
    """Whether the full matrix fits: every pair column at least as wide as its header."""
    headers = [len(f"{a} × {b}") for a, b in _pairs(result)]
    first = max(len(i.issue) for i in result.issues)
    return first + sum(headers) + 3 * (len(headers) + 1) + 1 <= width


def table(result: Comparison) -> Table:
    out = Table(title=escape(_title(result)), show_lines=True)
    out.add_column("issue", style="bold", overflow="fold")
    for a, b in _pairs(result):
        out.add_column(f"{a} × {b}", overflow="fold")
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
        out.add_column("pair", style="bold", overflow="fold")
        out.add_column("status", overflow="fold")
        out.add_column("why", overflow="fold")
        for p in result.issues[0].pairs:
            out.add_row(
                escape(" × ".join(p.parties)), f"[{_STYLE[p.status]}]{_MARK[p.status]}[/]", escape(p.reason)
            )
        return out
    keys = [chr(ord("A") + k) if k < 26 else str(k + 1) for k in range(len(pairs))]
    out = Table(title=escape(_title(result)), show_lines=False)
    out.add_column("issue", style="bold", overflow="fold")
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
    out.add_column("issue", style="bold", overflow="fold")
    out.add_column("pair", overflow="fold")
    out.add_column("why", overflow="fold")
    for issue in result.issues:
        for p in issue.pairs:
            if p.status in ("conditional", "incompatible"):
                why = f"[{_STYLE[p.status]}]{_SYMBOL[p.status]}[/] {escape(p.reason)}"
                out.add_row(escape(issue.issue), escape(" × ".join(p.parties)), why)
    return out
