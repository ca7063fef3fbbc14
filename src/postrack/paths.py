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


def default_data_dir() -> Path:
    """``$POSITIONS_DATA``, else ``./positions`` when it has a catalogue, else the shipped data."""
    env = os.environ.get("POSITIONS_DATA")
    if env:
        return Path(env)
    local = Path.cwd() / "positions"
    if (local / "issues.yaml").is_file():
        return local
    return _shipped("positions")


def shipped_scenarios_dir() -> Path:
    return _shipped("scenarios")


def shipped_templates_dir() -> Path:
    return _shipped("templates")


def shown(path: Path, root: Path | None = None) -> str:
    """How messages name a file: relative to ``root`` (default: the working folder) when inside it."""
    base = (root or Path.cwd()).resolve()
    try:
        return str(path.resolve().relative_to(base))
    except ValueError:
        return str(path)
