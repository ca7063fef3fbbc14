"""Brute force: every world of a record, its verdicts from the full pipeline, and its probability."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from tests.robustness.generate import AS_OF, PARTIES

from postrack.compare import compare
from postrack.record import Record
from postrack.robustness.credence import Doubt, StatementKey, doubt, stands
from postrack.zones import analyse as zones
from postrack.zones.build import TIERS


def verdicts(record: Record, absent: frozenset[StatementKey] = frozenset()) -> dict[str, str]:
    """Cell statuses and tier emptiness of the world without ``absent``, from ``compare`` and
    ``zones.analyse`` run whole, with no cache of any kind."""
    world = record.without(absent)
    out = {
        f"cell/{i.issue}/{p.parties[0]}/{p.parties[1]}": p.status
        for i in compare(world, PARTIES, AS_OF).issues
        for p in i.pairs
    }
    counts = {t.tier: t.count for t in zones(world, PARTIES, AS_OF).tiers}
    out |= {f"zone/{t}/empty": "empty" if counts[t] == 0 else "open" for t in TIERS}
    return out


def worlds(model: Doubt) -> Iterator[tuple[float, frozenset[StatementKey]]]:
    """Every outcome of every uncertain event: its probability and the statements that fall."""
    events = model.variables([s.key for s in model.statements])
    for outcome in product((True, False), repeat=len(events)):
        weight = 1.0
        for (_, p), ok in zip(events, outcome, strict=True):
            weight *= p if ok else 1.0 - p
        named = {name: ok for (name, _), ok in zip(events, outcome, strict=True)}
        yield weight, frozenset(s.key for s in model.statements if not stands(s, named))


def probabilities(record: Record) -> dict[str, float]:
    """The exact probability that each verdict keeps its value in the record."""
    base = verdicts(record)
    out = dict.fromkeys(base, 0.0)
    seen: dict[frozenset[StatementKey], dict[str, str]] = {}
    for weight, absent in worlds(doubt(record, PARTIES, AS_OF)):
        if absent not in seen:
            seen[absent] = verdicts(record, absent)
        for key, value in seen[absent].items():
            out[key] += weight if value == base[key] else 0.0
    return out
