"""Split the model along its linkage graph and give each part an elimination order.

Issues are linked when a condition mentions both (its whole scope is a clique: the condition is
one constraint over all of its issues). Connected parts are independent: their counts multiply,
their minimum costs add. Inside a part, a tree decomposition (min fill-in) gives an elimination
order whose buckets are no larger than its bags, so counting, minimum cost and the bounds of the
best-package search all cost O(parts * options ** (width + 1)) instead of options ** issues.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.approximation import treewidth_min_fill_in

from postrack.zones.model import ZoneModel


@dataclass(frozen=True)
class Bucket:
    """Where issue ``var`` is eliminated: the functions over ``scope`` that mention it first."""

    var: int
    scope: tuple[int, ...]
    parent: int | None
    children: tuple[int, ...]
    conditions: tuple[int, ...]

    @property
    def sep(self) -> tuple[int, ...]:
        return tuple(v for v in self.scope if v != self.var)


@dataclass(frozen=True)
class Part:
    """A connected part of the linkage graph: its issues, elimination order and buckets."""

    issues: tuple[int, ...]
    order: tuple[int, ...]
    buckets: dict[int, Bucket]
    width: int

    @property
    def root(self) -> int:
        return self.order[-1]


def primal_graph(model: ZoneModel) -> nx.Graph[int]:
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(range(len(model.issues)))
    for cond in model.conditions:
        scope = cond.scope
        graph.add_edges_from((a, b) for i, a in enumerate(scope) for b in scope[i + 1 :])
    return graph


def decompose(model: ZoneModel) -> tuple[Part, ...]:
    """The parts of the model, ordered by their first issue."""
    graph = primal_graph(model)
    parts = []
    for component in sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0]):
        sub = graph.subgraph(component)
        order = _elimination_order(sub)
        parts.append(_buckets(model, sub, order))
    return tuple(parts)


def _elimination_order(graph: nx.Graph[int]) -> list[int]:
    """Peel leaves off a min-fill tree decomposition: each variable leaves with its last bag."""
    if graph.number_of_nodes() == 1:
        return list(graph.nodes)
    _, tree = treewidth_min_fill_in(graph)
    tree = nx.Graph(tree)
    order: list[int] = []
    while tree.number_of_nodes() > 1:
        leaf = min((b for b in tree if tree.degree(b) <= 1), key=lambda b: sorted(b))
        neighbour: frozenset[int] = next(iter(tree[leaf]), frozenset())
        order += sorted(leaf - neighbour)
        tree.remove_node(leaf)
    (last,) = tree.nodes
    order += sorted(set(last) - set(order))
    return order


def _buckets(model: ZoneModel, graph: nx.Graph[int], order: list[int]) -> Part:
    position = {v: k for k, v in enumerate(order)}
    adjacent = {v: set(graph[v]) for v in graph}
    scopes: dict[int, tuple[int, ...]] = {}
    parents: dict[int, int | None] = {}
    for v in order:
        later = adjacent.pop(v)
        for u in later:
            adjacent[u] |= later - {u}
            adjacent[u].discard(v)
        scopes[v] = tuple(sorted({v, *later}))
        parents[v] = min(later, key=position.__getitem__) if later else None
    placed: dict[int, list[int]] = {v: [] for v in order}
    for k, cond in enumerate(model.conditions):
        if cond.issue in position:
            placed[min(cond.scope, key=position.__getitem__)].append(k)
    buckets = {
        v: Bucket(
            var=v,
            scope=scopes[v],
            parent=parents[v],
            children=tuple(c for c in order if parents[c] == v),
            conditions=tuple(placed[v]),
        )
        for v in order
    }
    width = max(len(s) for s in scopes.values()) - 1
    return Part(issues=tuple(sorted(order)), order=tuple(order), buckets=buckets, width=width)
