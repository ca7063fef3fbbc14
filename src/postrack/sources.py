"""Resolving a statement's citations into the full source records every output footnotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postrack.record import Record, StatementRef


@dataclass(frozen=True)
class CitedSource:
    id: str
    outlet: str
    title: str
    date: date | None
    url: str
    reliability: str
    evidence: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "reliability": self.reliability,
            "evidence": self.evidence,
        }

    def label(self) -> str:
        """Short human citation: outlet, title, date."""
        parts = [
            self.outlet,
            f"“{self.title}”" if self.title else "",
            self.date.isoformat() if self.date else "",
        ]
        return ", ".join(p for p in parts if p)


def cite(record: Record, ref: StatementRef) -> tuple[CitedSource, ...]:
    out = []
    for citation in ref.statement.sources:
        source = record.source(citation.ref)
        if source is None:  # unreachable after validation, which resolves every citation
            continue
        evidence = f"“{citation.quote}”" if citation.quote else citation.paraphrase
        out.append(
            CitedSource(
                source.id, source.outlet, source.title, source.date, source.url, source.reliability, evidence
            )
        )
    return tuple(out)
