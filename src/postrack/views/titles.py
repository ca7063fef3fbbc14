"""Titles every view shares, so a run with scenarios says so in every format."""

from __future__ import annotations

from collections.abc import Sequence

from postrack.record import ScenarioName


def under(scenarios: Sequence[ScenarioName]) -> str:
    """`` under scenario “X” (id)`` for a title, or nothing for the record as filed (plain text;
    each target escapes it)."""
    if not scenarios:
        return ""
    names = "; ".join(f"“{s.title}” ({s.id})" for s in scenarios)
    return f" under scenario{'s' if len(scenarios) > 1 else ''} {names}"


def headed(workspace: str, title: str) -> str:
    """``title`` prefixed with the negotiation it is about, when the manifest names one (plain
    text; each target escapes it)."""
    return f"{workspace}: {title}" if workspace else title
