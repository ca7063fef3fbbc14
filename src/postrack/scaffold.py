"""``positions init``: a new workspace that validates and runs every command out of the box.

The files live in ``postrack/scaffold/`` (shipped in the wheel); their comments teach the format.
The JSON Schemas the editor settings point at are written from the models, so they always match.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from postrack.problems import UserError
from postrack.schema import KINDS, schema_text
from postrack.writing import write_atomic


def scaffold(target: Path) -> list[Path]:
    """Write a new workspace into ``target`` (missing or empty); returns the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError.single(f"{target}: not an empty folder; give a new folder to create the workspace in")
    written: list[Path] = []
    _copy(files("postrack") / "scaffold", target, written)
    for kind in KINDS:
        path = target / "schema" / f"{kind}.schema.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, schema_text(kind))
        written.append(path)
    return written


def _copy(source: Traversable, target: Path, written: list[Path]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            _copy(item, target / item.name, written)
        else:
            path = target / item.name
            write_atomic(path, item.read_bytes())
            written.append(path)
