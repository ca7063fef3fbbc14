"""Overlaying scenarios on the baseline record.

Merge rule (tested in ``tests/scenarios/test_precedence.py``):
1. ``add_parties`` first: a party given in full is added, replacing any party of the same id.
2. Then each ``change`` becomes a statement of that party on that issue, dated on the scenario's
   ``as_of``, appended after the baseline's statements, so it is folded last on that date and
   overrides only the options and conditions it names (``reset`` clears the rest first).
3. Several scenarios apply in the order given; a later one wins where they touch the same option.
Each scenario statement cites a source standing for the scenario itself, so every cell of a
result still says where it came from; ``sources`` in the scenario file add to the registry (for
the statements of ``add_parties``), replacing a source of the same id.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from postrack.model import Citation, Source, Statement
from postrack.model.scenario import Scenario
from postrack.record import Record


def source_id(path: Path) -> str:
    return "scenario-" + re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def apply_scenario(record: Record, scenario: Scenario, path: Path, lines: list[int]) -> Record:
    """Return ``record`` with ``scenario`` merged in; ``lines`` locate each change in ``path``."""
    parties = dict(record.parties)
    files = dict(record.files)
    origins = dict(record.origins)
    for added in scenario.add_parties:
        pid = added.party.id
        parties[pid] = added
        files[pid] = str(path)
        origins = {k: v for k, v in origins.items() if k[0] != pid}
    sid = source_id(path)
    sources = dict(record.sources)
    sources.update({s.id: s for s in scenario.sources})
    sources[sid] = Source(
        id=sid,
        outlet="Scenario",
        title=scenario.title,
        date=scenario.as_of,
        reliability="secondary",
        note=scenario.rationale,
    )
    for change, line in zip(scenario.changes, lines, strict=True):
        party = parties[change.party]
        statement = Statement(
            date=scenario.as_of,
            summary=change.summary or f"Scenario: {scenario.title}",
            demand=change.demand,
            acceptable=change.acceptable,
            red_line=change.red_line,
            withdrawn=change.withdrawn,
            reset=change.reset,
            salience=change.salience,
            conditions=change.conditions,
            drop_conditions=change.drop_conditions,
            sources=[Citation(ref=sid, paraphrase=scenario.rationale)],
            confidence="medium",
            note=change.note,
        )
        positions = dict(party.positions)
        existing = positions.get(change.issue, [])
        origins[(change.party, change.issue, len(existing))] = (str(path), line)
        positions[change.issue] = [*existing, statement]
        parties[change.party] = party.model_copy(update={"positions": positions})
    return replace(record, parties=parties, files=files, origins=origins, sources=sources, warnings=())
