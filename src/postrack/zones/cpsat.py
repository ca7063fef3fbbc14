"""The zone as a CP-SAT model, for parts whose elimination tables would not fit the memory budget.

One Boolean per (issue, kept option), exactly one per issue; a red line is its option's literal;
a condition holds when its issue takes an option outside ``when`` or every clause has an
alternative met. Priced constraints get a "broken" literal that may switch the condition off at
its cost, so the cheapest package names the cheapest concessions exactly as min-sum elimination
does. Every objective is an integer sum (costs, weight * utility), so the solver's optimum is
exact; answers are read back as packages and re-priced by :meth:`ZoneModel.violated`.

OR-Tools is imported here only, and this module only when some part needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ortools.sat.python import cp_model

from postrack.zones.model import LinkCondition, ZoneModel

WORKERS = 2
"""The development machine has 2 cores; more workers only add contention."""


class Encoding:
    """A CP-SAT model over ``issues`` with ``hard`` constraints kept, ``forced`` ones broken and
    every other constraint of those issues priced (``priced=False``: every constraint is hard);
    ``relaxed`` ones are left out altogether."""

    def __init__(
        self,
        model: ZoneModel,
        issues: Iterable[int],
        *,
        hard: frozenset[int] = frozenset(),
        forced: frozenset[int] = frozenset(),
        priced: bool = True,
        relaxed: frozenset[int] = frozenset(),
        domains: Sequence[Sequence[int]] | None = None,
    ) -> None:
        self.model = model
        self.issues = tuple(sorted(issues))
        self.cp = cp_model.CpModel()
        mine = set(self.issues)
        self.x: dict[int, dict[int, cp_model.IntVar]] = {}
        for v in self.issues:
            options = range(len(model.issues[v].options)) if domains is None else domains[v]
            self.x[v] = {o: self.cp.new_bool_var(f"x{v}_{o}") for o in options}
            self.cp.add_exactly_one(self.x[v].values())
        self.cost_terms: list[tuple[int, cp_model.IntVar]] = []
        n = len(model.red_lines)
        for k, r in enumerate(model.red_lines):
            lit = self.x[r.issue].get(r.option) if r.issue in mine else None
            if lit is None or k in relaxed:
                continue
            if k in forced:
                self.cp.add(lit == 1)
            elif k in hard or not priced:
                self.cp.add(lit == 0)
            else:
                self.cost_terms.append((r.cost, lit))
        for k, c in enumerate(model.conditions):
            if c.issue in mine and n + k not in relaxed:
                self._condition(n + k, c, hard=k + n in hard or not priced, forced=k + n in forced)

    def _lits(self, issue: int, options: Iterable[int]) -> list[cp_model.IntVar]:
        return [self.x[issue][o] for o in options if o in self.x[issue]]

    def _condition(self, k: int, c: LinkCondition, *, hard: bool, forced: bool) -> None:
        outside = self._lits(c.issue, (o for o in self.x[c.issue] if o not in c.when))
        clauses = [[lit for r in clause for lit in self._lits(r.issue, r.options)] for clause in c.clauses]
        if forced:
            self.cp.add_bool_or(self._lits(c.issue, c.when))
            fails = []
            for clause in clauses:
                fail = self.cp.new_bool_var(f"fail{k}")
                for lit in clause:
                    self.cp.add_implication(fail, lit.Not())
                fails.append(fail)
            self.cp.add_bool_or(fails)
            self.cost_terms.append((self.model.cost(k), self.cp.new_constant(1)))
            return
        broken = [] if hard else [self.cp.new_bool_var(f"broken{k}")]
        for clause in clauses:
            self.cp.add_bool_or([*outside, *clause, *broken])
        if broken:
            self.cost_terms.append((self.model.cost(k), broken[0]))

    def cost(self) -> cp_model.LinearExprT:
        return sum(c * lit for c, lit in self.cost_terms)

    def total(self, weights: Sequence[int], utilities: Sequence[Sequence[int]]) -> cp_model.LinearExprT:
        """Sum of weight * utility over the encoded issues (a party's total, or any weighted sum)."""
        return sum(weights[v] * utilities[v][o] * lit for v in self.issues for o, lit in self.x[v].items())

    def fix(self, issue: int, option: int) -> bool:
        """Clamp ``issue`` to ``option``; False when that option is not kept."""
        if option not in self.x[issue]:
            return False
        self.cp.add(self.x[issue][option] == 1)
        return True

    def solve(self, seconds: float | None = None) -> dict[int, int] | None:
        """An optimal (or, with no objective, any) assignment of the encoded issues; None if none."""
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = WORKERS
        if seconds is not None:
            solver.parameters.max_time_in_seconds = seconds
        status = solver.solve(self.cp)
        if status == cp_model.OPTIMAL or (status == cp_model.FEASIBLE and not self.cp.has_objective()):
            return {v: next(o for o, lit in opts.items() if solver.value(lit)) for v, opts in self.x.items()}
        if status in (cp_model.INFEASIBLE, cp_model.MODEL_INVALID):
            return None
        raise TimeoutError("CP-SAT found no proven optimum within its time budget")


def cheapest(
    model: ZoneModel,
    issues: Iterable[int],
    *,
    hard: frozenset[int] = frozenset(),
    forced: frozenset[int] = frozenset(),
    fixed: tuple[int, int] | None = None,
    at_least: tuple[int, int] | None = None,
) -> dict[int, int] | None:
    """A package of ``issues`` breaking constraints of least total cost (None: none exists), using
    option ``fixed`` = (issue, option) and giving party ``at_least`` = (party, total) that total."""
    enc = Encoding(model, issues, hard=hard, forced=forced)
    if fixed is not None and not enc.fix(*fixed):
        return None
    if at_least is not None:
        spec = model.parties[at_least[0]]
        enc.cp.add(enc.total(spec.weights, spec.utilities) >= at_least[1])
    enc.cp.minimize(enc.cost())
    return enc.solve()


def best_total(
    model: ZoneModel, issues: Iterable[int], party: int, hard: frozenset[int]
) -> tuple[int, dict[int, int]] | None:
    """The most ``party``'s weighted total can reach with only ``hard`` kept, and a package that does."""
    spec = model.parties[party]
    enc = Encoding(model, issues, hard=hard)
    objective = enc.total(spec.weights, spec.utilities)
    enc.cp.maximize(objective)
    found = enc.solve()
    if found is None:
        return None
    return sum(spec.weights[v] * spec.utilities[v][o] for v, o in found.items()), found


def in_zone(
    model: ZoneModel,
    issues: Iterable[int],
    domains: Sequence[Sequence[int]],
    relaxed: frozenset[int] = frozenset(),
) -> dict[int, set[int]]:
    """Per issue, the options some package of the zone uses: one solve per option not yet seen.

    Every solution marks all of its options, so far fewer solves than options are needed.
    """
    scope = tuple(sorted(issues))
    seen: dict[int, set[int]] = {v: set() for v in scope}
    for v in scope:
        for o in domains[v]:
            if o in seen[v]:
                continue
            enc = Encoding(model, scope, priced=False, relaxed=relaxed, domains=domains)
            enc.fix(v, o)
            found = enc.solve()
            if found is None:
                continue
            for u, p in found.items():
                seen[u].add(p)
    return seen
