"""``positions validate``: load everything, report every problem at once."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from postrack.cli.errors import report_user_error
from postrack.cli.options import data_dir
from postrack.loading import TIMELINE_FILE, load_record
from postrack.paths import shown, workspaces_of
from postrack.problems import Problem, UserError
from postrack.record import Record
from postrack.tracker.timeline import load_timeline


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Data folders to check, or files inside them (each checks the workspace holding it;"
            " files in no workspace are skipped). Default: $POSITIONS_DATA, the nearest workspace"
            " here or above, or the shipped example.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Check every file in a data folder: syntax, types, ids, sources, dates and each party's consistency.

    Prints each problem as file:line:col: field: message and exits 1 if there is any error;
    warnings alone exit 0. The timeline (timeline.yaml) is checked too when the folder has one.
    Given files (as the pre-commit hook does), each workspace holding one is checked once.
    """
    if not paths:
        return _validate(data_dir(None))
    folders = workspaces_of(paths)
    if not folders:
        print("no workspace holds the given files; nothing to check", file=sys.stderr)
        return 0
    return max(_validate(folder) for folder in folders)


def _validate(folder: Path) -> int:
    problems: list[Problem] = []
    record: Record | None = None
    try:
        record = load_record(folder)
    except UserError as error:
        problems += error.problems
    events = 0
    if (folder / TIMELINE_FILE).is_file():
        try:
            events = len(load_timeline(folder).events)
        except UserError as error:
            problems += error.problems
    if problems or record is None:
        report_user_error(UserError(problems))
        return 1
    for warning in record.warnings:
        print(warning, file=sys.stderr)
    statements = sum(1 for _ in record.all_statements())
    sources = len(record.sources)
    warned = f", {len(record.warnings)} warnings" if record.warnings else ""
    timeline = f", {events} timeline events" if events else ""
    print(
        f"{shown(folder)}: ok: {len(record.parties)} parties, {len(record.issues)} issues, "
        f"{statements} statements, {sources} sources{timeline}{warned}"
    )
    return 0
