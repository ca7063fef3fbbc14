"""The top packages by CP-SAT, when some part is too wide for the elimination search.

Gains are integer linear expressions (the :class:`~postrack.zones.ranking.Scorer` units), so the
utilitarian sum and the max-min are exact CP-SAT objectives. The Nash product is not linear: the
solver maximises an integer *upper* bound on the sum of ``SCALE * log(gain)`` (tangents of the
concave logarithm, every coefficient rounded up), and every package it returns is scored exactly
on Python integers. Enumeration (each found package excluded by a no-good) stops only when that
bound, less a margin covering float rounding, is below the log of the N-th exact score, so no
approximation can change the ranking.

Ties fall to package order, as in the elimination search: packages are taken in classes of
equal score (utilitarian, max-min) or equal gains (Nash), the first ones of a class in package
order by minimising the options issue after issue (a chunk of issues per solve), and the exact
sort decides between classes.
"""

from __future__ import annotations

from math import ceil, log, log2

from ortools.sat.python import cp_model

from postrack.zones.best import Ranked
from postrack.zones.cpsat import WORKERS, Encoding
from postrack.zones.model import ZoneModel
from postrack.zones.ranking import Ranking, Scorer

SCALE = 10**6
"""Units of the Nash log bound: ``SCALE * log(gain)``."""
TANGENTS = 32
MARGIN = 4
"""Log-bound units per party allowed for rounding (integer logs, float logarithms) before a Nash
candidate is ruled out."""
RANK_BITS = 48
"""Bits of the objective that orders a chunk of issues (options as digits): as many issues per
solve as fit, with the headroom CP-SAT wants for sums of coefficients times bounds below 2**63."""


class _Ranker:
    def __init__(self, model: ZoneModel, domains: tuple[tuple[int, ...], ...], ranking: Ranking) -> None:
        self.model = model
        self.scorer = Scorer(model, ranking)
        self.enc = Encoding(model, range(len(model.issues)), priced=False, domains=domains)
        scale = self.scorer.scale
        self.gains = []
        for k in self.scorer.caring:
            p = model.parties[k]
            factor = scale // p.total_weight
            total = self.enc.total(p.weights, p.utilities)
            self.gains.append(factor * total - factor * p.no_deal * p.total_weight)
        self.logs: list[cp_model.IntVar] = []
        self.objective = self._objective(ranking)

    def _objective(self, ranking: Ranking) -> cp_model.LinearExprT:
        cp = self.enc.cp
        if not self.gains:
            return 0
        if ranking == "utilitarian":
            return sum(self.gains)
        bound = self.scorer.scale * 1000 * 2
        if ranking == "egalitarian":
            z = cp.new_int_var(-bound, bound, "min_gain")
            for g in self.gains:
                cp.add(z <= g)
            return z
        top = self.scorer.scale * 1000
        for k, g in enumerate(self.gains):
            cp.add(g >= 1)
            self.logs.append(cp.new_int_var(0, ceil(SCALE * log(top)) + 2, f"log{k}"))
            for at in sorted({round(top ** (j / (TANGENTS - 1))) for j in range(TANGENTS)}):
                self.tangent(k, at)
        return sum(self.logs)

    def tangent(self, party: int, at: int) -> None:
        """``log[party] <= SCALE * log(gain)`` touching at ``gain = at``, multiplied through by
        ``at`` so every coefficient is an integer: ``at * log <= at * (ceil(SCALE * (ln at - 1)) + 1)
        + SCALE * gain``. Concavity puts the tangent above the logarithm, rounding only raises it."""
        g = self.gains[party]
        self.enc.cp.add(at * self.logs[party] <= at * (ceil(SCALE * (log(at) - 1)) + 1) + SCALE * g)

    def refine(self, package: tuple[int, ...], value: int) -> bool:
        """Add tangents at ``package``'s gains when the bound ``value`` overstates its log-score.

        The solver then cannot reach ``value`` again through that package's gains, so enumeration
        only records packages whose bound is nearly their true score: each refinement tightens
        the outer approximation where the optimum is, as in outer-approximation methods.
        """
        gains = self.scorer.gains(self.scorer.totals(package))
        caring = [gains[k] for k in range(len(self.logs))]
        if value <= SCALE * sum(log(x) for x in caring) + MARGIN * len(caring):
            return False
        for k, x in enumerate(caring):
            self.tangent(k, x)
        return True

    def solve(self) -> tuple[int, tuple[int, ...]] | None:
        """The best objective value and a package reaching it, or None when nothing is left."""
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = WORKERS
        self.enc.cp.maximize(self.objective)
        status = solver.solve(self.enc.cp)
        if status == cp_model.INFEASIBLE:
            return None
        if status != cp_model.OPTIMAL:
            raise TimeoutError(f"CP-SAT found no proven optimum ({solver.status_name(status)})")
        package = tuple(
            next(o for o, lit in self.enc.x[v].items() if solver.value(lit))
            for v in range(len(self.model.issues))
        )
        return round(solver.objective_value), package

    def earliest(
        self, pinned: list[cp_model.LinearExprT], values: list[int], count: int
    ) -> list[tuple[int, ...]]:
        """The first ``count`` packages (in package order) where each ``pinned`` expression takes its
        value: options minimised issue after issue, a chunk of issues per solve."""
        trial = self.enc.cp.clone()
        for expression, value in zip(pinned, values, strict=True):
            trial.add(expression == value)
        issues = range(len(self.model.issues))
        out: list[tuple[int, ...]] = []
        while len(out) < count:
            step = trial.clone()
            chosen: dict[int, int] = {}
            radix = max(len(self.enc.x[v]) for v in issues) + 1
            width = max(1, int(RANK_BITS / log2(radix)))
            for start in range(0, len(issues), width):
                chunk = issues[start : start + width]
                step.minimize(
                    sum(
                        radix ** (len(chunk) - 1 - j) * o * lit
                        for j, v in enumerate(chunk)
                        for o, lit in self.enc.x[v].items()
                    )
                )
                solver = cp_model.CpSolver()
                solver.parameters.num_workers = WORKERS
                status = solver.solve(step)
                if status == cp_model.INFEASIBLE:
                    return out
                if status != cp_model.OPTIMAL:
                    raise TimeoutError(f"CP-SAT found no proven optimum ({solver.status_name(status)})")
                for v in chunk:
                    chosen[v] = next(o for o, lit in self.enc.x[v].items() if solver.value(lit))
                    step.add(self.enc.x[v][chosen[v]] == 1)
            package = tuple(chosen[v] for v in issues)
            out.append(package)
            trial.add_bool_or([self.enc.x[v][package[v]].Not() for v in issues])
        return out

    def exclude_score(self, value: int) -> None:
        """Exclude every package scoring ``value``, the best left (so only lower scores remain).

        The sum is the objective itself; the max-min objective is a variable below every gain,
        so a package scoring ``value`` is excluded by asking some party's gain to be lower."""
        cp = self.enc.cp
        if self.scorer.ranking == "utilitarian":
            cp.add(self.objective != value)
            return
        lower = []
        for g in self.gains:
            flag = cp.new_bool_var("lower")
            cp.add(g <= value - 1).only_enforce_if(flag)
            lower.append(flag)
        cp.add_bool_or(lower)

    def forbid_gains(self, gains: tuple[int, ...]) -> None:
        """Exclude every package whose caring parties' gains are exactly ``gains``."""
        cp = self.enc.cp
        differs = []
        for g, value in zip(self.gains, gains, strict=True):
            flag = cp.new_bool_var("differs")
            cp.add(g != value).only_enforce_if(flag)
            differs.append(flag)
        cp.add_bool_or(differs)


def top_packages(
    model: ZoneModel, domains: tuple[tuple[int, ...], ...], ranking: Ranking, top: int
) -> list[tuple[int, tuple[int, ...], tuple[int, ...]]]:
    """(score, package, totals) of the ``top`` best packages, best first, ties in package order.

    Candidates are whole classes of tied packages: every package with one objective value (exact
    objectives) or one vector of gains (Nash, whose score depends on nothing else), of which the
    first ``top`` in package order are taken; the class is then excluded, so massive ties (an
    indifferent party, say) cost one class, not one solve per package.
    """
    ranker = _Ranker(model, domains, ranking)
    scorer = ranker.scorer
    exact = ranking != "nash"
    found: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    if not ranker.gains:  # nobody cares: every package ties, so the first ones in package order
        first = ranker.earliest([], [], top)
        return [(scorer.score(()) or 0, p, scorer.totals(p)) for p in first]
    while True:
        best = ranker.solve()
        if best is None:
            break
        value, package = best
        if len(found) >= top and _below(exact, value, found[top - 1][0], len(ranker.logs)):
            break
        if not exact and ranker.refine(package, value):
            continue
        gains = scorer.gains(scorer.totals(package))
        if exact:
            tied = ranker.earliest([ranker.objective], [value], top)
            ranker.exclude_score(value)
        else:
            tied = ranker.earliest(list(ranker.gains), list(gains), top)
            ranker.forbid_gains(gains)
        for p in tied:
            totals = scorer.totals(p)
            score = scorer.score(scorer.gains(totals))
            assert score is not None, "the encoding admits only ranked packages"
            found.append((score, p, totals))
        found.sort(key=lambda f: (-f[0], f[1]))
        del found[top:]
    return found


def _below(exact: bool, bound: int, kth: int, parties: int) -> bool:
    """Whether nothing left can still make the top: its best objective ``bound`` against the N-th score.

    Exact objectives (max-min, sum) took each score's ties whole, so an equal bound is out too;
    the Nash log bound must fall below the N-th score's logarithm.
    """
    if exact:
        return bound <= kth
    return bound + MARGIN * (parties + 1) < SCALE * log(kth)


def pareto(model: ZoneModel, domains: tuple[tuple[int, ...], ...], totals: tuple[int, ...]) -> bool:
    """True unless some package of the zone gives every party at least as much and one party more."""
    scorer = Scorer(model, "utilitarian")
    ranker = _Ranker(model, domains, "utilitarian")
    own = scorer.gains(totals)
    for g, mine in zip(ranker.gains, own, strict=True):
        ranker.enc.cp.add(g >= mine)
    ranker.enc.cp.add(sum(ranker.gains) >= sum(own) + 1)
    return ranker.enc.solve() is None


def best_packages(
    model: ZoneModel, domains: tuple[tuple[int, ...], ...], ranking: Ranking, top: int
) -> tuple[Ranked, ...]:
    caring = bool(Scorer(model, ranking).caring)
    return tuple(
        Ranked(package, score, totals, not caring or pareto(model, domains, totals))
        for score, package, totals in top_packages(model, domains, ranking, top)
    )
