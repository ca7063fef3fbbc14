"""Depth-first search over the zone guided by exact bounds on linear objectives.

For any weights ``lam`` over the parties, ``sum(lam[p] * gain[p])`` is a sum over issues, so
max-sum elimination gives, at every node of a search that assigns issues in reverse elimination
order, the exact best completion of that objective (and -inf when no package of the zone
completes the node, so the search never meets a dead end). The Nash, max-min and Pareto searches
combine several such rows into admissible bounds (see :mod:`postrack.zones.best`).

Rows are kept in the exact integer units of :class:`~postrack.zones.ranking.Scorer` gains with
integer weights, so while their magnitude stays below 2**53 (always, for models built from data:
weights are normalised to 10,000ths) float64 holds them exactly and ties are decided exactly;
beyond that the searches fall back to a relative margin and never cut on a tie.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from postrack.zones.decompose import Part
from postrack.zones.eliminate import Array, Elimination, Space
from postrack.zones.model import ZoneModel
from postrack.zones.ranking import Scorer
from postrack.zones.spaces import satisfied


class Objectives:
    """Rows of bounds: one elimination per part for each weight vector over the caring parties."""

    def __init__(
        self, model: ZoneModel, parts: tuple[Part, ...], domains: tuple[tuple[int, ...], ...]
    ) -> None:
        self.model = model
        self.parts = parts
        self.domains = domains
        scorer = Scorer(model, "utilitarian")
        self.caring = scorer.caring
        scale = scorer.scale
        self.values = [
            [
                [w * u[o] * (scale // p.total_weight) for o in d]
                for w, u, d in zip(p.weights, p.utilities, domains, strict=True)
            ]
            for p in (model.parties[k] for k in self.caring)
        ]
        self.offsets = np.array([float(model.parties[k].no_deal * scale) for k in self.caring])
        self.magnitude = max(
            (sum(max(map(abs, v), default=0) for v in party) for party in self.values), default=0
        )
        self.tables = {}
        for k, cond in enumerate(model.conditions):
            scope, holds = satisfied(cond, domains)
            self.tables[k] = (scope, np.where(holds, 0.0, -np.inf))
        self.weights: list[Array] = []
        self.runs: list[list[Elimination]] = []

    def add(self, weights: Sequence[int]) -> int:
        """A row for integer ``weights`` over the caring parties."""
        lam = np.asarray(weights, dtype=np.float64)
        unary = tuple(
            sum((lam[j] * np.array(self.values[j][i]) for j in range(len(self.caring))), np.zeros(len(d)))
            for i, d in enumerate(self.domains)
        )
        space = Space("max", self.domains, unary, self.tables)
        self.weights.append(lam)
        self.runs.append([Elimination(part, space) for part in self.parts])
        return len(self.runs) - 1

    @property
    def exact(self) -> bool:
        """Whether every row value is an integer float64 holds exactly."""
        top = max((float(np.abs(w).sum()) for w in self.weights), default=1.0)
        return top * (self.magnitude + float(np.abs(self.offsets).max(initial=0))) < 2**53

    def root(self, row: int) -> float:
        return float(sum(run.total for run in self.runs[row]) - self.weights[row] @ self.offsets)

    def decode(self, row: int) -> tuple[int, ...]:
        chosen: dict[int, int] = {}
        for run in self.runs[row]:
            chosen.update(run.decode())
        return tuple(chosen[i] for i in range(len(self.domains)))


class Rows(Protocol):
    """What a search needs: the parts, the kept options, and per row one elimination per part."""

    parts: tuple[Part, ...]
    domains: tuple[tuple[int, ...], ...]
    runs: list[list[Elimination]]

    def root(self, row: int) -> float: ...


Children = Callable[[int, Array], Sequence[int]]
"""Given the next issue and the rows x options matrix of bounds, the option positions to visit, in order."""
Leaf = Callable[[tuple[int, ...]], bool]
"""Called with each package reached; returning True stops the search."""


class Search:
    def __init__(self, objectives: Rows) -> None:
        self.obj = objectives
        self.steps = [(p, v) for p, part in enumerate(objectives.parts) for v in reversed(part.order)]
        self.position = [-1] * len(objectives.domains)
        self.lowest = tuple(d[0] if d else 0 for d in objectives.domains)

    def run(self, children: Children, leaf: Leaf) -> None:
        start = np.array([self.obj.root(r) for r in range(len(self.obj.runs))])
        self.position = [-1] * len(self.obj.domains)
        self._visit(0, start, children, leaf)

    def _visit(self, depth: int, bounds: Array, children: Children, leaf: Leaf) -> bool:
        if depth == len(self.steps):
            return leaf(tuple(d[k] for d, k in zip(self.obj.domains, self.position, strict=True)))
        p, v = self.steps[depth]
        bucket = self.obj.parts[p].buckets[v]
        index = tuple(slice(None) if w == v else self.position[w] for w in bucket.scope)
        sep = tuple(self.position[w] for w in bucket.sep)
        rows = np.array(
            [
                bounds[r] - run[p].message[v][sep] + run[p].full[v][index]
                for r, run in enumerate(self.obj.runs)
            ]
        )
        for k in children(v, rows):
            self.position[v] = k
            if self._visit(depth + 1, rows[:, k], children, leaf):
                return True
        self.position[v] = -1
        return False

    def earliest(self, v: int, k: int) -> tuple[int, ...]:
        """The smallest package (in package order) the child ``v = domain[k]`` could still reach."""
        out = []
        for i, d in enumerate(self.obj.domains):
            if i == v:
                out.append(d[k])
            else:
                out.append(d[self.position[i]] if self.position[i] >= 0 else self.lowest[i])
        return tuple(out)
