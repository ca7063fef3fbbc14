"""The dated chain of a party's stances on each issue, each change classified and sourced.

Every statement up to the as-of date is one entry: the position before and after it, whether it
hardened, softened or reframed the position (:mod:`postrack.tracker.classify`), and the sources it
cites. Corrections stay in the chain as corrections (``corrects``), so the past is never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.model import Issue
from postrack.problems import UsageError
from postrack.record import Record, StatementRef, fold_each
from postrack.sources import CitedSource, cite
from postrack.tracker.classify import Kind, classify, own_end
from postrack.tracker.state import PositionState, until


@dataclass(frozen=True)
class Change:
    """One statement in a party's history on one issue, with what it moved."""

    party: str
    issue: str
    date: date
    date_precision: str
    kind: Kind
    reasons: tuple[str, ...]
    summary: str
    before: PositionState | None
    after: PositionState
    sources: tuple[CitedSource, ...]
    confidence: str
    statement_id: str | None = None
    corrects: str | None = None
    corrected_by: str | None = None
    file: str = ""
    line: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "party": self.party,
            "issue": self.issue,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "kind": self.kind,
            "reasons": list(self.reasons),
            "summary": self.summary,
            "before": self.before.to_dict() if self.before else None,
            "after": self.after.to_dict(),
            "sources": [s.to_dict() for s in self.sources],
            "confidence": self.confidence,
            "id": self.statement_id,
            "corrects": self.corrects,
            "corrected_by": self.corrected_by,
            "file": self.file,
            "line": self.line,
        }


@dataclass(frozen=True)
class IssueHistory:
    """A party's changes on one issue; ``own_end`` is the option at its own end of an ordered scale."""

    issue: str
    title: str
    ordered: bool
    scale: str
    own_end: str | None
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "title": self.title,
            "ordered": self.ordered,
            "scale": self.scale,
            "own_end": self.own_end,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class PartyHistory:
    party: str
    name: str
    as_of: date
    issues: tuple[IssueHistory, ...]
    workspace: str = ""
    """The negotiation's title from its manifest."""

    def changes(self) -> list[Change]:
        return [c for i in self.issues for c in i.changes]

    def to_dict(self) -> dict[str, object]:
        return {
            "party": self.party,
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "issues": [i.to_dict() for i in self.issues],
            "workspace": self.workspace,
        }


def history(record: Record, party: str, as_of: date, issue: str | None = None) -> PartyHistory:
    """The history of ``party`` (on one issue, or on every issue it has spoken on) up to ``as_of``."""
    if party not in record.parties:
        raise UsageError.single(f"unknown party {party!r} (known: {', '.join(sorted(record.parties))})")
    if issue is not None and issue not in record.issues:
        raise UsageError.single(f"--issue: unknown issue {issue!r} (known: {', '.join(record.issues)})")
    seen = until(record, as_of)
    wanted = [issue] if issue is not None else list(record.issues)
    issues = tuple(h for i in wanted if (h := issue_history(seen, party, i)).changes or issue is not None)
    return PartyHistory(party, record.parties[party].party.name, as_of, issues, record.manifest.title)


def issue_history(record: Record, party: str, issue_id: str) -> IssueHistory:
    """Every statement of ``party`` on ``issue_id`` in the record, in date order, as a change."""
    issue = record.issues[issue_id]
    refs = sorted(record.statements(party, issue_id), key=lambda r: (r.date, r.index))
    corrected_by = {
        r.statement.corrects: r.statement.id or f"statement of {r.date}" for r in refs if r.statement.corrects
    }
    states = [PositionState.of(issue, p) for p in fold_each(party, issue_id, refs)]
    end = _own_end(issue, states)
    changes = []
    before: PositionState | None = None
    for ref, after in zip(refs, states, strict=True):
        changes.append(_change(record, ref, before, after, end, corrected_by))
        before = after
    anchor = None if end is None else issue.option_ids()[0 if end < 0 else -1]
    return IssueHistory(issue.id, issue.title, issue.ordered, issue.scale, anchor, tuple(changes))


def _own_end(issue: Issue, states: list[PositionState]) -> int | None:
    """The party's side of the scale: from its earliest demand, else its earliest leaning position."""
    with_demand = (own_end(issue, s) for s in states if s.options("demand"))
    return next((e for e in with_demand if e), None) or next(
        (e for s in states if (e := own_end(issue, s))), None
    )


def all_changes(record: Record, parties: list[str]) -> list[Change]:
    """Every party's changes on every issue, in date order (then party, then issue order)."""
    order = {i: n for n, i in enumerate(record.issues)}
    out = [c for p in parties for i in record.issues for c in issue_history(record, p, i).changes]
    return sorted(out, key=lambda c: (c.date, c.party, order[c.issue]))


def _change(
    record: Record,
    ref: StatementRef,
    before: PositionState | None,
    after: PositionState,
    end: int | None,
    corrected_by: dict[str, str],
) -> Change:
    st = ref.statement
    kind, reasons = classify(record.issues[ref.issue], before, after, end)
    return Change(
        party=ref.party,
        issue=ref.issue,
        date=st.date,
        date_precision=st.date_precision,
        kind=kind,
        reasons=reasons,
        summary=st.summary,
        before=before,
        after=after,
        sources=cite(record, ref),
        confidence=st.confidence,
        statement_id=st.id,
        corrects=st.corrects,
        corrected_by=corrected_by.get(st.id) if st.id else None,
        file=ref.file,
        line=ref.line,
    )
