"""The linkage graph of issues and conditions, laid out for drawing with Typst's own primitives.

Linked issues sit on a circle (grouped by their part of the graph, so independent parts do not
cross, then reordered while swapping two removes crossings); each condition is a small node
inside the circle, near the issues it joins, with a solid arrow from the issue whose options it
constrains and a dashed arrow to each issue that can meet it, so a condition with several
alternatives (a hyperedge) stays one node with several branches.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from postrack.briefing.figures import Point, circle_layout
from postrack.briefing.labels import Labels
from postrack.linkage import linkage_graph
from postrack.model import Condition
from postrack.record import Record

_PULL = 0.6
"""How far a condition node sits from the centre, as a share of its issues' mean distance."""
_STEP = 0.12
"""Conditions joining the same issues are moved this much further in, one after another."""
_ISSUE_PT, _CONDITION_PT = 4.5, 3.0
"""Radii of the issue and condition dots in the template, in points: arrows stop at their rims."""
_HEAD = 0.014
"""The arrowhead's size, a share of the figure's size."""
_EPS = 1e-9


@dataclass(frozen=True)
class IssueNode:
    title: str
    x: float
    y: float
    left: bool


@dataclass(frozen=True)
class ConditionNode:
    party: str
    colour: int
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    """A line between node centres; ``head`` is the arrowhead's triangle, its tip on the end node's rim."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: int
    requires: bool
    head: tuple[Point, Point, Point]


@dataclass(frozen=True)
class Link:
    """One condition in words, for the Markdown memo and the figure's caption."""

    party: str
    text: str


@dataclass(frozen=True)
class PartyKey:
    party: str
    colour: int


@dataclass(frozen=True)
class Linkage:
    size_cm: float
    issues: tuple[IssueNode, ...]
    conditions: tuple[ConditionNode, ...]
    edges: tuple[Edge, ...]
    links: tuple[Link, ...]
    parties: tuple[PartyKey, ...]
    unlinked: tuple[str, ...]


def linkage(record: Record, parties: list[str], as_of: date, labels: Labels) -> Linkage | None:
    """The figure's geometry; None when no condition links any two issues."""
    graph = linkage_graph(record, parties, as_of)
    conditions = [(n, d) for n, d in graph.nodes(data=True) if d["kind"] == "condition"]
    if not conditions:
        return None
    linked = [n for n, d in graph.nodes(data=True) if d["kind"] == "issue" and graph.degree(n) > 0]
    catalogue = list(record.issues)
    linked.sort(key=lambda n: (graph.nodes[n]["part"], catalogue.index(graph.nodes[n]["issue"])))
    size_cm = min(9.0, 3.0 + 0.5 * len(linked))
    colour = {p: k for k, p in enumerate(parties)}
    order = _fewest_crossings(linked, lambda o: _draw(graph, conditions, o, colour, size_cm)[1])
    at = dict(zip(order, circle_layout(len(order)), strict=True))
    nodes, edges = _draw(graph, conditions, order, colour, size_cm)
    links = [Link(labels.party(d["party"]), _text(d, labels)) for _, d in conditions]
    return Linkage(
        size_cm=size_cm,
        issues=tuple(IssueNode(graph.nodes[n]["title"], p.x, p.y, p.x < 0.5) for n, p in at.items()),
        conditions=tuple(ConditionNode(labels.party(party), colour[party], p.x, p.y) for party, p in nodes),
        edges=tuple(edges),
        links=tuple(links),
        parties=tuple(
            PartyKey(labels.party(p), colour[p])
            for p in parties
            if any(d["party"] == p for _, d in conditions)
        ),
        unlinked=tuple(
            d["title"] for n, d in graph.nodes(data=True) if d["kind"] == "issue" and graph.degree(n) == 0
        ),
    )


def _draw(
    graph: Any, conditions: list[tuple[str, Any]], order: list[str], colour: dict[str, int], size_cm: float
) -> tuple[list[tuple[str, Point]], list[Edge]]:
    """Condition nodes (party, place) and edges with the linked issues on the circle in ``order``."""
    at = dict(zip(order, circle_layout(len(order)), strict=True))
    nodes, edges = [], []
    seen: dict[tuple[str, ...], int] = {}
    for n, data in conditions:
        ends = [a for a, _ in graph.in_edges(n)] + [b for _, b in graph.out_edges(n)]
        key = tuple(sorted(ends))
        seen[key] = seen.get(key, -1) + 1
        spot = _inside(at, ends, max(_PULL - _STEP * seen[key], 0.0))
        nodes.append((data["party"], spot))
        pen = colour[data["party"]]
        for a, _, edge in graph.in_edges(n, data=True):
            edges.append(_edge(at[a], spot, pen, edge["role"] == "requires", _CONDITION_PT / _cm_pt(size_cm)))
        for _, b, edge in graph.out_edges(n, data=True):
            edges.append(_edge(spot, at[b], pen, edge["role"] == "requires", _ISSUE_PT / _cm_pt(size_cm)))
    return nodes, edges


def _fewest_crossings(order: list[str], edges_for: Callable[[list[str]], list[Edge]]) -> list[str]:
    """Swap issues on the circle while that removes crossings: a local search, deterministic and
    cheap for the dozen or so issues a memo links, which finds a crossing-free order when the
    graph has an obvious one."""
    best, fewest = list(order), _crossings(edges_for(order))
    improved = True
    while improved and fewest:
        improved = False
        for i, j in combinations(range(len(best)), 2):
            trial = list(best)
            trial[i], trial[j] = trial[j], trial[i]
            count = _crossings(edges_for(trial))
            if count < fewest:
                best, fewest, improved = trial, count, True
    return best


def _crossings(edges: list[Edge]) -> int:
    return sum(1 for a, b in combinations(edges, 2) if _cross(a, b))


def _cross(a: Edge, b: Edge) -> bool:
    """Whether two edges cross properly (edges meeting at a node do not count)."""

    def side(x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> float:
        return (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)

    d1 = side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
    d2 = side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
    d3 = side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
    d4 = side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
    return d1 * d2 < -_EPS and d3 * d4 < -_EPS


def _inside(at: dict[str, Point], ends: list[str], pull: float) -> Point:
    x = sum(at[e].x for e in ends) / len(ends)
    y = sum(at[e].y for e in ends) / len(ends)
    return Point(round(0.5 + (x - 0.5) * pull, 4), round(0.5 + (y - 0.5) * pull, 4))


def _edge(a: Point, b: Point, colour: int, requires: bool, rim: float) -> Edge:
    """``rim``: the end node's radius as a share of the figure's size, where the arrow's tip stops."""
    length = math.hypot(b.x - a.x, b.y - a.y) or 1.0
    ux, uy = (b.x - a.x) / length, (b.y - a.y) / length
    tip = Point(b.x - ux * rim, b.y - uy * rim)
    back, half = _HEAD * 2.0, _HEAD * 0.8
    base = (tip.x - ux * back, tip.y - uy * back)
    head = (
        Point(round(tip.x, 4), round(tip.y, 4)),
        Point(round(base[0] - uy * half, 4), round(base[1] + ux * half, 4)),
        Point(round(base[0] + uy * half, 4), round(base[1] - ux * half, 4)),
    )
    return Edge(a.x, a.y, b.x, b.y, colour, requires, head)


def _cm_pt(size_cm: float) -> float:
    return size_cm * 72 / 2.54


def _text(data: dict[str, Any], labels: Labels) -> str:
    condition = Condition.model_validate(
        {
            k: data[f]
            for k, f in (
                ("id", "condition"),
                ("when", "when"),
                ("requires", "requires"),
                ("otherwise", "otherwise"),
            )
        }
    )
    return f"{labels.issue(data['issue'])}: {labels.condition(data['issue'], condition)}"
