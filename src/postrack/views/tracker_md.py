"""Markdown for the tracker's results: histories, diffs and the chronology.

Text from the data is escaped (:func:`postrack.views.markdown.md_cell`); ids are safe by their pattern and
shown as code. Output is deterministic so that it can be compared with golden files.
"""

from __future__ import annotations

from postrack.sources import CitedSource
from postrack.tracker.diff import Diff, PositionDiff
from postrack.tracker.history import Change, PartyHistory
from postrack.tracker.state import PositionState
from postrack.tracker.timeline import Chronology, EventEntry
from postrack.views.markdown import md_cell

_STANCE = {"demand": "demand", "acceptable": "acceptable", "red_line": "red line", None: "unstated"}


def history_md(result: PartyHistory) -> str:
    lines = [f"# History of {md_cell(result.name)} (`{result.party}`) as of {result.as_of}"]
    if result.workspace:
        lines += ["", f"Negotiation: {md_cell(result.workspace)}"]
    if not result.issues:
        lines += ["", "No statements on record."]
    for issue in result.issues:
        lines += ["", f"## {md_cell(issue.title)} (`{issue.issue}`)", ""]
        if issue.ordered:
            end = f"; own end: `{issue.own_end}`" if issue.own_end else ""
            lines += [f"Ordered scale: {md_cell(issue.scale or 'first to last option')}{end}.", ""]
        if not issue.changes:
            lines.append("No statements on record.")
        for change in issue.changes:
            lines += _change_lines(change, with_party=False)
    return "\n".join(lines) + "\n"


def diff_md(result: Diff) -> str:
    lines = [
        f"# What moved from {result.start} to {result.end}",
        "",
        f"Parties: {', '.join(f'`{p}`' for p in result.parties)}; as of {result.as_of}.",
        "",
        *([f"Negotiation: {md_cell(result.workspace)}", ""] if result.workspace else []),
        *(f"- {line}" for line in diff_summary(result)),
        "",
        "## Moves",
        "",
    ]
    if not result.moves:
        lines.append("Nothing moved.")
    for move in result.moves:
        lines += [f"### `{move.party}` on `{move.issue}`", "", *_move_lines(move), ""]
    lines += ["## Gaps", ""]
    if not result.gaps:
        lines.append("No pair has positions to compare.")
    else:
        lines += [f"| issue | pair | {result.start} | {result.end} | trend |", "|---|---|---|---|---|"]
        for g in result.gaps:
            pair = f"`{g.parties[0]}` / `{g.parties[1]}`"
            lines.append(f"| `{g.issue}` | {pair} | {_gap(g.before)} | {_gap(g.after)} | {g.trend} |")
    return "\n".join(lines).rstrip("\n") + "\n"


def diff_summary(result: Diff) -> list[str]:
    """What moved most, first: the moves with the most stance changes and the widest gap shifts
    (plain text of ids and numbers only; shared by the terminal and Markdown views)."""
    lines = [f"{_n(len(result.moves), 'position')} moved; {_trends(result)}."]
    for m in result.most_moved():
        counts = f"{_n(len(m.stances), 'stance change')}, {_n(len(m.changes), 'statement')}"
        lines.append(f"most moved: {m.party} on {m.issue} ({counts})")
    for g in result.widest_shifts():
        pair = f"{g.parties[0]} / {g.parties[1]}"
        lines.append(f"gap shift: {g.issue}, {pair}: {g.before} → {g.after} ({g.trend})")
    return lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _trends(result: Diff) -> str:
    counts = {t: sum(1 for g in result.gaps if g.trend == t) for t in ("converging", "diverging")}
    return ", ".join(f"{n} pair-issues {t}" for t, n in counts.items())


def chronology_md(result: Chronology) -> str:
    span = f"{result.start or 'the start'} to {result.end or result.as_of}"
    lines = [f"# Timeline from {span}", "", f"As of {result.as_of}; parties: {', '.join(result.parties)}."]
    if result.workspace:
        lines += ["", f"Negotiation: {md_cell(result.workspace)}"]
    for entry in result.events:
        lines += ["", *_event_lines(entry)]
    if result.unattached:
        lines += ["", "## Not tied to an event", ""]
        for change in result.unattached:
            lines += _change_lines(change, with_party=True)
    return "\n".join(lines) + "\n"


def _event_lines(entry: EventEntry) -> list[str]:
    event = entry.event
    when = f"{event.start}" + (f" to {event.end}" if event.end and event.end != event.start else "")
    approx = " (approximate)" if event.date_precision == "approximate" else ""
    lines = [f"## {when}{approx}: {md_cell(event.title)} ({event.kind})", ""]
    facts = [md_cell(event.place)] if event.place else []
    if event.participants:
        facts.append(", ".join(md_cell(p) for p in event.participants))
    if facts:
        lines += ["; ".join(facts), ""]
    lines += [md_cell(event.summary), ""]
    if event.note:
        lines += [f"Note: {md_cell(event.note)}", ""]
    for source in event.sources:
        title = f", “{md_cell(source.title)}”" if source.title else ""
        url = f" <{source.url}>" if source.url else ""
        lines.append(f"- Source {source.key}: {md_cell(source.outlet)}{title}, {source.date}{url}")
    start, end = event.window()
    lines += ["", f"Changes attached (statements dated {start} to {end}):"]
    if not entry.changes:
        lines.append("none.")
    else:
        lines.append("")
        for change in entry.changes:
            lines += _change_lines(change, with_party=True)
    return lines


def _change_lines(change: Change, with_party: bool) -> list[str]:
    who = f"`{change.party}` on `{change.issue}`, " if with_party else ""
    precision = "" if change.date_precision == "day" else f" ({change.date_precision})"
    lines = [f"- **{change.date}{precision}**, {who}{change.kind}: {md_cell(change.summary)}"]
    if change.corrects:
        lines.append(f"  - correction of `{change.corrects}`")
    if change.corrected_by:
        lines.append(f"  - corrected later by {md_cell(change.corrected_by)}")
    lines.append(f"  - now: {_state(change.after)}")
    if change.reasons:
        lines.append(f"  - why: {'; '.join(change.reasons)}")  # built from ids and fixed words only
    if change.confidence != "medium":
        lines.append(f"  - confidence: {change.confidence}")
    lines += [f"  - source: {_source(s)}" for s in change.sources]
    return lines


def _move_lines(move: PositionDiff) -> list[str]:
    lines = []
    if move.opened:
        lines.append("- first position on record")
    if move.closed:
        lines.append("- no position on record any more")
    if move.net_zero:
        lines.append("- no net change: the position moved and came back")
    for m in move.stances:
        lines.append(f"- `{m.option}`: {_STANCE[m.before]} → {_STANCE[m.after]}")
    if move.red_lines_added:
        lines.append(f"- red lines added: {_ids(move.red_lines_added)}")
    if move.red_lines_dropped:
        lines.append(f"- red lines dropped: {_ids(move.red_lines_dropped)}")
    if move.salience:
        lines.append(f"- salience: {_salience(move.salience[0])} → {_salience(move.salience[1])}")
    if move.conditions_added:
        lines.append(f"- conditions added: {_ids(tuple(c.id for c in move.conditions_added))}")
    if move.conditions_dropped:
        lines.append(f"- conditions dropped: {_ids(move.conditions_dropped)}")
    if move.changes:
        lines.append("- statements in between:")
        lines += ["  " + line for c in move.changes for line in _change_lines(c, with_party=False)]
    return lines


def _state(state: PositionState) -> str:
    parts = [
        f"{_STANCE[s]} {_ids(state.options(s))}"
        for s in ("demand", "acceptable", "red_line")
        if state.options(s)
    ]
    parts.append(f"salience {_salience(state.salience)}")
    if state.conditions:
        parts.append(f"conditions {_ids(state.condition_ids)}")
    return "; ".join(parts)


def _source(source: CitedSource) -> str:
    url = f" <{source.url}>" if source.url else ""
    evidence = f": {md_cell(source.evidence)}" if source.evidence else ""
    return f"{md_cell(source.label())} ({source.reliability}){url}{evidence}"


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def _salience(value: int | None) -> str:
    return "unstated" if value is None else str(value)


def _gap(value: int | None) -> str:
    return "—" if value is None else str(value)
