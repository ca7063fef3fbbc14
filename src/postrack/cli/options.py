"""Options shared by several commands, parsed into the library's types."""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from postrack.paths import (
    CATALOGUE,
    MANIFEST,
    default_data_dir,
    find_workspace,
    scenarios_dir,
    shipped_data_dir,
    shown,
)
from postrack.problems import UsageError
from postrack.scenarios import read_scenario

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Folder with issues.yaml and one YAML file per party (default: $POSITIONS_DATA, the"
        " nearest workspace here or above, or the shipped example).",
        show_default=False,
    ),
]
PartiesOption = Annotated[
    str | None,
    typer.Option(
        "--parties",
        "-p",
        help="Comma-separated party ids (default: the manifest's parties, else all).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Use only what was on record on this date, YYYY-MM-DD (default: today).",
        show_default=False,
    ),
]

IssuesOption = Annotated[
    str | None,
    typer.Option("--issues", help="Comma-separated issue ids (default: every issue).", show_default=False),
]


def parse_issues(value: str | None) -> list[str] | None:
    """The ``--issues`` ids in the order given (None: every issue; the engine checks the ids)."""
    return [i.strip() for i in value.split(",") if i.strip()] if value is not None else None


ScenarioOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--scenario",
        "-s",
        help="Overlay this scenario (a YAML file, or the name of one in the workspace's scenarios/"
        " folder) on the baseline; repeatable, applied in order. Sets the default --as-of.",
        show_default=False,
    ),
]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Format(StrEnum):
    table = "table"
    json = "json"
    md = "md"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
WideOption = Annotated[
    bool,
    typer.Option("--wide", help="Lay the table out for at least 160 columns (for a pager or a file)."),
]


def data_dir(value: Path | None) -> Path:
    """``--data``, else the default; says on stderr when that is the shipped example, so nobody
    mistakes it for their own data."""
    if value is not None:
        return value
    if os.environ.get("POSITIONS_DATA") or find_workspace() is not None:
        return default_data_dir()
    found = shipped_data_dir()
    print(
        f"note: no workspace found here or above (a folder with {MANIFEST} and {CATALOGUE}, or a"
        f" positions/ folder); using the shipped example in {shown(found)}",
        file=sys.stderr,
    )
    return found


def scenario_files(names: list[Path] | None, data: Path) -> list[Path]:
    """Each ``--scenario`` as a file: a path as given, else the workspace's scenario of that name
    (with or without ``.yaml``), so ``-s NAME`` means the same on every command."""
    return [_scenario_file(name, data) for name in names or []]


def _scenario_file(name: Path, data: Path) -> Path:
    if name.exists():
        return name
    found = scenarios_dir(data) / (name.name if name.suffix else f"{name.name}.yaml")
    if found.is_file():
        return found
    raise UsageError.single(f"no such scenario file: {name} (try `positions scenario list`)")


def parse_date(
    value: str | None,
    option: str = "--as-of",
    scenarios: list[Path] | None = None,
    horizon: date | None = None,
) -> date:
    """The date asked for; without one, the latest scenario's date, else today. A note on stderr
    says when the date is past the data's ``horizon`` (the last date the manifest says it covers):
    the answer is then the record as it stood at the horizon, not news the data does not hold."""
    if value is None:
        if scenarios:
            return max(read_scenario(path)[0].as_of for path in scenarios)
        day, how = date.today(), f"defaults to today ({date.today()})"
    else:
        day, how = _iso_date(value, option), f"is {value}"
    if horizon is not None and day > horizon:
        print(
            f"note: {option} {how}, past the data's horizon ({horizon}): nothing after it is on record",
            file=sys.stderr,
        )
    return day


def _iso_date(value: str, option: str) -> date:
    if not _ISO_DATE.fullmatch(value):
        raise UsageError.single(f"{option}: {value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise UsageError.single(f"{option}: {value!r} is not a real date ({error})") from None


def parse_parties(value: str | None, known: list[str], default: tuple[str, ...] = ()) -> list[str]:
    """Party ids in the order given; unknown ids are a user error naming what exists.

    Without ``value`` the ``default`` set (the manifest's parties), else every known party."""
    if value is None:
        wanted = [p for p in default if p in known] or sorted(known)
    else:
        wanted = [p.strip() for p in value.split(",") if p.strip()]
    unknown = [p for p in wanted if p not in known]
    if unknown:
        raise UsageError.single(
            f"--parties: unknown party {', '.join(map(repr, unknown))} (known: {', '.join(sorted(known))})"
        )
    if len(set(wanted)) != len(wanted):
        raise UsageError.single("--parties: a party is listed twice")
    if not wanted:
        raise UsageError.single("--parties: give at least one party id")
    return wanted
