"""Exact counts of parts too wide to eliminate, by the Ganak model counter, within a time budget.

The zone of a part is a CNF: one variable per (issue, kept option), exactly one per issue
(so models and packages correspond one to one), and per condition clause and ``when`` option
``not x[issue, when] or (some alternative met)``. Ganak counts it exactly; it cannot be
interrupted from Python, so it runs in a child process that is ended at the deadline, and the
caller then reports proven bounds instead of a number. The child is forked where the platform
allows (no re-import, no ``__main__`` guard needed in scripts), spawned elsewhere.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from itertools import combinations
from multiprocessing.queues import SimpleQueue

from postrack.zones.decompose import Part
from postrack.zones.model import ZoneModel

Clause = list[int]
Queue = SimpleQueue[int]


def zone_cnf(
    model: ZoneModel, part: Part, domains: Sequence[Sequence[int]], relaxed: frozenset[int]
) -> tuple[dict[tuple[int, int], int], list[Clause]]:
    """Variables (per issue and kept option) and clauses whose models are the part's packages."""
    var: dict[tuple[int, int], int] = {}
    clauses: list[Clause] = []
    for v in part.issues:
        lits = [var.setdefault((v, o), len(var) + 1) for o in domains[v]]
        clauses.append(lits)
        clauses += [[-a, -b] for a, b in combinations(lits, 2)]
    n = len(model.red_lines)
    mine = set(part.issues)
    for k, c in enumerate(model.conditions):
        if n + k in relaxed or c.issue not in mine:
            continue
        for clause in c.clauses:
            met = [var[(r.issue, o)] for r in clause for o in sorted(r.options) if (r.issue, o) in var]
            clauses += [[-var[(c.issue, w)], *met] for w in sorted(c.when) if (c.issue, w) in var]
    return var, clauses


def _count(variables: int, clauses: list[Clause], out: Queue) -> None:
    """Child process: the number of models."""
    from pyganak import Counter

    counter = Counter()
    counter.new_vars(variables)
    counter.add_clauses(clauses)
    out.put(counter.count())


def count(variables: int, clauses: list[Clause], seconds: float) -> int | None:
    """The exact number of models, or None when Ganak does not finish within ``seconds``."""
    if any(not c for c in clauses):
        return 0
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    out: Queue = context.SimpleQueue()
    child = context.Process(  # type: ignore[attr-defined]  # typeshed: BaseContext lacks Process
        target=_count, args=(variables, clauses, out), daemon=True
    )
    child.start()
    child.join(seconds)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return None if out.empty() else int(out.get())
