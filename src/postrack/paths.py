"""Where the shipped data, scenarios and templates are, in a checkout and in an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]


def _shipped(kind: str) -> Path:
    """The checkout's top-level folder when running from source, else the copy inside the wheel."""
    in_checkout = _CHECKOUT / kind
    if in_checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return in_checkout
    return _PACKAGE / "_data" / kind


MANIFEST = "negotiation.yaml"
CATALOGUE = "issues.yaml"


def find_workspace(start: Path | None = None) -> Path | None:
    """The nearest workspace at or above ``start`` (default: the working folder), as git finds its
    repository: a folder with a manifest and a catalogue, or a ``positions/`` folder with a catalogue."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file() and (folder / CATALOGUE).is_file():
            return folder
        if (folder / "positions" / CATALOGUE).is_file():
            return folder / "positions"
    return None


def workspaces_of(paths: list[Path]) -> list[Path]:
    """The data folders to check for ``paths``, each once, in the order first named: a folder is
    itself; a file is the nearest workspace holding it (none for a file outside every workspace,
    such as a CI config), so a commit hook can pass the changed files as they are."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            folder: Path | None = path
        else:
            folder = find_workspace(path.resolve().parent)
            if folder is not None and path.resolve().parent != folder and not _inside(path, folder):
                folder = None
        if folder is not None and all(folder.resolve() != seen.resolve() for seen in out):
            out.append(folder)
    return out


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is in ``folder`` or in a scenarios folder that belongs to it."""
    where = path.resolve()
    return where.is_relative_to(folder.resolve()) or where.is_relative_to(scenarios_dir(folder).resolve())


def default_data_dir() -> Path:
    """``$POSITIONS_DATA``, else the nearest workspace (:func:`find_workspace`), else the shipped data."""
    env = os.environ.get("POSITIONS_DATA")
    if env:
        return Path(env)
    return find_workspace() or shipped_data_dir()


def shipped_data_dir() -> Path:
    """The example that ships with the tool (the Russia–Ukraine talks)."""
    return _shipped("positions")


def shipped_scenarios_dir() -> Path:
    return _shipped("scenarios")


def scenarios_dir(data: Path) -> Path:
    """A workspace's scenarios: ``scenarios/`` inside it, or beside a ``positions/`` data folder
    (as in the shipped example and in repositories laid out like it)."""
    inside = data / "scenarios"
    if inside.is_dir():
        return inside
    if data.resolve() == shipped_data_dir().resolve():
        return shipped_scenarios_dir()
    return data.parent / "scenarios" if data.name == "positions" else inside


def shipped_templates_dir() -> Path:
    return _shipped("templates")


def shown(path: Path, root: Path | None = None) -> str:
    """How messages name a file: relative to ``root`` (default: the working folder) when inside it."""
    try:
        base = (root or Path.cwd()).resolve()
        return str(path.resolve().relative_to(base))
    except (ValueError, OSError, RuntimeError):  # outside root; a symlink loop (RuntimeError before 3.13)
        return str(path)
