"""Make the benchmark's model generator importable by the zone tests."""

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))


import pytest  # noqa: E402

ISSUES = """\
issues:
  - id: ceasefire
    title: Ceasefire
    ordered: true
    options:
      - {id: immediate, label: Immediate}
      - {id: on_framework, label: On a framework}
      - {id: on_final_settlement, label: On a final settlement}
  - id: military_aid
    title: Military aid
    ordered: true
    options:
      - {id: continues, label: Continues}
      - {id: halted, label: Halted}
  - id: prisoners
    title: Prisoners
    ordered: true
    options:
      - {id: all_for_all, label: All for all}
      - {id: parity_swaps, label: Parity swaps}
      - {id: no_exchange, label: No exchange}
  - id: znpp
    title: Nuclear plant
    options:
      - {id: ukraine_control, label: Ukraine}
      - {id: trilateral, label: Trilateral}
      - {id: russian_control, label: Russia}
"""

NORTH = """\
party: {id: north, name: North, role: belligerent, no_deal: 0.2}
positions:
  ceasefire:
    - date: 2025-05-16
      summary: Unconditional ceasefire rejected.
      demand: [on_final_settlement]
      red_line: [immediate]
      salience: 8
      sources: [{ref: wire-2025-05-16, paraphrase: rejected}]
    - date: 2025-06-02
      summary: Ceasefire possible if aid halts.
      acceptable: [immediate]
      conditions:
        - id: needs_aid_halt
          when: [immediate]
          requires: [{issue: military_aid, options: [halted]}]
          otherwise: red_line
      sources: [{ref: wire-2025-06-02, paraphrase: if aid halts}]
    - date: 2025-07-01
      summary: No ceasefire on a mere framework.
      red_line: [on_framework]
      sources: [{ref: post-2025-07-01, paraphrase: no framework truce}]
  military_aid:
    - date: 2025-05-16
      summary: Wants aid halted.
      demand: [halted]
      salience: 6
      sources: [{ref: wire-2025-05-16, paraphrase: halt aid}]
  prisoners:
    - date: 2025-05-16
      summary: Parity swaps.
      demand: [parity_swaps]
      salience: 3
      sources: [{ref: wire-2025-05-16, paraphrase: parity}]
"""

SOUTH = """\
party: {id: south, name: South, role: belligerent}
positions:
  ceasefire:
    - date: 2025-05-16
      summary: Ceasefire now.
      demand: [immediate]
      red_line: [on_final_settlement]
      salience: 9
      sources: [{ref: news-2025-05-16, paraphrase: now}]
  military_aid:
    - date: 2025-05-16
      summary: Aid must continue.
      demand: [continues]
      red_line: [halted]
      salience: 7
      sources: [{ref: news-2025-05-16, paraphrase: aid continues}]
  prisoners:
    - date: 2025-05-16
      summary: All for all.
      demand: [all_for_all]
      acceptable: [parity_swaps]
      salience: 4
      sources: [{ref: news-2025-05-16, paraphrase: all for all}]
  znpp:
    - date: 2025-05-16
      summary: Plant back.
      demand: [ukraine_control]
      red_line: [russian_control]
      salience: 5
      sources: [{ref: news-2025-05-16, paraphrase: plant back}]
"""

BROKER = """\
party: {id: broker, name: Broker, role: mediator}
positions:
  ceasefire:
    - date: 2025-05-16
      summary: Backs a ceasefire.
      demand: [immediate]
      acceptable: [on_framework]
      salience: 5
      sources: [{ref: desk-2025-05-16, paraphrase: backs it}]
"""


SOURCES = """\
sources:
  - {id: wire-2025-05-16, outlet: Wire, title: North terms, date: 2025-05-16, url: "https://example.org/n"}
  - {id: wire-2025-06-02, outlet: Wire, title: North memo, date: 2025-06-02}
  - {id: post-2025-07-01, outlet: Post, date: 2025-07-01, url: "https://example.org/p"}
  - {id: news-2025-05-16, outlet: News, title: South terms, date: 2025-05-16, url: "https://example.org/s"}
  - {id: desk-2025-05-16, outlet: Desk, date: 2025-05-16}
"""


@pytest.fixture
def zone_data(tmp_path: Path) -> Path:
    """North, South and a broker on four issues: open on 2025-05-20 and 2025-06-10, empty from 2025-07-01."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name, text in {
        "issues": ISSUES,
        "sources": SOURCES,
        "north": NORTH,
        "south": SOUTH,
        "broker": BROKER,
    }.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder
