"""One document, several issues: a party file's ``documents`` become ordinary statements.

A framework agreement or a memorandum takes stances on many issues at once, with one date, one
summary and one source list. Writing it once under ``documents`` (shared fields, then ``issues:``
with the stances per issue) saves re-entering it per issue. The expansion runs on the raw YAML,
before validation, so everything downstream sees plain statements; each expanded statement is
placed after the statements of its issue dated on or before it, and every problem found in it is
located at the document's own lines and named by the document's own field path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from postrack.yamlsource import Located, Path_

SHARED = ("date", "date_precision", "said", "summary", "sources", "confidence", "note")
"""Fields a document gives every issue it covers; an issue may override summary, confidence, note."""


def expand_documents(doc: Located) -> Located:
    """``doc`` with each well-formed document merged into ``positions``.

    A malformed document (not a mapping, or without an ``issues`` mapping of mappings) is left under
    ``documents`` so that validation reports it where it is.
    """
    data = doc.data
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list) or not documents:
        return doc
    positions = data.get("positions", {})
    if not isinstance(positions, dict):
        return doc
    merged: dict[Any, list[tuple[Any, _Origin]]] = {
        issue: [(st, _Origin(("positions", issue, i))) for i, st in enumerate(sts)]
        if isinstance(sts, list)
        else sts
        for issue, sts in positions.items()
    }
    kept: list[int] = []
    for d, document in enumerate(documents):
        if not _well_formed(document):
            kept.append(d)
            continue
        shared = {k: v for k, v in document.items() if k in SHARED}
        for issue, stances in document["issues"].items():
            entries = merged.setdefault(issue, [])
            if not isinstance(entries, list):
                continue
            statement = {**shared, **stances}
            at = _after(entries, shared.get("date"))
            entries.insert(at, (statement, _Origin(("documents", d, "issues", issue), frozenset(stances))))
    origin: dict[Path_, _Origin] = {}
    out_positions: dict[Any, Any] = {}
    for issue, entries in merged.items():
        if not isinstance(entries, list):
            out_positions[issue] = entries
            continue
        out_positions[issue] = [st for st, _ in entries]
        origin.update({("positions", issue, k): src for k, (_, src) in enumerate(entries)})
    out = {k: v for k, v in data.items() if k != "documents"}
    out["positions"] = out_positions
    if kept:
        out["documents"] = [documents[d] for d in kept]
    return replace(doc, data=out, translate=_Translate(origin, tuple(kept)))


def _well_formed(document: Any) -> bool:
    issues = document.get("issues") if isinstance(document, dict) else None
    return isinstance(issues, dict) and bool(issues) and all(isinstance(v, dict) for v in issues.values())


def _after(entries: list[tuple[Any, _Origin]], date: Any) -> int:
    """Index after the last statement dated on or before ``date`` (the end if dates are unreadable)."""
    if not isinstance(date, dt.date):
        return len(entries)
    for k in range(len(entries), 0, -1):
        earlier = entries[k - 1][0].get("date") if isinstance(entries[k - 1][0], dict) else None
        if not isinstance(earlier, dt.date) or earlier <= date:
            return k
    return 0


@dataclass(frozen=True)
class _Origin:
    """Where an expanded statement was written: its own path, or its document's issue entry plus
    the keys that entry sets itself (the rest come from the document)."""

    path: Path_
    own: frozenset[str] = frozenset()


class _Translate:
    """Maps a path in the expanded data back to the path the user wrote."""

    def __init__(self, origin: dict[Path_, _Origin], kept: tuple[int, ...]) -> None:
        self._origin = origin
        self._kept = kept
        """The written index of each document left unexpanded, in the order they are kept."""

    def __call__(self, path: Path_) -> Path_:
        if len(path) >= 3 and path[0] == "positions":
            origin = self._origin.get(tuple(path[:3]))
            if origin is None:
                return path
            rest = path[3:]
            if origin.path[0] == "documents" and rest and rest[0] in SHARED and rest[0] not in origin.own:
                return (*origin.path[:2], *rest)
            return (*origin.path, *rest)
        if len(path) >= 2 and path[0] == "documents" and isinstance(path[1], int):
            k = path[1]
            return ("documents", self._kept[k] if k < len(self._kept) else k, *path[2:])
        return path
