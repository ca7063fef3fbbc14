"""``positions record``: append one dated, sourced statement to a party's file, safely."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from typing import Annotated

import typer

from postrack.cli.options import DataOption, data_dir, parse_date
from postrack.problems import Problem, UsageError, UserError
from postrack.tracker.recording import NewSource, NewStatement, record_statement


class StanceChoice(StrEnum):
    demand = "demand"
    acceptable = "acceptable"
    red_line = "red_line"


class ConfidenceChoice(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class FallbackChoice(StrEnum):
    red_line = "red_line"
    unstated = "unstated"


_PLACEHOLDER = re.compile(r"\W*(\.\.\.+|…|todo|tbd|xx+|placeholder)\W*", re.IGNORECASE)


def refuse_placeholders(values: dict[str, str | None]) -> None:
    """Refuse values copied from an example (``--summary "..."``, ``https://...``): they validate,
    so without this check they would be stored as if they were a source."""
    bad = [
        Problem("", message=f"{option}: {value!r} looks like a placeholder; give the real value")
        for option, value in values.items()
        if value is not None
        and (
            _PLACEHOLDER.fullmatch(value.strip())
            or (option.endswith("url") and ("..." in value or "…" in value))
        )
    ]
    if bad:
        raise UsageError(bad)


def _condition(
    ident: str | None, when: tuple[str, ...], requires: list[str], otherwise: FallbackChoice | None
) -> dict[str, object] | None:
    """The --condition options as a condition in the file's format; the data validation checks ids."""
    if ident is None:
        if requires or otherwise:
            raise UsageError.single("--requires and --otherwise need --condition ID")
        return None
    if not when or not requires or otherwise is None:
        raise UsageError.single(
            "--condition needs the options it binds (--option), --requires and --otherwise"
        )
    alternatives = []
    for text in requires:
        issue, sep, options = text.partition("=")
        wanted = [o.strip() for o in options.split(",") if o.strip()]
        if not sep or not issue.strip() or not wanted:
            raise UsageError.single(f"--requires {text!r}: write ISSUE=OPTION[,OPTION]")
        alternatives.append({"issue": issue.strip(), "options": wanted})
    return {"id": ident, "when": list(when), "requires": alternatives, "otherwise": otherwise.value}


class PrecisionChoice(StrEnum):
    day = "day"
    month = "month"
    approximate = "approximate"


def record(
    party: Annotated[str, typer.Argument(help="Party id (the file <party>.yaml).", show_default=False)],
    issue: Annotated[str, typer.Argument(help="Issue id from issues.yaml.", show_default=False)],
    on: Annotated[
        str,
        typer.Option(
            "--date",
            help="When it was first on record (no earlier than --source), YYYY-MM-DD.",
            show_default=False,
        ),
    ],
    source: Annotated[str, typer.Option("--source", help="Id of the source cited.", show_default=False)],
    summary: Annotated[str, typer.Option("--summary", help="One-sentence paraphrase.", show_default=False)],
    stance: Annotated[
        StanceChoice | None,
        typer.Option(
            "--stance", help="The stance the party takes on the --option options.", show_default=False
        ),
    ] = None,
    option: Annotated[
        list[str] | None, typer.Option("--option", help="Option id (repeatable).", show_default=False)
    ] = None,
    quote: Annotated[
        str, typer.Option("--quote", help="Short quote from the source.", show_default=False)
    ] = "",
    paraphrase: Annotated[
        str, typer.Option("--paraphrase", help="What the source says, in your words.", show_default=False)
    ] = "",
    salience: Annotated[
        int | None,
        typer.Option("--salience", help="How central the issue is to the party, 1-10.", show_default=False),
    ] = None,
    confidence: Annotated[
        ConfidenceChoice | None,
        typer.Option("--confidence", help="How sure the record is.", show_default=False),
    ] = None,
    date_precision: Annotated[
        PrecisionChoice | None,
        typer.Option("--date-precision", help="month: --date is the 1st of the month.", show_default=False),
    ] = None,
    said: Annotated[
        str | None,
        typer.Option(
            "--said",
            help="When it was said, YYYY-MM-DD, if before --date (reported later).",
            show_default=False,
        ),
    ] = None,
    statement_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Id for this statement, so a later one can correct it.", show_default=False
        ),
    ] = None,
    corrects: Annotated[
        str | None,
        typer.Option("--corrects", help="Id of the earlier statement this corrects.", show_default=False),
    ] = None,
    new_source_outlet: Annotated[
        str | None,
        typer.Option(
            "--new-source-outlet", help="Add --source as a new source from this outlet.", show_default=False
        ),
    ] = None,
    new_source_url: Annotated[str, typer.Option("--new-source-url", help="URL of the new source.")] = "",
    new_source_date: Annotated[
        str | None,
        typer.Option("--new-source-date", help="Publication date of the new source.", show_default=False),
    ] = None,
    new_source_title: Annotated[
        str, typer.Option("--new-source-title", help="Title of the new source.")
    ] = "",
    withdraw: Annotated[
        list[str] | None,
        typer.Option("--withdraw", help="Return this option to unstated (repeatable).", show_default=False),
    ] = None,
    reset: Annotated[
        bool, typer.Option("--reset", help="Clear every earlier stance and condition on the issue first.")
    ] = False,
    condition: Annotated[
        str | None,
        typer.Option(
            "--condition",
            help="Add a condition with this id: the --option options are accepted only if --requires holds.",
            show_default=False,
        ),
    ] = None,
    requires: Annotated[
        list[str] | None,
        typer.Option(
            "--requires",
            help="An alternative for --condition, ISSUE=OPTION[,OPTION] (repeatable: any one suffices).",
            show_default=False,
        ),
    ] = None,
    otherwise: Annotated[
        FallbackChoice | None,
        typer.Option(
            "--otherwise",
            help="For --condition: red_line ('only if') or unstated ('would accept if').",
            show_default=False,
        ),
    ] = None,
    drop_condition: Annotated[
        list[str] | None,
        typer.Option(
            "--drop-condition", help="Withdraw an earlier condition by id (repeatable).", show_default=False
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Append a statement to PARTY's file, in date order within ISSUE, keeping the file's comments and layout.

    The whole data folder is validated with the statement in place first; if anything is wrong
    nothing is written and every problem is reported with file and line. Writers take a lock, so
    several can record at once. --new-source-* adds the cited source in the same step.
    """
    refuse_placeholders(
        {
            "--summary": summary,
            "--quote": quote,
            "--paraphrase": paraphrase,
            "--source": source,
            "--new-source-outlet": new_source_outlet,
            "--new-source-url": new_source_url,
            "--new-source-title": new_source_title,
        }
    )
    new_source = None
    if new_source_outlet is not None:
        published = parse_date(new_source_date, "--new-source-date") if new_source_date else None
        new_source = NewSource(new_source_outlet, published, new_source_url, new_source_title)
    elif new_source_url or new_source_date or new_source_title:
        raise UserError.single(
            "--new-source-url, --new-source-date and --new-source-title need --new-source-outlet"
        )
    options = tuple(option or ())
    if stance is None and options and condition is None:
        raise UsageError.single("--option needs --stance (or --condition)")
    if stance is not None and not options:
        raise UsageError.single("--stance needs at least one --option")
    if not (stance or withdraw or reset or condition or drop_condition):
        raise UserError.single(
            "say what the statement does: --stance with --option, --withdraw, --reset, --condition"
            " or --drop-condition"
        )
    statement = NewStatement(
        party=party,
        issue=issue,
        stance=stance.value if stance else None,
        options=options if stance else (),
        date=parse_date(on, "--date"),
        source=source,
        summary=summary,
        quote=quote,
        paraphrase=paraphrase,
        salience=salience,
        confidence=confidence.value if confidence else None,
        date_precision=date_precision.value if date_precision else None,
        said=parse_date(said, "--said") if said else None,
        statement_id=statement_id,
        corrects=corrects,
        new_source=new_source,
        withdrawn=tuple(withdraw or ()),
        reset=reset,
        condition=_condition(condition, options, requires or [], otherwise),
        drop_conditions=tuple(drop_condition or ()),
    )
    done = record_statement(data_dir(data), statement)
    for warning in done.warnings:
        print(warning, file=sys.stderr)
    added = " (with a new source)" if done.source_added else ""
    typer.echo(
        f"recorded {done.party} on {done.issue}, {done.date}, at {done.file}:{done.line}"
        f" (statement {done.index + 1} of {done.count}){added}"
    )
