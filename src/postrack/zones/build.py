"""Build the solver's model from the record: the chosen parties' positions as of a date.

- Issues: every catalogue issue, or the given subset, in catalogue order.
- Red lines: each party's ``red_line`` options; relaxing one costs the party's salience on it.
- Conditions: each party's active conditions; relaxing one costs the salience on its issue.
  An alternative that requires an issue outside the model cannot be met inside it, so it is
  dropped (a condition left with none excludes its ``when`` options); each such case is noted.
- Utilities and weights: :mod:`postrack.zones.utility`; a party without a position on an issue
  neither rejects anything there nor cares about it (weight 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from postrack.problems import UserError
from postrack.record import Record, StatementRef
from postrack.sources import CitedSource
from postrack.sources import cite as cite_sources
from postrack.zones.model import UNIT, IssueSpec, LinkCondition, PartySpec, RedLine, Requirement, ZoneModel
from postrack.zones.utility import normalise, option_utilities


@dataclass(frozen=True)
class Cited:
    """The statement that set a red line or condition, and the sources it cites."""

    stated: date | None
    summary: str
    sources: tuple[CitedSource, ...]


def build(
    record: Record, parties: Sequence[str], as_of: date, issues: Sequence[str] | None = None
) -> ZoneModel:
    issue_ids = _check(record, parties, issues)
    index = {iid: k for k, iid in enumerate(issue_ids)}
    specs = tuple(IssueSpec(iid, tuple(record.issue(iid).option_ids())) for iid in issue_ids)
    party_specs, red_lines, conditions, notes = [], [], [], []
    for p, pid in enumerate(parties):
        positions = [record.position(pid, iid, as_of) for iid in issue_ids]
        party_specs.append(
            PartySpec(
                id=pid,
                weights=normalise([pos.salience if pos else 0 for pos in positions]),
                utilities=tuple(
                    option_utilities(record.issue(i), pos)
                    for i, pos in zip(issue_ids, positions, strict=True)
                ),
                no_deal=round(record.parties[pid].party.no_deal * UNIT),
            )
        )
        for i, pos in enumerate(positions):
            if pos is None:
                continue
            options = specs[i].options
            red_lines += [
                RedLine(p, i, options.index(o), pos.salience)
                for o in sorted(pos.options("red_line"), key=options.index)
            ]
            for cid in sorted(pos.conditions):
                cond = pos.conditions[cid].condition
                outside = sorted({r.issue for r in cond.requires if r.issue not in index})
                if outside:
                    notes.append(
                        f"{pid}: condition {cid!r} on {issue_ids[i]} also accepts {', '.join(outside)},"
                        " which is outside the model: those alternatives count as not met"
                    )
                requires = tuple(
                    Requirement(
                        index[r.issue], frozenset(specs[index[r.issue]].options.index(o) for o in r.options)
                    )
                    for r in cond.requires
                    if r.issue in index
                )
                when = frozenset(options.index(o) for o in cond.when)
                conditions.append(LinkCondition(p, cid, i, when, requires, pos.salience))
    return ZoneModel(specs, tuple(party_specs), tuple(red_lines), tuple(conditions), tuple(notes))


def cite(record: Record, model: ZoneModel, as_of: date) -> tuple[Cited | None, ...]:
    """Per constraint of ``model`` (red lines, then conditions): the statement behind it."""
    out: list[Cited | None] = []
    for r in model.red_lines:
        pos = record.position(model.parties[r.party].id, model.issues[r.issue].id, as_of)
        held = pos.stances.get(model.issues[r.issue].options[r.option]) if pos else None
        out.append(_cited(record, held.ref) if held else None)
    for c in model.conditions:
        pos = record.position(model.parties[c.party].id, model.issues[c.issue].id, as_of)
        active = pos.conditions.get(c.id) if pos else None
        out.append(_cited(record, active.ref) if active else None)
    return tuple(out)


def _cited(record: Record, ref: StatementRef) -> Cited:
    return Cited(ref.date, ref.statement.summary, cite_sources(record, ref))


def _check(record: Record, parties: Sequence[str], issues: Sequence[str] | None) -> list[str]:
    unknown = [p for p in parties if p not in record.parties]
    if unknown:
        raise UserError.single(
            f"unknown party {', '.join(map(repr, unknown))} (known: {', '.join(sorted(record.parties))})"
        )
    if not parties:
        raise UserError.single("give at least one party")
    if issues is None:
        return list(record.issues)
    missing = [i for i in issues if i not in record.issues]
    if missing:
        raise UserError.single(
            f"--issues: unknown issue {', '.join(map(repr, missing))} (known: {', '.join(record.issues)})"
        )
    if not issues or len(set(issues)) != len(issues):
        raise UserError.single("--issues: give each issue once, at least one")
    return [i for i in record.issues if i in set(issues)]
