"""How sure are we: the robustness of every verdict to doubtful statements and weak sources.

A verdict (a compare cell's status, a zone tier's emptiness, the top-ranked package, the cheapest
concession set) is recomputed in worlds where some statements do not stand, through the same
pipeline as the verdict itself. docs/robustness.md explains the doubt model and the method.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from concurrent.futures import Executor
from datetime import date

from postrack.record import Record
from postrack.robustness.credence import Doubt, Doubtful, StatementKey, doubt
from postrack.robustness.estimate import EXACT_BOUND, Estimate, exact, wilson
from postrack.robustness.pivotal import Pivots, pivots
from postrack.robustness.report import RobustnessReport, StatementNote, VerdictRobustness
from postrack.robustness.sweep import Progress, Sweep, run
from postrack.robustness.verdicts import Evaluator, Verdict, Zones
from postrack.zones.build import Tier
from postrack.zones.ranking import Ranking

SAMPLES = 1000
"""Worlds sampled by default for the verdicts too widely touched to enumerate."""
_KINDS = {"none": ("cell",), "tiers": ("cell", "zone"), "all": ("cell", "zone", "top", "cheapest")}


def analyse(
    record: Record,
    parties: Sequence[str],
    as_of: date,
    issues: Sequence[str] | None = None,
    *,
    samples: int = SAMPLES,
    seed: int = 0,
    executor: Executor | None = None,
    progress: Progress | None = None,
    tier: Tier = "agreed",
    ranking: Ranking = "nash",
    zones: Zones = "all",
) -> RobustnessReport:
    """Every verdict of ``parties`` as of ``as_of`` with what it rests on and how likely it holds.

    ``zones="tiers"`` leaves out the top package and cheapest concessions (much cheaper),
    ``zones="none"`` every zone verdict;
    ``executor`` runs the Monte Carlo blocks (default: in this process)."""
    evaluator = Evaluator(record, parties, as_of, issues, tier=tier, ranking=ranking)
    model = doubt(record, parties, as_of)
    verdicts = tuple(v for v in evaluator.verdicts if v.kind in _KINDS[zones])
    found = pivots(evaluator, model, verdicts, zones)
    estimates: dict[str, Estimate] = {}
    touching: dict[str, set[StatementKey]] = {}
    for v in verdicts:
        touching[v.key] = evaluator.statements_of(evaluator.groups_of(v))
        result = exact(evaluator, model, v, touching[v.key], zones)
        if result is not None:
            estimates[v.key] = result
    sampled = [v for v in verdicts if v.key not in estimates]
    if sampled:
        sweep = Sweep(
            record=record,
            parties=tuple(parties),
            as_of=as_of,
            issues=tuple(issues) if issues is not None else None,
            tier=tier,
            ranking=ranking,
            zones=zones,
            statements=model.statements,
            sources=model.sources,
            verdicts=tuple((v.key, v.value) for v in sampled),
            seed=seed,
            token=uuid.uuid4().hex,
        )
        hits = run(sweep, samples, executor, progress, evaluator)
        estimates |= {v.key: wilson(h, samples, seed) for v, h in zip(sampled, hits, strict=True)}
    return RobustnessReport(
        as_of=as_of,
        parties=tuple(parties),
        issues=evaluator.issues,
        tier=tier,
        statements=len(model.statements),
        doubtful=sum(s.doubtful for s in model.statements),
        sources=len(model.sources),
        samples=samples if sampled else 0,
        seed=seed,
        exact_bound=EXACT_BOUND,
        verdicts=tuple(
            _result(
                record,
                model,
                v,
                found[v.key],
                estimates[v.key],
                len(model.variables(sorted(touching[v.key]))),
            )
            for v in verdicts
        ),
        workspace=record.manifest.title,
    )


def _result(
    record: Record, model: Doubt, verdict: Verdict, pivot: Pivots, estimate: Estimate, events: int
) -> VerdictRobustness:
    return VerdictRobustness(
        verdict=verdict,
        rests_on=tuple(_note(record, model.of(k)) for k in pivot.rests_on),
        flip=tuple(_note(record, model.of(k)) for k in pivot.flip),
        flip_value=pivot.flip_value,
        flip_complete=pivot.complete,
        estimate=estimate,
        events=events,
    )


def _note(record: Record, st: Doubtful) -> StatementNote:
    file, line = record.origins.get(st.key, (record.files.get(st.party, ""), 0))
    return StatementNote(
        st.party,
        st.issue,
        st.date,
        st.summary,
        st.confidence,
        st.credence,
        st.set_by_hand,
        st.cited,
        file,
        line,
    )


__all__ = ["EXACT_BOUND", "SAMPLES", "RobustnessReport", "StatementNote", "VerdictRobustness", "analyse"]
