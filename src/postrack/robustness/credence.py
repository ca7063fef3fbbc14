"""Doubt as data: how likely each statement is to stand, and which sources it stands or falls with.

A statement stands when its own reading holds (probability by its ``confidence``, from the
manifest's ``credence.confidence``) and at least one source it cites is right (probability by the
source's ``reliability``, from ``credence.reliability``). A source is one event shared by every
statement citing it, so statements resting on the same report stand or fall together. A
statement's ``credence:`` replaces all of that with one independent event of that probability.
docs/robustness.md states the independence assumptions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from math import prod

from postrack.record import Record, StatementRef
from postrack.sources import CitedSource, cite

StatementKey = tuple[str, str, int]
"""(party, issue, index in the party file's list): a statement of the record."""


@dataclass(frozen=True)
class Doubtful:
    """One statement in scope, with the probability it stands and what it falls with."""

    key: StatementKey
    date: date
    summary: str
    confidence: str
    own: float
    """Probability of the statement's own event (its confidence, or its ``credence:``)."""
    sources: tuple[str, ...]
    """Sources it falls with: it stands only if one of them is right (none when set by hand)."""
    credence: float
    """Probability that it stands: ``own`` times the chance that some source is right."""
    set_by_hand: bool
    cited: tuple[CitedSource, ...]
    uid: str
    """A stable name for its own event, so draws do not depend on what else is in the data."""

    @property
    def party(self) -> str:
        return self.key[0]

    @property
    def issue(self) -> str:
        return self.key[1]

    @property
    def doubtful(self) -> bool:
        return self.credence < 1.0


@dataclass(frozen=True)
class Doubt:
    """Every statement of the chosen parties on record by a date, and the sources they cite."""

    statements: tuple[Doubtful, ...]
    sources: tuple[tuple[str, float], ...]
    """(source id, probability it is right) for every source a statement in scope falls with."""

    def of(self, key: StatementKey) -> Doubtful:
        return self._index[key]

    @cached_property
    def _index(self) -> dict[StatementKey, Doubtful]:
        return {s.key: s for s in self.statements}

    def variables(self, keys: Sequence[StatementKey]) -> tuple[tuple[str, float], ...]:
        """The uncertain events (own events, then sources; probability below 1) ``keys`` rest on."""
        chosen = [self._index[k] for k in keys]
        own = [(s.uid, s.own) for s in chosen if s.own < 1.0]
        probability = dict(self.sources)
        used = sorted({src for s in chosen for src in s.sources if probability[src] < 1.0})
        return (*own, *((src, probability[src]) for src in used))


def stands(statement: Doubtful, events: dict[str, bool]) -> bool:
    """Whether ``statement`` stands when the uncertain events come out as ``events`` (an event
    not named there is certain)."""
    if not events.get(statement.uid, True):
        return False
    return not statement.sources or any(events.get(src, True) for src in statement.sources)


def doubt(record: Record, parties: Sequence[str], as_of: date) -> Doubt:
    """The doubt model of ``parties``' statements dated up to ``as_of``, from the manifest's
    credences and each statement's own ``credence:``."""
    settings = record.manifest.credence
    by_confidence = settings.confidence.model_dump()
    by_reliability = settings.reliability.model_dump()
    out: list[Doubtful] = []
    used: dict[str, float] = {}
    for party in parties:
        for issue in record.issues:
            for ref in record.statements(party, issue):
                if ref.date > as_of:
                    continue
                out.append(_doubtful(record, ref, by_confidence, by_reliability, used))
    return Doubt(tuple(out), tuple(sorted(used.items())))


def _doubtful(
    record: Record,
    ref: StatementRef,
    by_confidence: dict[str, float],
    by_reliability: dict[str, float],
    used: dict[str, float],
) -> Doubtful:
    st = ref.statement
    cited = cite(record, ref)
    hand = st.credence is not None
    ids = () if hand else tuple(dict.fromkeys(c.id for c in cited))
    sources = tuple(f"source:{s}" for s in ids)
    for name, src in zip(sources, ids, strict=True):
        used[name] = by_reliability[record.sources[src].reliability]
    own = st.credence if st.credence is not None else by_confidence[st.confidence]
    credence = own * (1.0 - prod(1.0 - used[s] for s in sources)) if sources else own
    uid = (
        "statement:"
        + hashlib.sha256(
            f"{ref.party}\n{ref.issue}\n{st.date}\n{st.id or ''}\n{st.summary}".encode()
        ).hexdigest()[:16]
    )
    return Doubtful(
        key=(ref.party, ref.issue, ref.index),
        date=ref.date,
        summary=st.summary,
        confidence=st.confidence,
        own=own,
        sources=sources,
        credence=credence,
        set_by_hand=hand,
        cited=cited,
        uid=uid,
    )
