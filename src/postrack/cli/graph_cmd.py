"""``positions graph``: the linkage graph of issues and conditions, as dot or JSON."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from postrack.cli.options import AsOfOption, DataOption, PartiesOption, data_dir, parse_date, parse_parties
from postrack.loading import load_record
from postrack.views.serialise import dumps


class GraphFormat(StrEnum):
    dot = "dot"
    json = "json"


def graph(
    data: DataOption = None,
    parties: PartiesOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="dot (Graphviz text) or json (node and edge lists).")
    ] = GraphFormat.dot,
) -> int:
    """Issues linked by the parties' conditions ("accepts A only if B"), with who set each link.

    Each condition is a node of its own, with an edge from the issue it qualifies and one edge
    per alternative to the issues it requires; every issue carries the part of the graph the
    zone engine solves it in.
    """
    from postrack.linkage import linkage_graph, to_json
    from postrack.views.dot import to_dot  # networkx loads only when this command runs

    record = load_record(data_dir(data))
    g = linkage_graph(
        record,
        parse_parties(parties, sorted(record.parties), tuple(record.manifest.parties)),
        parse_date(as_of, horizon=record.manifest.horizon),
    )
    if fmt is GraphFormat.json:
        print(dumps(to_json(g)))
    else:
        print(to_dot(g), end="")
    return 0
