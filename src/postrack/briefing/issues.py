"""The compatibility matrix and the per-issue sections, from a :class:`Comparison`.

Sentences about pairs are written here from the rule findings' structured details, with option
labels and party names, so the Markdown and the PDF say exactly the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from postrack.briefing.footnotes import Footnotes
from postrack.briefing.labels import Labels, joined
from postrack.compare import Comparison, IssueComparison, PairResult, PartyStance
from postrack.record import Record


@dataclass(frozen=True)
class Cell:
    """One pair of parties on one issue."""

    pair: str
    status: str
    common: tuple[str, ...]
    gap: int | None
    parties: tuple[str, str]
    """The pair's party ids, so a filter or a stance lookup can find them."""
    findings: tuple[str, ...]
    """Why the cell reads as it does, in the sentences of the issue section."""


@dataclass(frozen=True)
class MatrixRow:
    issue: str
    title: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class PartyCode:
    """A short code for a party, so a matrix of many pairs fits a page; the legend spells it out."""

    code: str
    name: str


@dataclass(frozen=True)
class Matrix:
    pairs: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    codes: tuple[PartyCode, ...]
    pair_codes: tuple[str, ...]
    """The pairs by their parties' codes, in the order of ``pairs``."""
    compact: bool
    """Too many pairs for the options in common to fit the cells: show codes and statuses only."""


COMPACT_PAIRS = 4
"""From this many pairs (four parties) a PDF matrix shows codes and statuses, not shared options."""


@dataclass(frozen=True)
class StanceLine:
    """One party's stance on one issue, in one line, with the notes that source it."""

    party: str
    party_id: str
    summary: str
    since: str
    demand: tuple[str, ...]
    acceptable: tuple[str, ...]
    red_line: tuple[str, ...]
    salience: int
    salience_assumed: bool
    conditions: tuple[str, ...]
    quote: str
    notes: tuple[int, ...]
    weak: bool


@dataclass(frozen=True)
class IssueSection:
    id: str
    title: str
    description: str
    scale: str
    stances: tuple[StanceLine, ...]
    silent: tuple[str, ...]
    shared: tuple[str, ...]
    overlaps: tuple[str, ...]
    incompatibilities: tuple[str, ...]
    conditions: tuple[str, ...]


def matrix(result: Comparison, record: Record, labels: Labels) -> Matrix:
    first = result.issues[0].pairs if result.issues else ()
    pairs = tuple(labels.pair(p.parties) for p in first)
    codes = party_codes([labels.party(p) for p in result.parties])
    code = dict(zip(result.parties, codes, strict=True))
    rows = tuple(
        MatrixRow(
            issue.issue,
            issue.title,
            tuple(
                Cell(
                    labels.pair(p.parties),
                    p.status,
                    shown_common(p, labels.options(issue.issue, p.common)),
                    p.gap,
                    p.parties,
                    (
                        *_overlap(issue.issue, p, labels),
                        *incompatibilities(issue, labels, (p,)),
                        *conditional_overlaps(issue, record, result.as_of, labels, (p,)),
                    ),
                )
                for p in issue.pairs
            ),
        )
        for issue in result.issues
    )
    return Matrix(
        pairs,
        rows,
        tuple(PartyCode(c, labels.party(p)) for p, c in code.items()),
        tuple(f"{code[p.parties[0]]}×{code[p.parties[1]]}" for p in first),
        len(pairs) >= COMPACT_PAIRS,
    )


def party_codes(names: list[str]) -> tuple[str, ...]:
    """Initials of a name of several words ("United States": "US"), else its first three letters;
    lengthened until every code is distinct."""
    words = [re.findall(r"\w+", n) or [n] for n in names]
    for extra in range(max(map(len, names), default=0) + 1):
        codes = [
            ("".join(w[0] for w in ws) if len(ws) > 1 and not extra else " ".join(ws)[: 3 + extra]).upper()
            for ws in words
        ]
        if len(set(codes)) == len(codes):
            return tuple(codes)
    return tuple(names)


def shown_common(pair: PairResult, options: tuple[str, ...]) -> tuple[str, ...]:
    """Shared options as the cell shows them: on an incompatible pair they are blocked, and say so."""
    return tuple(f"blocked: {o}" for o in options) if pair.status == "incompatible" else options


def sections(
    result: Comparison, record: Record, labels: Labels, notes: Footnotes
) -> tuple[IssueSection, ...]:
    return tuple(_section(result, issue, record, labels, notes) for issue in result.issues)


def _section(
    result: Comparison, issue: IssueComparison, record: Record, labels: Labels, notes: Footnotes
) -> IssueSection:
    held = [s for s in issue.stances if s is not None]
    catalogue = record.issue(issue.issue)
    return IssueSection(
        id=issue.issue,
        title=issue.title,
        description=catalogue.description,
        scale=catalogue.scale if catalogue.ordered else "",
        stances=tuple(_stance_line(issue.issue, s, record, result.as_of, labels, notes) for s in held),
        silent=tuple(
            labels.party(p) for p, s in zip(result.parties, issue.stances, strict=True) if s is None
        ),
        shared=_shared(issue, held, labels),
        overlaps=tuple(line for p in issue.pairs for line in _overlap(issue.issue, p, labels)),
        incompatibilities=incompatibilities(issue, labels),
        conditions=conditional_overlaps(issue, record, result.as_of, labels),
    )


def _stance_line(
    issue: str, stance: PartyStance, record: Record, as_of: date, labels: Labels, notes: Footnotes
) -> StanceLine:
    position = record.position(stance.party, issue, as_of)
    assert position is not None  # a stance exists only where a position does
    quote = next((c.quote for c in position.latest.statement.sources if c.quote), "")
    return StanceLine(
        party=labels.party(stance.party),
        party_id=stance.party,
        summary=stance.summary,
        since=stance.since.isoformat(),
        demand=labels.options(issue, stance.demand),
        acceptable=labels.options(issue, stance.acceptable),
        red_line=labels.options(issue, stance.red_line),
        salience=stance.salience,
        salience_assumed=stance.salience_assumed,
        conditions=tuple(
            labels.condition(issue, position.conditions[c].condition) for c in stance.conditions
        ),
        quote=quote,
        notes=notes.cite(stance.sources),
        weak=stance.weakly_sourced,
    )


def _shared(issue: IssueComparison, held: list[PartyStance], labels: Labels) -> tuple[str, ...]:
    """Options every pair of parties with a stance shares with nothing between them (compare's
    common ground, so a shared option a condition blocks is not counted); only meaningful with two
    or more such parties."""
    if len(held) < 2:
        return ()
    with_stance = {s.party for s in held}
    pairs = [p for p in issue.pairs if set(p.parties) <= with_stance]
    common = [o for o in pairs[0].unconditional if all(o in p.unconditional for p in pairs)] if pairs else []
    return labels.options(issue.issue, common)


def _conflict(issue: str, option: str, details: dict[str, str], labels: Labels) -> str:
    verb = details["stance"]
    return (
        f"{labels.party(details['blocked_by'])}'s red line blocks {labels.option(issue, option)}, "
        f"which {labels.party(details['wanted_by'])} {verb}"
    )


def _overlap(issue: str, pair: PairResult, labels: Labels) -> tuple[str, ...]:
    if not pair.unconditional:
        return ()
    return (f"{labels.pair(pair.parties)}: both accept {joined(labels.options(issue, pair.unconditional))}",)


def incompatibilities(
    issue: IssueComparison, labels: Labels, pairs: tuple[PairResult, ...] | None = None
) -> tuple[str, ...]:
    """Each red line that blocks what another party wants, as a sentence (of ``pairs``, default all)."""
    return tuple(
        _conflict(issue.issue, f.options[0], dict(f.details), labels)
        for p in (issue.pairs if pairs is None else pairs)
        for f in p.findings
        if f.code == "PR004"
    )


def conditional_overlaps(
    issue: IssueComparison,
    record: Record,
    as_of: date,
    labels: Labels,
    pairs: tuple[PairResult, ...] | None = None,
) -> tuple[str, ...]:
    """Each condition behind a conditional overlap (of ``pairs``, default all) once, with the
    parties that block every way to meet it."""
    blockers: dict[tuple[str, str], set[str]] = {}
    for pair in issue.pairs if pairs is None else pairs:
        for finding in pair.findings:
            if finding.code == "PR003":
                details = dict(finding.details)
                found = blockers.setdefault((details["party"], details["condition"]), set())
                if details["blocked_by"]:
                    found.add(details["blocked_by"])
    lines = []
    for (holder, condition_id), blocked_by in blockers.items():
        position = record.position(holder, issue.issue, as_of)
        assert position is not None  # a finding names only parties with a position
        condition = position.conditions[condition_id].condition
        text = f"{labels.party(holder)} accepts {labels.condition(issue.issue, condition)}"
        if blocked_by:
            names = joined(tuple(labels.party(p) for p in sorted(blocked_by)))
            text += f"; {names} red-line{'s' if len(blocked_by) == 1 else ''} every way to meet it"
        lines.append(text)
    return tuple(lines)
