"""The memo's opening paragraph, written from the analysis rather than kept as fixed text.

Each sentence is produced only when the analysis has something to say for it, and names the
issues concerned, so the summary changes whenever the record does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sized
from datetime import date

from postrack.briefing.issues import IssueSection, Matrix
from postrack.briefing.labels import LIST_LIMIT, joined, plural, some
from postrack.briefing.moves import Moved
from postrack.briefing.scenario_section import ScenarioSection
from postrack.briefing.stability_section import StabilitySection
from postrack.briefing.zone_section import ZoneChange, ZoneSection

_OVERLAP = " (an option both accept outright)"
"""The matrix's word ``overlap``, explained where the summary first uses it."""


def summarise(
    as_of: date,
    parties: list[str],
    grid: Matrix,
    issues: tuple[IssueSection, ...],
    zone: ZoneSection,
    stability: StabilitySection | None,
    scenarios: tuple[ScenarioSection, ...],
    movement: Moved | None,
    weak: int,
) -> tuple[str, ...]:
    sentences = [
        _common_ground(as_of, parties, grid, len(issues)),
        *_divides(grid, issues),
        *_silences(issues),
        _zone(zone),
    ]
    if stability is not None and stability.available:
        combinations = plural(stability.strong, "combination")
        sentences.append(
            f"On {joined(list(stability.issues))}, {combinations} of concessions would hold"
            " under all four stability concepts checked (GMCR)."
        )
    if movement is not None:
        sentences.append(_movement(movement))
    sentences += [_scenario(s) for s in scenarios]
    if weak:
        sentences.append(
            f"{plural(weak, 'stance rests', 'stances rest')} on weak or low-confidence sources (marked ⚠)."
        )
    return tuple(sentences)


def _common_ground(as_of: date, parties: list[str], grid: Matrix, issues: int) -> str:
    """Read off the matrix, in its words, so the summary never claims more than the cells show."""
    who = joined(parties)
    if len(parties) < 2:
        return f"As of {as_of}, the record holds {who}'s stance on {plural(issues, 'issue')}."
    every = "" if len(parties) == 2 else "every pair of "
    verb = "overlap" if len(parties) == 2 else "overlaps"
    shared = [r.title for r in grid.rows if r.cells and all(c.status == "overlap" for c in r.cells)]
    if not shared:
        return f"As of {as_of}, there is no issue on which {every}{who} {verb}{_OVERLAP}."
    return (
        f"As of {as_of}, {every}{who} {verb}{_OVERLAP} on {len(shared)} of "
        f"{plural(issues, 'issue')}: {some(shared)}."
    )


def _divides(grid: Matrix, issues: tuple[IssueSection, ...]) -> list[str]:
    """Blocked issues, the most salient first: those are the ones a reader must hear about."""
    weight = {i.id: max((s.salience for s in i.stances), default=0) for i in issues}
    order = {r.issue: n for n, r in enumerate(grid.rows)}
    rows = sorted(grid.rows, key=lambda r: (-weight.get(r.issue, 0), order[r.issue]))
    out = []
    blocked = [r.title for r in rows if any(c.status == "incompatible" for c in r.cells)]
    if blocked:
        pairs = "the pair is" if len(grid.pairs) == 1 else "at least one pair is"
        out.append(
            f"On {len(blocked)} of {plural(len(grid.rows), 'issue')} {pairs} incompatible"
            " (no option in common)"
            f"{', the most salient being' if len(blocked) > LIST_LIMIT else ':'} {some(blocked)}."
        )
    conditional = [
        r.title for r in rows if any(c.status == "conditional" for c in r.cells) and r.title not in blocked
    ]
    if conditional:
        out.append(
            f"On {some(conditional)}, the overlap is conditional:"
            " it hangs on conditions tied to other issues."
        )
    return out


def _silences(issues: tuple[IssueSection, ...]) -> list[str]:
    missing: dict[str, list[str]] = {}
    for issue in issues:
        for party in issue.silent:
            missing.setdefault(party, []).append(issue.title)
    by_issues: dict[tuple[str, ...], list[str]] = {}
    for party, titles in missing.items():
        by_issues.setdefault(tuple(titles), []).append(party)
    return [
        f"{joined(parties)} {_verb(parties, 'has', 'have')} no recorded position on {some(list(issues))}."
        for issues, parties in by_issues.items()
    ]


def _zone(zone: ZoneSection) -> str:
    if zone.tier == "agreed" and not zone.empty:
        text = (
            f"{zone.count_text} {'package is' if zone.count == 1 else 'packages are'} agreed: every party"
            " with a stance accepts its option on every issue"
        )
        if zone.packages:
            best = zone.packages[0]
            text += f"; the best gives {joined([f'{u.party} {u.value}' for u in best.utilities])} in utility"
        return text + "."
    text = f"No package is agreed by every party ({zone.tolerated} tolerated: no red line rejects them)"
    if zone.opening is None or not zone.opening.possible:
        return text + ", and no set of concessions by the parties would open the agreed zone."
    first = zone.opening.sets[0]
    asks = [f"{c.party} to {c.text}" for c in first.concessions]
    return f"{text}; the cheapest opening asks {some(asks)}."


def _movement(movement: Moved) -> str:
    if not movement.moves:
        return f"No position moved since {movement.since}."
    kinds = Counter(s.kind for m in movement.moves for s in m.statements)
    detail = joined([f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))])
    text = f"Since {movement.since}, {plural(len(movement.moves), 'position')} moved"
    text += f" through {detail} statements" if detail else ""
    reaffirmed = sum(m.reaffirmed for m in movement.moves)
    text += f"; {reaffirmed} more statements reaffirmed a stance." if reaffirmed else "."
    for trend, verb in (("converging", "narrowed"), ("diverging", "widened")):
        pairs: dict[str, list[str]] = {}
        for g in movement.gaps:
            if g.trend == trend:
                pairs.setdefault(g.issue, []).append(g.pair)
        if pairs:
            where = [f"{issue} ({', '.join(names)})" for issue, names in pairs.items()]
            text += f" Gaps {verb} on {some(where)}."
    return text


def _scenario(section: ScenarioSection) -> str:
    zone = _zone_move(section.zone)
    if not (section.shifts or section.resolved or section.new):
        return f"The scenario “{section.title}” changes no pair's status and no conflict; {zone}."
    shifts = plural(len(section.shifts), "pair changes", "pairs change")
    resolved = (
        f"{plural(len(section.resolved), 'conflict')} {_verb(section.resolved, 'disappears', 'disappear')}"
    )
    new = f"{len(section.new)} {_verb(section.new, 'appears', 'appear')}"
    return f"Under the scenario “{section.title}”, {shifts} status, {resolved} and {new}; {zone}."


def _zone_move(change: ZoneChange) -> str:
    if change.was_empty and not change.is_empty:
        return f"the agreed zone opens ({change.count_after} packages)"
    if change.is_empty and not change.was_empty:
        return "the agreed zone closes"
    if change.count_before == change.count_after:
        return "the size of the agreed zone does not change"
    return f"the agreed zone goes from {change.count_before} to {change.count_after} packages"


def _verb(items: Sized, one: str, many: str) -> str:
    return one if len(items) == 1 else many
