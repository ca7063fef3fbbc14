"""``positions brief``: the briefing memo as Markdown, PDF or HTML."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from postrack.cli.options import AsOfOption, DataOption, PartiesOption, data_dir, parse_date, parse_parties
from postrack.loading import load_record
from postrack.problems import UserError
from postrack.writing import output_path, write_atomic

if TYPE_CHECKING:
    from postrack.briefing import Format


class BriefFormat(StrEnum):
    md = "md"
    pdf = "pdf"
    html = "html"


def brief(
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Add what moved after this date, YYYY-MM-DD (e.g. the last memo's).",
            show_default=False,
        ),
    ] = None,
    scenario: Annotated[
        list[Path] | None,
        typer.Option(
            "--scenario",
            "-s",
            help="Compare this scenario YAML with the baseline (repeatable; each on its own)."
            " Sets the default --as-of.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        BriefFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md, pdf or html (default: pdf or html when -o ends in .pdf or .html, else md).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default: md to stdout, pdf to brief-<as-of>.pdf).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", help="Folder searched for templates before the shipped ones.", show_default=False
        ),
    ] = None,
    data: DataOption = None,
    with_forecast: Annotated[
        bool,
        typer.Option("--forecast", help="Add the bargaining forecast per ordered issue (docs/forecast.md)."),
    ] = False,
) -> None:
    """Write a briefing memo: where the parties stand, where a deal could be, what moved, and on what sources.

    Markdown and HTML go to stdout unless -o is given; a PDF always goes to a file.
    An existing file is replaced only once the new memo has rendered completely.
    """
    from postrack.briefing import build_memo, document  # templates and Typst load only when this runs

    record = load_record(data_dir(data))
    chosen = parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties))
    day = parse_date(as_of, scenarios=scenario, horizon=record.manifest.horizon)
    since_day = parse_date(since, "--since") if since is not None else None
    target = output_path(output) if output is not None else None
    kind = _format(fmt, target)
    memo = build_memo(
        record, chosen, day, since_day, scenario or [], with_forecast, with_timeline=kind == "html"
    )
    content = document(memo, kind, template)
    if kind != "pdf" and target is None:
        sys.stdout.write(content.decode("utf-8"))
        return
    target = target if target is not None else Path(f"brief-{day.isoformat()}.pdf")
    _write(target, content)
    print(f"wrote {target} ({len(content):,} bytes)", file=sys.stderr)


def _format(fmt: BriefFormat | None, output: Path | None) -> Format:
    """As asked, else guessed from the output file's name."""
    if fmt is not None:
        return fmt.value
    suffix = output.suffix.lower() if output is not None else ""
    return "pdf" if suffix == ".pdf" else "html" if suffix in (".html", ".htm") else "md"


def _write(target: Path, content: bytes) -> None:
    if target.is_dir():
        raise UserError.single(f"--output: {target} is a folder; give a file name")
    if not target.parent.is_dir():
        raise UserError.single(f"--output: no such folder: {target.parent}")
    write_atomic(target, content)
