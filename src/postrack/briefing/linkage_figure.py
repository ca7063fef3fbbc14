"""The linkage graph of issues and conditions, laid out for drawing with Typst's own primitives.

Linked issues sit on a circle (grouped by their part of the graph, so independent parts do not
cross); each condition is a small node inside the circle, near the issues it joins, with a solid
line from the issue whose options it constrains and a dashed line to each issue that can meet
it, so a condition with several alternatives (a hyperedge) stays one node with several branches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
    x1: float
    y1: float
    x2: float
    y2: float
    colour: int
    requires: bool


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
    at = dict(zip(linked, circle_layout(len(linked)), strict=True))
    colour = {p: k for k, p in enumerate(parties)}
    nodes, edges, links = [], [], []
    seen: dict[tuple[str, ...], int] = {}
    for n, data in conditions:
        ends = [a for a, _ in graph.in_edges(n)] + [b for _, b in graph.out_edges(n)]
        key = tuple(sorted(ends))
        seen[key] = seen.get(key, -1) + 1
        spot = _inside(at, ends, max(_PULL - _STEP * seen[key], 0.0))
        nodes.append(ConditionNode(labels.party(data["party"]), colour[data["party"]], spot.x, spot.y))
        for a, _, edge in graph.in_edges(n, data=True):
            edges.append(_edge(at[a], spot, colour[data["party"]], edge["role"] == "requires"))
        for _, b, edge in graph.out_edges(n, data=True):
            edges.append(_edge(spot, at[b], colour[data["party"]], edge["role"] == "requires"))
        links.append(Link(labels.party(data["party"]), _text(data, labels)))
    return Linkage(
        size_cm=min(9.0, 3.0 + 0.5 * len(linked)),
        issues=tuple(IssueNode(graph.nodes[n]["title"], p.x, p.y, p.x < 0.5) for n, p in at.items()),
        conditions=tuple(nodes),
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


def _inside(at: dict[str, Point], ends: list[str], pull: float) -> Point:
    x = sum(at[e].x for e in ends) / len(ends)
    y = sum(at[e].y for e in ends) / len(ends)
    return Point(round(0.5 + (x - 0.5) * pull, 4), round(0.5 + (y - 0.5) * pull, 4))


def _edge(a: Point, b: Point, colour: int, requires: bool) -> Edge:
    return Edge(a.x, a.y, b.x, b.y, colour, requires)


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
