"""A workspace whose every data text holds markup of every target and control characters.

Built from the tracker's test data (it has a timeline) with the hostile text put into party
names, statement summaries and source notes, source outlets and titles, issue titles, timeline
events and a scenario's title and rationale.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import yaml

# Written out here, not taken from the code under test: C0 but tab and newline, DEL, C1 (NEL too),
# the line and paragraph separators, the bidi marks, embeddings, overrides and isolates.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def has_raw_control(text: str) -> bool:
    return bool(RAW_CONTROL.search(text))


TRACKER_DATA = Path(__file__).parents[1] / "tracker" / "data"

# Markers whose rendered form shows whether markup was interpreted: Rich drops the tags of
# "Z[bold]w[/bold]Z" (leaving "ZwZ"); Markdown reads "Y**v**Y" and "<img" raw.
PIECES = [
    "Z[bold]w[/bold]Z",
    "[/]",
    "[link=http://evil.example/]L[/link]",
    "Y**v**Y",
    "<img src=x>",
    '#read("/etc/passwd")',
    "{{ 7*7 }} {% if 1 %}",
    "\x1b[2J\x1b[8m",
    "\x1b]8;;http://e.example/\x07E\x1b]8;;\x07",
    "\u202e\u2066rtl\u2069",
    "a\x85b",
    "\x00\x07\x9b",
    "` | \\ $x$ @x",
]


def _mark(text: object, hostile: str) -> str:
    return f"{text} {hostile}"


def _party(data: dict[str, Any], hostile: str) -> None:
    data["party"]["name"] = _mark(data["party"]["name"], hostile)
    for statements in data.get("positions", {}).values():
        for statement in statements:
            statement["summary"] = _mark(statement.get("summary", "s"), hostile)
            for source in statement.get("sources", []):
                if isinstance(source, dict) and "paraphrase" in source:
                    source["paraphrase"] = _mark(source["paraphrase"], hostile)


def _edit(path: Path, change: Any, hostile: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data, hostile)
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), encoding="utf-8")


def _sources(data: dict[str, Any], hostile: str) -> None:
    for source in data["sources"]:
        source["outlet"] = _mark(source["outlet"], hostile)
        source["title"] = _mark(source.get("title", "t"), hostile)


def _issues(data: dict[str, Any], hostile: str) -> None:
    for issue in data["issues"]:
        issue["title"] = _mark(issue["title"], hostile)
        for option in issue["options"]:
            option["label"] = _mark(option.get("label", option["id"]), hostile)


def _timeline(data: dict[str, Any], hostile: str) -> None:
    for event in data["events"]:
        event["title"] = _mark(event["title"], hostile)
        event["summary"] = _mark(event.get("summary", "s"), hostile)


def hostile_workspace(folder: Path, hostile: str) -> Path:
    """A copy of the tracker data in ``folder`` with ``hostile`` in every data text; returns the
    scenario file written beside it."""
    shutil.copytree(TRACKER_DATA, folder, dirs_exist_ok=True)
    for party in ("russia", "ukraine", "us"):
        _edit(folder / f"{party}.yaml", _party, hostile)
    _edit(folder / "sources.yaml", _sources, hostile)
    _edit(folder / "issues.yaml", _issues, hostile)
    _edit(folder / "timeline.yaml", _timeline, hostile)
    scenario = folder.parent / "what_if.yaml"
    scenario.write_text(
        yaml.safe_dump(
            {
                "title": f"What if {hostile}",
                "rationale": f"Because {hostile}",
                "as_of": date(2025, 12, 1),
                "changes": [
                    {
                        "party": "russia",
                        "issue": "ceasefire",
                        "summary": f"softer {hostile}",
                        "acceptable": ["immediate"],
                    }
                ],
            },
            allow_unicode=False,
        ),
        encoding="utf-8",
    )
    return scenario
