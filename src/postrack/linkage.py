"""The linkage graph: issues joined by the parties' conditions, for the engine and for briefings.

A condition "party P accepts options W of issue A only if issue B ends in S1, or issue C in S2"
is a hyperedge over A, B and C. It is kept faithfully as a node of its own (kind ``condition``)
with one ``when`` edge from A and one ``requires`` edge to each alternative's issue, numbered by
alternative: a directed bipartite graph of issues and conditions. Each issue carries its
``part``: the connected part of the graph it belongs to, which the zone engine solves on its
own (counts multiply, costs add). Exports: JSON node and edge lists, and Graphviz dot text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import networkx as nx

from postrack.problems import UserError
from postrack.record import Record


def issue_node(issue: str) -> str:
    return f"issue:{issue}"


def condition_node(party: str, issue: str, condition: str) -> str:
    return f"condition:{party}:{issue}:{condition}"


def linkage_graph(
    record: Record, parties: Sequence[str], as_of: date, issues: Sequence[str] | None = None
) -> nx.MultiDiGraph[str]:
    """Issues and the conditions of ``parties`` in force on ``as_of`` that link them."""
    unknown = [p for p in parties if p not in record.parties]
    if unknown:
        raise UserError.single(
            f"unknown party {', '.join(map(repr, unknown))} (known: {', '.join(sorted(record.parties))})"
        )
    shown = [i for i in record.issues if issues is None or i in issues]
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for iid in shown:
        issue = record.issue(iid)
        graph.add_node(
            issue_node(iid), kind="issue", issue=iid, title=issue.title, options=issue.option_ids()
        )
    for party in parties:
        for iid in shown:
            pos = record.position(party, iid, as_of)
            if pos is None:
                continue
            for cid in sorted(pos.conditions):
                active = pos.conditions[cid]
                cond = active.condition
                node = condition_node(party, iid, cid)
                sources = [record.source(c.ref) for c in active.ref.statement.sources]
                graph.add_node(
                    node,
                    kind="condition",
                    party=party,
                    condition=cid,
                    issue=iid,
                    when=list(cond.when),
                    requires=[{"issue": r.issue, "options": list(r.options)} for r in cond.requires],
                    otherwise=cond.otherwise,
                    stated=active.ref.date.isoformat(),
                    summary=active.ref.statement.summary,
                    sources=[
                        {
                            "outlet": s.outlet,
                            "title": s.title,
                            "date": s.date.isoformat() if s.date else None,
                            "url": s.url,
                        }
                        for s in sources
                        if s is not None
                    ],
                )
                graph.add_edge(issue_node(iid), node, role="when", options=list(cond.when))
                for k, req in enumerate(cond.requires):
                    target = issue_node(req.issue)
                    if target not in graph:
                        graph.add_node(
                            target,
                            kind="issue",
                            issue=req.issue,
                            title=record.issue(req.issue).title,
                            options=record.issue(req.issue).option_ids(),
                            outside=True,
                        )
                    graph.add_edge(node, target, role="requires", alternative=k, options=list(req.options))
    _mark_parts(graph)
    return graph


def _mark_parts(graph: nx.MultiDiGraph[str]) -> None:
    """Number the connected parts by their first issue in catalogue order."""
    order = {n: k for k, n in enumerate(graph.nodes)}
    parts = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.weakly_connected_components(graph)),
        key=lambda c: order[c[0]],
    )
    for k, component in enumerate(parts):
        for node in component:
            graph.nodes[node]["part"] = k


def to_json(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """Node and edge lists, plus ``links``: one entry per issue pair a condition joins."""
    nodes = [{"id": n, **data} for n, data in graph.nodes(data=True)]
    edges = [{"source": a, "target": b, **data} for a, b, data in graph.edges(data=True)]
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] != "condition":
            continue
        for _, target in sorted(graph.out_edges(node)):
            pair = (data["issue"], graph.nodes[target]["issue"])
            link = links.setdefault(pair, {"from": pair[0], "to": pair[1], "conditions": [], "parties": []})
            if node not in link["conditions"]:
                link["conditions"].append(node)
            if data["party"] not in link["parties"]:
                link["parties"].append(data["party"])
    return {"nodes": nodes, "edges": edges, "links": [links[k] for k in sorted(links)]}
