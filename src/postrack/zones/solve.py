"""Run every analysis on a model and assemble the :class:`ZoneReport`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from math import ceil
from typing import Literal

from postrack.problems import UsageError, UserError
from postrack.zones.best import Ranked, best_packages
from postrack.zones.build import Cited
from postrack.zones.concessions import Concessions, ideal, improve, open_zone
from postrack.zones.count import ZoneCount, count_zone
from postrack.zones.decompose import Part, decompose
from postrack.zones.explain import blockers
from postrack.zones.model import UNIT, ZoneModel
from postrack.zones.plan import Budget, plan
from postrack.zones.ranking import Ranking, Scorer
from postrack.zones.report import (
    ConcessionReport,
    ConcessionSet,
    Constraint,
    Excluded,
    IssueZone,
    OptionCount,
    Package,
    PartSummary,
    PartyUtility,
    SingleConcession,
    ZoneReport,
)


def solve(
    model: ZoneModel,
    as_of: date,
    *,
    ranking: Ranking = "nash",
    top: int = 10,
    improve_party: str | None = None,
    target: float | None = None,
    citations: Sequence[Cited | None] = (),
    budget: Budget | None = None,
) -> ZoneReport:
    """The zone of ``model``: size, per-issue zone with reasons, best packages, concessions.

    Each part is solved by elimination when its tables fit ``budget``, by CP-SAT (and Ganak) when
    not; the report names the method per part, and labels counts that are only bounds."""
    budget = budget or Budget()
    parts = decompose(model)
    plans = plan(model, parts, budget)
    zone = count_zone(model, parts, budget)
    constraint = _Constraints(model, citations)
    best = ranked(model, parts, zone, ranking, top, budget)
    concessions = None
    if improve_party is not None:
        concessions = _improve(model, parts, zone, improve_party, target, constraint, budget)
    elif zone.empty:
        found = open_zone(model, parts, zone.per_part, budget=budget, upper=zone.upper)
        concessions = _concessions("open", None, None, found, constraint)
    reasons = blockers(model, parts, zone, budget)
    part_of = {v: k for k, part in enumerate(parts) for v in part.issues}
    issue_zones = []
    for v, issue in enumerate(model.issues):
        rejecting = {
            o: sorted(
                model.parties[r.party].id
                for r in model.red_lines
                if r.issue == v and r.option == o and r.kind == "red_line"
            )
            for o in range(len(issue.options))
        }
        issue_zones.append(
            IssueZone(
                issue=issue.id,
                part=part_of[v],
                in_zone=tuple(
                    OptionCount(issue.options[o], n) for o, n in enumerate(zone.per_option[v]) if n != 0
                ),
                excluded=tuple(
                    Excluded(
                        option=issue.options[o],
                        red_lines=tuple(rejecting[o]),
                        blocked_by=tuple(constraint(k) for k in sorted(reasons[(v, o)])),
                        cost=sum(model.cost(k) for k in reasons[(v, o)]) // model.cost_unit,
                    )
                    for o, n in enumerate(zone.per_option[v])
                    if n == 0
                ),
            )
        )
    return ZoneReport(
        as_of=as_of,
        parties=tuple(p.id for p in model.parties),
        issues=tuple(i.id for i in model.issues),
        ranking=ranking,
        empty=zone.empty,
        count=zone.total,
        parts=tuple(
            PartSummary(
                k,
                tuple(model.issues[v].id for v in part.issues),
                zone.per_part[k],
                part.width,
                plans[k].count,
                plans[k].search,
                plans[k].table_entries,
                zone.upper[k],
            )
            for k, part in enumerate(parts)
        ),
        issue_zones=tuple(issue_zones),
        best=tuple(_package(model, Scorer(model, ranking), rank, r) for rank, r in enumerate(best, start=1)),
        concessions=concessions,
        notes=model.notes,
        count_exact=zone.exact,
        count_upper=zone.total_upper,
    )


def ranked(
    model: ZoneModel, parts: tuple[Part, ...], zone: ZoneCount, ranking: Ranking, top: int, budget: Budget
) -> tuple[Ranked, ...]:
    """The ``top`` best packages: by the elimination search when every part fits, else by CP-SAT."""
    if zone.empty:
        return ()
    domains = tuple(tuple(o for o, n in enumerate(row) if n != 0) for row in zone.per_option)
    if all(p.search == "elimination" for p in plan(model, parts, budget)):
        return best_packages(model, parts, domains, ranking, top)
    from postrack.zones import cpsat_best

    return cpsat_best.best_packages(model, domains, ranking, top)


class _Constraints:
    """Constraint index -> report :class:`Constraint`, with the statement and sources behind it."""

    def __init__(self, model: ZoneModel, citations: Sequence[Cited | None]) -> None:
        self.model = model
        self.citations = citations

    def __call__(self, k: int) -> Constraint:
        m = self.model
        cited = (self.citations[k] if k < len(self.citations) else None) or Cited(None, "", ())
        if k < len(m.red_lines):
            r = m.red_lines[k]
            issue = m.issues[r.issue]
            return Constraint(
                r.kind,
                r.bloc or m.parties[r.party].id,
                issue.id,
                r.cost // m.cost_unit,
                option=issue.options[r.option],
                nearest="" if r.nearest is None else issue.options[r.nearest],
                stated=cited.stated,
                summary=cited.summary,
                sources=cited.sources,
            )
        c = m.conditions[k - len(m.red_lines)]
        issue = m.issues[c.issue]
        clauses = tuple(
            tuple(
                (m.issues[q.issue].id, tuple(m.issues[q.issue].options[o] for o in sorted(q.options)))
                for q in clause
            )
            for clause in c.clauses
        )
        requires, also = clauses[0], clauses[1:]
        return Constraint(
            "condition",
            c.bloc or m.parties[c.party].id,
            issue.id,
            c.cost // m.cost_unit,
            condition=c.id,
            when=tuple(issue.options[o] for o in sorted(c.when)),
            requires=requires,
            also=also,
            stated=cited.stated,
            summary=cited.summary,
            sources=cited.sources,
        )


def _package(model: ZoneModel, scorer: Scorer, rank: int, ranked: Ranked) -> Package:
    return Package(
        rank=rank,
        options=tuple((i.id, i.options[o]) for i, o in zip(model.issues, ranked.package, strict=True)),
        utilities=tuple(
            PartyUtility(p.id, None if u is None else round(u, 6))
            for p, u in zip(model.parties, scorer.utilities(ranked.totals), strict=True)
        ),
        score=scorer.as_float(ranked.score),
        pareto=ranked.pareto,
    )


def _improve(
    model: ZoneModel,
    parts: tuple[Part, ...],
    zone: ZoneCount,
    party: str,
    target: float | None,
    constraint: _Constraints,
    budget: Budget,
) -> ConcessionReport:
    ids = [p.id for p in model.parties]
    if party not in ids:
        raise UsageError.single(f"--improve: {party!r} is not one of the parties analysed ({', '.join(ids)})")
    p = ids.index(party)
    weight = model.parties[p].total_weight
    if weight == 0:
        raise UserError.single(f"--improve: {party!r} has no position on any issue analysed")
    if target is None:
        best = ideal(model, parts, p, budget)
        if best is None:
            raise UserError.single(f"--improve: {party!r}'s own red lines and conditions leave it no package")
        needed = best
    else:
        needed = ceil(Fraction(target).limit_denominator(10**6) * weight * UNIT)
    found = improve(model, parts, zone.per_part, p, needed, budget=budget, upper=zone.upper)
    return _concessions("improve", party, needed / (weight * UNIT), found, constraint)


def _concessions(
    mode: Literal["open", "improve"],
    party: str | None,
    target: float | None,
    found: Concessions | None,
    constraint: _Constraints,
) -> ConcessionReport:
    if found is None:
        return ConcessionReport(mode, party, target, None, (), True, ())
    cost = found.cost // constraint.model.cost_unit
    return ConcessionReport(
        mode=mode,
        party=party,
        target=target,
        cost=cost,
        sets=tuple(
            ConcessionSet(tuple(constraint(k) for k in sorted(s)), cost, opens)
            for s, opens in zip(found.sets, found.opens, strict=True)
        ),
        complete=found.complete,
        singles=tuple(SingleConcession(constraint(k), opens) for k, opens in found.singles),
        counts_exact=found.exact,
    )
