"""The linkage graph: conditions as faithful hyperedges between issues, with parts and exports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from postrack.linkage import linkage_graph, to_json
from postrack.loading import load_record
from postrack.problems import UserError
from postrack.views.dot import to_dot

ISSUES = """\
issues:
  - id: ceasefire
    title: Ceasefire
    options: [{id: now, label: Now}, {id: later, label: Later}]
  - id: territory
    title: Territory
    options: [{id: keep, label: Keep}, {id: cede, label: Cede}]
  - id: aid
    title: Aid
    options: [{id: goes_on, label: Goes on}, {id: halted, label: Halted}]
  - id: nato
    title: "NATO \\"path\\""
    options: [{id: open, label: Open}, {id: closed, label: Closed}]
"""

NORTH = """\
party: {id: north, name: North, role: belligerent}
positions:
  ceasefire:
    - date: 2025-05-16
      summary: Truce only with land or an aid halt.
      acceptable: [now]
      conditions:
        - id: land_or_aid
          when: [now]
          requires:
            - {issue: territory, options: [cede]}
            - {issue: aid, options: [halted]}
          otherwise: red_line
      sources: [{ref: wire-1, paraphrase: truce terms}]
    - date: 2025-09-01
      summary: Drops the condition.
      drop_conditions: [land_or_aid]
      sources: [{ref: wire-1, paraphrase: dropped}]
"""

SOUTH = """\
party: {id: south, name: South, role: belligerent}
positions:
  nato:
    - date: 2025-05-16
      summary: Closes NATO only for guarantees.
      acceptable: [closed]
      conditions:
        - id: closed_for_aid
          when: [closed]
          requires: [{issue: aid, options: [goes_on]}]
          otherwise: unstated
      sources: [{ref: news-1, paraphrase: nato for aid}]
"""

SOURCES = """\
sources:
  - {id: wire-1, outlet: Wire, date: 2025-05-16, url: "https://example.org/w"}
  - {id: news-1, outlet: News, date: 2025-05-16}
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for name, text in {"issues": ISSUES, "sources": SOURCES, "north": NORTH, "south": SOUTH}.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_multi_alternative_condition_is_one_node_with_an_edge_per_alternative(data: Path) -> None:
    graph = linkage_graph(load_record(data), ["north", "south"], date(2025, 6, 1))
    node = "condition:north:ceasefire:land_or_aid"
    assert graph.nodes[node]["kind"] == "condition" and graph.nodes[node]["party"] == "north"
    assert graph.nodes[node]["sources"] == [
        {"outlet": "Wire", "title": "", "date": "2025-05-16", "url": "https://example.org/w"}
    ]
    assert list(graph.in_edges(node, data="role")) == [("issue:ceasefire", node, "when")]
    out = sorted((b, d["alternative"], tuple(d["options"])) for _, b, d in graph.out_edges(node, data=True))
    assert out == [("issue:aid", 1, ("halted",)), ("issue:territory", 0, ("cede",))]


def test_parts_follow_connectivity_and_dates_and_parties_filter(data: Path) -> None:
    record = load_record(data)
    graph = linkage_graph(record, ["north", "south"], date(2025, 6, 1))
    parts = {n: d["part"] for n, d in graph.nodes(data=True) if d["kind"] == "issue"}
    assert len(set(parts.values())) == 1
    later = linkage_graph(record, ["north", "south"], date(2025, 10, 1))
    assert [n for n, d in later.nodes(data=True) if d["kind"] == "condition"] == [
        "condition:south:nato:closed_for_aid"
    ]
    parts = {d["issue"]: d["part"] for _, d in later.nodes(data=True) if d["kind"] == "issue"}
    assert parts == {"ceasefire": 0, "territory": 1, "aid": 2, "nato": 2}
    only_south = linkage_graph(record, ["south"], date(2025, 6, 1))
    assert only_south.number_of_nodes() == 5
    with pytest.raises(UserError, match="unknown party 'west'"):
        linkage_graph(record, ["west"], date(2025, 6, 1))


def test_json_export_lists_nodes_edges_and_issue_links(data: Path) -> None:
    exported = to_json(linkage_graph(load_record(data), ["north", "south"], date(2025, 6, 1)))
    assert json.loads(json.dumps(exported)) == exported
    assert [n["id"] for n in exported["nodes"]][:4] == [
        "issue:ceasefire",
        "issue:territory",
        "issue:aid",
        "issue:nato",
    ]
    assert len(exported["edges"]) == 5
    assert [(link["from"], link["to"], link["parties"]) for link in exported["links"]] == [
        ("ceasefire", "aid", ["north"]),
        ("ceasefire", "territory", ["north"]),
        ("nato", "aid", ["south"]),
    ]


def test_dot_export_quotes_labels(data: Path) -> None:
    dot = to_dot(linkage_graph(load_record(data), ["north", "south"], date(2025, 6, 1)))
    assert dot.startswith("digraph linkage {\n") and dot.endswith("}\n")
    assert '"issue:nato" [shape=box, label="NATO \\"path\\""];' in dot
    assert (
        '"condition:north:ceasefire:land_or_aid" -> "issue:aid"'
        ' [style=dashed, fontsize=8, label="alt 2: halted"];' in dot
    )
