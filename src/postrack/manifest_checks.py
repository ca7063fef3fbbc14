"""Cross-reference checks on the manifest: every party, bloc member, role and source it names exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from postrack.model import Manifest, PartyFile, Source
from postrack.problems import Problem
from postrack.references import citation_problems
from postrack.yamlsource import Located


def manifest_problems(
    manifest: Manifest,
    doc: Located,
    parties: dict[str, PartyFile],
    located: dict[str, Located],
    sources: dict[str, Source],
) -> Iterator[Problem]:
    known = ", ".join(sorted(parties)) or "none"
    for k, pid in enumerate(manifest.parties):
        if pid not in parties:
            yield doc.problem(("parties", k), f"unknown party {pid!r} (known: {known})")
        if pid in manifest.parties[:k]:
            yield doc.problem(("parties", k), f"party {pid!r} is listed twice")
    bloc_ids: set[str] = set()
    for b, bloc in enumerate(manifest.blocs):
        at = ("blocs", b)
        if bloc.id in bloc_ids or bloc.id in parties:
            yield doc.problem((*at, "id"), f"bloc id {bloc.id!r} is already a bloc or party id")
        bloc_ids.add(bloc.id)
        for m, member in enumerate(bloc.members):
            if member not in parties:
                yield doc.problem((*at, "members", m), f"unknown party {member!r} (known: {known})")
            if member in bloc.members[:m]:
                yield doc.problem((*at, "members", m), f"party {member!r} is listed twice")
        if bloc.since and bloc.until and bloc.until < bloc.since:
            yield doc.problem((*at, "until"), f"the bloc ends ({bloc.until}) before it starts ({bloc.since})")
        if bloc.since is not None:
            yield from citation_problems(bloc.sources, bloc.since, "day", sources, doc, at)
    for b, bloc in enumerate(manifest.blocs):
        for other in manifest.blocs[b + 1 :]:
            shared = sorted(set(bloc.members) & set(other.members))
            overlap = _overlap(bloc.since, bloc.until, other.since, other.until)
            if shared and overlap:
                yield doc.problem(
                    ("blocs", b, "members"),
                    f"{', '.join(shared)} would be in blocs {bloc.id!r} and {other.id!r} at once",
                )
    if manifest.roles:
        for pid, party in parties.items():
            if party.party.role not in manifest.roles:
                yield located[pid].problem(
                    ("party", "role"),
                    f"role {party.party.role!r} is not in the manifest's roles ({', '.join(manifest.roles)})",
                )


def _overlap(a0: dt.date | None, a1: dt.date | None, b0: dt.date | None, b1: dt.date | None) -> bool:
    """Whether two date ranges (None: open-ended) share a day."""
    return (a0 or dt.date.min) <= (b1 or dt.date.max) and (b0 or dt.date.min) <= (a1 or dt.date.max)
