"""Build the solver's model from the record: the chosen parties' readings as of a date, per tier.

Stances are read only through :mod:`postrack.stance`. Two tiers (docs/zones.md):

- **agreed**: every party with a stance on an issue accepts the package's option there (demanded,
  accepted, or conditional with its conditions met). Options it has not accepted are excluded.
- **tolerated**: no red line rejects the package; silence is tolerated. Only conditions whose
  fallback is ``red_line`` constrain (one that falls back to ``unstated`` leaves the option tolerated).

Costs of relaxing a constraint grow with the salience and with the distance on the scale from what
the party supports (:func:`_exclusions`), so the next step is cheaper than the far end and softening
never raises a cost. An alternative that requires an issue outside the model cannot be met inside
it, so it is dropped (a condition left with none excludes its ``when`` options); each case is noted.
A party without a stance on an issue neither rejects anything there nor cares about it (weight 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from postrack.model import Condition, Issue
from postrack.problems import UsageError
from postrack.record import IssuePosition, Record, StatementRef
from postrack.sources import CitedSource
from postrack.sources import cite as cite_sources
from postrack.stance import Level, Reading, of_position
from postrack.zones.model import UNIT, IssueSpec, LinkCondition, PartySpec, RedLine, Requirement, ZoneModel
from postrack.zones.utility import normalise, option_utilities

COST_UNIT = 10**8
"""Shown cost = model cost // COST_UNIT; below it, steps × STEP_UNIT + confidence rank break ties."""
STEP_UNIT = 10**4
CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
"""Relaxing a low-confidence stance first: it is the likeliest to have been misread or to move."""

Tier = Literal["agreed", "tolerated"]
TIERS: tuple[Tier, ...] = ("agreed", "tolerated")


@dataclass(frozen=True)
class Cited:
    """The statement that set a red line or condition, and the sources it cites."""

    stated: date | None
    summary: str
    sources: tuple[CitedSource, ...]


def build(
    record: Record,
    parties: Sequence[str],
    as_of: date,
    issues: Sequence[str] | None = None,
    tier: Tier = "agreed",
    *,
    memo: dict[tuple[object, ...], _Share] | None = None,
) -> ZoneModel:
    """The model of ``parties`` on ``issues`` as of ``as_of`` for ``tier``.

    ``memo`` keeps each party's share on each issue by what its position is made of, for callers
    that build many models of variants of one record (:meth:`Record.without`) with the same
    parties, issues and date."""
    issue_ids = _check(record, parties, issues)
    index = {iid: k for k, iid in enumerate(issue_ids)}
    specs = tuple(IssueSpec(iid, tuple(record.issue(iid).option_ids())) for iid in issue_ids)
    party_specs: list[PartySpec] = []
    red_lines: list[RedLine] = []
    conditions: list[LinkCondition] = []
    notes: list[str] = []
    for p, pid in enumerate(parties):
        positions = [record.position(pid, iid, as_of) for iid in issue_ids]
        shares = []
        for i, pos in enumerate(positions):
            key = (tier, p, i, pos.made_of if pos else None)
            share = memo.get(key) if memo is not None else None
            if share is None:
                share = _share(p, i, pid, specs, index, record.issue(issue_ids[i]), pos, tier)
                if memo is not None:
                    memo[key] = share
            shares.append(share)
        party_specs.append(
            PartySpec(
                id=pid,
                weights=normalise([s.salience for s in shares]),
                utilities=tuple(s.utilities for s in shares),
                no_deal=round(record.parties[pid].party.no_deal * UNIT),
            )
        )
        for share in shares:
            red_lines += share.red_lines
            notes += share.notes
            conditions += share.conditions
    red_lines, conditions = _merge_blocs(record, list(parties), as_of, red_lines, conditions)
    return ZoneModel(specs, tuple(party_specs), tuple(red_lines), tuple(conditions), tuple(notes), COST_UNIT)


@dataclass(frozen=True)
class _Share:
    """What one party's position on one issue puts into the model."""

    salience: int
    utilities: tuple[int, ...]
    red_lines: tuple[RedLine, ...]
    conditions: tuple[LinkCondition, ...]
    notes: tuple[str, ...]


def _share(
    p: int,
    i: int,
    pid: str,
    specs: tuple[IssueSpec, ...],
    index: dict[str, int],
    issue: Issue,
    pos: IssuePosition | None,
    tier: Tier,
) -> _Share:
    reading = of_position(issue, pos)
    utilities = option_utilities(issue, reading)
    if reading is None or pos is None:
        return _Share(0, utilities, (), (), ())
    notes = []
    kept = [c for c in reading.conditions if tier == "agreed" or c.otherwise == "red_line"]
    for cond in kept:
        outside = sorted({r.issue for r in cond.requires if r.issue not in index})
        if outside and any(cond in reading.conditions_on(o) for o in cond.when):
            notes.append(
                f"{pid}: condition {cond.id!r} on {issue.id} also accepts {', '.join(outside)},"
                " which is outside the model: those alternatives count as not met"
            )
    return _Share(
        pos.salience,
        utilities,
        tuple(_exclusions(p, i, specs[i].options, reading, pos, tier)),
        tuple(_conditions(p, i, specs, index, reading, pos, kept, tier)),
        tuple(notes),
    )


def _conditions(
    party: int,
    issue: int,
    specs: tuple[IssueSpec, ...],
    index: dict[str, int],
    reading: Reading,
    position: IssuePosition,
    kept: list[Condition],
    tier: Tier,
) -> list[LinkCondition]:
    """One constraint per set of options bound by the same conditions: all of them must hold, and
    relaxing them costs what accepting those options outright would (never more than their red
    line cost, so softening never raises a cost)."""
    options = specs[issue].options
    groups: dict[tuple[str, ...], list[int]] = {}
    for k, option in enumerate(options):
        ids = tuple(sorted(c.id for c in kept if c in reading.conditions_on(option)))
        if ids:
            groups.setdefault(ids, []).append(k)
    out = []
    for ids, when in groups.items():
        conds = [c for c in kept if c.id in ids]
        clauses = [
            tuple(
                Requirement(
                    index[r.issue], frozenset(specs[index[r.issue]].options.index(o) for o in r.options)
                )
                for r in c.requires
                if r.issue in index
            )
            for c in conds
        ]
        steps = 2 if tier == "agreed" and any(c.otherwise == "red_line" for c in conds) else 1
        confidence = min(
            (position.conditions[c.id].ref.statement.confidence for c in conds),
            key=CONFIDENCE_RANK.__getitem__,
        )
        cost = _cost(position.salience, steps, confidence)
        out.append(
            LinkCondition(
                party, "+".join(ids), issue, frozenset(when), clauses[0], cost, also=tuple(clauses[1:])
            )
        )
    return out


def _cost(salience: int, steps: int, confidence: str) -> int:
    return salience * steps * COST_UNIT + steps * STEP_UNIT + CONFIDENCE_RANK[confidence]


def _merge_blocs(
    record: Record, parties: list[str], as_of: date, red_lines: list[RedLine], conditions: list[LinkCondition]
) -> tuple[list[RedLine], list[LinkCondition]]:
    """A bloc concedes once: the identical constraints of its members become one, at the highest
    cost among them. Constraints only some members hold stay theirs alone."""
    for bloc in record.manifest.blocs:
        members = {parties.index(m) for m in bloc.members if m in parties}
        if len(members) < 2 or not bloc.active(as_of):
            continue
        merged_lines: dict[tuple[int, int, str], RedLine] = {}
        kept_lines = []
        for r in red_lines:
            if r.party not in members:
                kept_lines.append(r)
                continue
            key = (r.issue, r.option, r.kind)
            held = [x for x in red_lines if x.party in members and (x.issue, x.option, x.kind) == key]
            if len(held) < len(members):
                kept_lines.append(r)
            elif key not in merged_lines:
                merged_lines[key] = replace(r, cost=max(x.cost for x in held), bloc=bloc.id)
                kept_lines.append(merged_lines[key])
        red_lines = kept_lines
        merged_conds: set[tuple[object, ...]] = set()
        kept_conds = []
        for c in conditions:
            same = [
                x
                for x in conditions
                if x.party in members and (x.issue, x.when, x.clauses) == (c.issue, c.when, c.clauses)
            ]
            if c.party not in members or len(same) < len(members):
                kept_conds.append(c)
            elif (c.issue, c.when, c.clauses) not in merged_conds:
                merged_conds.add((c.issue, c.when, c.clauses))
                kept_conds.append(replace(c, cost=max(x.cost for x in same), bloc=bloc.id))
        conditions = kept_conds
    return red_lines, conditions


def _exclusions(
    party: int, issue: int, options: tuple[str, ...], reading: Reading, position: IssuePosition, tier: Tier
) -> list[RedLine]:
    """The options the tier keeps out for one party, each priced by its distance on the scale.

    Agreed: every option below ``conditional``; accepting it costs the salience times its steps from
    what the party accepts, one step more to give up a red line. Tolerated: only red lines; dropping
    one costs the salience times its steps from an option the party does not red-line."""
    out = []
    floor: Level = "conditional" if tier == "agreed" else "unstated"
    supported = [options.index(o) for o in reading.at_least(floor)]
    for k, option in enumerate(options):
        level = reading.level(option)
        if level == "red_line" or (level == "unstated" and tier == "agreed"):
            steps = reading.steps(option, floor) + (1 if level == "red_line" and tier == "agreed" else 0)
            held = position.stances.get(option)
            confidence = (held.ref if held else position.latest).statement.confidence
            nearest = min(supported, key=lambda s: (abs(s - k), s)) if supported else None
            kind: Literal["red_line", "not_accepted"] = "red_line" if level == "red_line" else "not_accepted"
            out.append(RedLine(party, issue, k, _cost(position.salience, steps, confidence), kind, nearest))
    return out


def cite(record: Record, model: ZoneModel, as_of: date) -> tuple[Cited | None, ...]:
    """Per constraint of ``model`` (red lines, then conditions): the statement behind it."""
    out: list[Cited | None] = []
    for r in model.red_lines:
        pos = record.position(model.parties[r.party].id, model.issues[r.issue].id, as_of)
        held = pos.stances.get(model.issues[r.issue].options[r.option]) if pos else None
        # an option the party has not accepted cites its latest statement on the issue
        out.append(_cited(record, held.ref if held else pos.latest) if pos else None)
    for c in model.conditions:
        pos = record.position(model.parties[c.party].id, model.issues[c.issue].id, as_of)
        active = pos.conditions.get(c.id.split("+")[0]) if pos else None
        out.append(_cited(record, active.ref) if active else None)
    return tuple(out)


def _cited(record: Record, ref: StatementRef) -> Cited:
    return Cited(ref.date, ref.statement.summary, cite_sources(record, ref))


def _check(record: Record, parties: Sequence[str], issues: Sequence[str] | None) -> list[str]:
    unknown = [p for p in parties if p not in record.parties]
    if unknown:
        raise UsageError.single(
            f"unknown party {', '.join(map(repr, unknown))} (known: {', '.join(sorted(record.parties))})"
        )
    if not parties:
        raise UsageError.single("give at least one party")
    if issues is None:
        return list(record.issues)
    missing = [i for i in issues if i not in record.issues]
    if missing:
        raise UsageError.single(
            f"--issues: unknown issue {', '.join(map(repr, missing))} (known: {', '.join(record.issues)})"
        )
    if not issues or len(set(issues)) != len(issues):
        raise UsageError.single("--issues: give each issue once, at least one")
    return [i for i in record.issues if i in set(issues)]
