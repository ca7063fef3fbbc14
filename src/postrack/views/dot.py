"""The linkage graph as Graphviz text: data text always inside a quoted, escaped DOT string."""

from __future__ import annotations

from typing import TYPE_CHECKING

from postrack.views.controls import clean

if TYPE_CHECKING:
    import networkx as nx


def to_dot(graph: nx.MultiDiGraph[str]) -> str:
    """Graphviz text: issues as boxes, conditions as small ellipses labelled party: id."""
    lines = ["digraph linkage {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for node, data in graph.nodes(data=True):
        if data["kind"] == "issue":
            lines.append(f"  {_quote(node)} [shape=box, label={_quote(data['title'])}];")
        else:
            label = f"{data['party']}: {data['condition']}"
            lines.append(f"  {_quote(node)} [shape=ellipse, fontsize=9, label={_quote(label)}];")
    for a, b, data in graph.edges(data=True):
        label = ", ".join(data["options"])
        if data["role"] == "requires":
            label = f"alt {data['alternative'] + 1}: {label}"
        style = "solid" if data["role"] == "when" else "dashed"
        lines.append(f"  {_quote(a)} -> {_quote(b)} [style={style}, fontsize=8, label={_quote(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A DOT string: backslash (which starts DOT's own escapes, ``\\l``, ``\\N``) and quote escaped."""
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
