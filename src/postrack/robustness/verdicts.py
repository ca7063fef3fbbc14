"""Every verdict of compare and zones, recomputed for a record without some statements.

A world is the record less the statements that do not stand in it; its verdicts come from the
real pipeline (:func:`postrack.compare.compare_issue`, the zone builder and solvers) run on
:meth:`Record.without`, never from a second reading of stances. What keeps many worlds cheap:
a verdict depends only on the folded positions it reads, and a position only on the statements in
effect in it (which statement set each option, each condition, the salience), so results are
cached under those and only the (party, issue) pairs a removal touches are re-folded.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any, Literal

from postrack.compare import compare_issue
from postrack.problems import UserError
from postrack.record import IssuePosition, Record
from postrack.robustness.credence import StatementKey
from postrack.zones.best import best_packages
from postrack.zones.build import TIERS, Tier, build
from postrack.zones.concessions import cheapest as cheapest_sets
from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.model import ZoneModel
from postrack.zones.ranking import Ranking
from postrack.zones.spaces import live_domains

Kind = Literal["cell", "zone", "top", "cheapest"]
Zones = Literal["none", "tiers", "all"]
Group = tuple[str, str]
"""(party, issue): the unit statements fold into."""
NONE = "none"


@dataclass(frozen=True)
class Verdict:
    """One verdict: a compare cell's status, a zone tier's emptiness, the top-ranked package or
    the cheapest concession set (these two of the analysed tier), and its value in the record."""

    key: str
    kind: Kind
    issue: str
    parties: tuple[str, ...]
    tier: str
    value: str


class Evaluator:
    """Verdicts of ``parties`` as of ``as_of`` in any world (a set of absent statements)."""

    def __init__(
        self,
        record: Record,
        parties: Sequence[str],
        as_of: date,
        issues: Sequence[str] | None = None,
        *,
        tier: Tier = "agreed",
        ranking: Ranking = "nash",
    ) -> None:
        self.record, self.parties, self.as_of = record, tuple(parties), as_of
        self.issues = _issues(record, issues)
        self.tier, self.ranking = tier, ranking
        self.groups = [(p, i) for p in self.parties for i in record.issues]
        self.base = {g: _prints(record.position(*g, as_of)) for g in self.groups}
        self.cell_groups = {i: self._read_by(i) for i in self.issues}
        self.zone_groups = [(p, i) for p in self.parties for i in self.issues]
        self._cells: dict[tuple[object, ...], dict[str, str]] = {}
        self._zones: dict[tuple[object, ...], dict[str, str]] = {}
        """Zone verdicts by the fingerprints of every position and what was asked for."""
        self._shares: dict[tuple[object, ...], Any] = {}
        self._folds: dict[object, Any] = {}
        """Folds of a (party, issue) without the same statements, shared between worlds."""
        self.verdicts = self._verdicts(self.evaluate(frozenset()))

    def _read_by(self, issue: str) -> list[Group]:
        """The positions a cell on ``issue`` can read: the parties' own, and those on every issue
        a condition of theirs there (in any statement) refers to."""
        linked = {issue}
        for party in self.parties:
            for ref in self.record.statements(party, issue):
                linked |= {r.issue for c in ref.statement.conditions for r in c.requires}
        return [(p, i) for p in self.parties for i in self.record.issues if i in linked]

    def statements_of(self, groups: Collection[Group]) -> set[StatementKey]:
        wanted = set(groups)
        return {
            (ref.party, ref.issue, ref.index)
            for party, issue in wanted
            for ref in self.record.statements(party, issue)
            if ref.date <= self.as_of
        }

    def evaluate(
        self, absent: frozenset[StatementKey], *, cells: Collection[str] | None = None, zones: Zones = "all"
    ) -> dict[str, str]:
        """Verdict key -> value in the world without ``absent``: the cells of ``cells`` (default:
        every issue analysed) and the zone verdicts ``zones`` asks for (the tiers' emptiness
        alone is much cheaper than the best package and the cheapest concessions too)."""
        world = self.record.without(absent, shared=self._folds) if absent else self.record
        touched = {(p, i) for p, i, _ in absent}
        prints = dict(self.base)
        for g in touched & prints.keys():
            prints[g] = _prints(world.position(*g, self.as_of))
        out: dict[str, str] = {}
        for issue in self.issues if cells is None else cells:
            key = (issue, *(prints[g][0] for g in self.cell_groups[issue]))
            if key not in self._cells:
                result = compare_issue(world, self.parties, self.as_of, issue)
                self._cells[key] = {_cell(issue, p.parties): p.status for p in result.pairs}
            out |= self._cells[key]
        if zones != "none":
            key = tuple(prints[g][1 if zones == "all" else 0] for g in self.zone_groups)
            found = self._zones.get((*key, "all")) or self._zones.get((*key, zones))
            if found is None:
                found = self._zones[(*key, zones)] = self._zone(world, zones)
            out |= found
        return out

    def _zone(self, world: Record, zones: Zones) -> dict[str, str]:
        out = {}
        for tier in TIERS:
            model = build(world, self.parties, self.as_of, self.issues, tier, memo=self._shares)
            if zones == "tiers" and not all(live_domains(model)):
                out[f"zone/{tier}/empty"] = "empty"  # an issue with no option left: nothing to count
                continue
            parts = decompose(model)
            zone = count_zone(model, parts)
            out[f"zone/{tier}/empty"] = "empty" if zone.empty else "open"
            if tier != self.tier or zones == "tiers":
                continue
            top, cheapest = NONE, NONE
            if zone.empty:
                sets = cheapest_sets(model, parts, zone.per_part)[1]
                cheapest = " | ".join(" + ".join(sorted(_constraint(model, k) for k in s)) for s in sets)
            else:
                domains = tuple(tuple(o for o, n in enumerate(row) if n) for row in zone.per_option)
                best = best_packages(model, parts, domains, self.ranking, 1)
                top = ", ".join(
                    f"{i.id}={i.options[o]}" for i, o in zip(model.issues, best[0].package, strict=True)
                )
            out[f"zone/{tier}/top"] = top
            out[f"zone/{tier}/cheapest"] = cheapest
        return out

    def _verdicts(self, values: dict[str, str]) -> tuple[Verdict, ...]:
        out = []
        for issue in self.issues:
            for pair in combinations(sorted(self.parties), 2):
                key = _cell(issue, pair)
                out.append(Verdict(key, "cell", issue, pair, "", values[key]))
        for tier in TIERS:
            out.append(
                Verdict(f"zone/{tier}/empty", "zone", "", self.parties, tier, values[f"zone/{tier}/empty"])
            )
        for kind in ("top", "cheapest"):
            key = f"zone/{self.tier}/{kind}"
            out.append(
                Verdict(key, "top" if kind == "top" else "cheapest", "", self.parties, self.tier, values[key])
            )
        return tuple(out)

    def groups_of(self, verdict: Verdict) -> list[Group]:
        return self.cell_groups[verdict.issue] if verdict.kind == "cell" else self.zone_groups


def _issues(record: Record, issues: Sequence[str] | None) -> tuple[str, ...]:
    if issues is None:
        return tuple(record.issues)
    unknown = [i for i in issues if i not in record.issues]
    if unknown or not issues or len(set(issues)) != len(issues):
        known = ", ".join(record.issues)
        raise UserError.single(
            f"--issues: give known issues, each once (unknown: {', '.join(map(repr, unknown)) or 'none'};"
            f" known: {known})"
        )
    return tuple(i for i in record.issues if i in set(issues))


def _cell(issue: str, pair: tuple[str, ...]) -> str:
    return f"cell/{issue}/{pair[0]}/{pair[1]}"


def _constraint(model: ZoneModel, k: int) -> str:
    """A constraint of the model as a concession: who relaxes what."""
    if k < len(model.red_lines):
        r = model.red_lines[k]
        issue = model.issues[r.issue]
        verb = "drops red line" if r.kind == "red_line" else "accepts"
        return f"{model.parties[r.party].id} {verb} {issue.id}={issue.options[r.option]}"
    c = model.conditions[k - len(model.red_lines)]
    return f"{model.parties[c.party].id} drops condition {c.id} on {model.issues[c.issue].id}"


def _prints(position: IssuePosition | None) -> tuple[object, object]:
    """What a position's reading is made of (all that statuses and zone sizes depend on), and what
    the whole position is made of (saliences and confidences too: the ranking and the costs)."""
    if position is None:
        return None, None
    read = (
        tuple(sorted((o, h.stance) for o, h in position.stances.items())),
        tuple(sorted((c, a.ref.index) for c, a in position.conditions.items())),
    )
    return (read if read[0] else None), position.made_of
