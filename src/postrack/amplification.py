"""A bound on how much text reports can repeat, checked once when a folder is loaded.

Every text value is at most :data:`~postrack.yamlsource.MAX_TEXT_CHARS` long, but reports repeat
a source's outlet, title and URL for every statement citing it: a 10,000-character title cited by
100,000 statements would make ``history -f md`` print a gigabyte. Summing what the citations repeat
bounds every report's size before any report is built, so a hostile folder is refused in one
clear message instead of exhausting memory halfway through rendering.
"""

from __future__ import annotations

from collections.abc import Mapping

from postrack.model import PartyFile, Source
from postrack.problems import Problem

MAX_CITED_CHARS = 64_000_000
"""Characters of source text all citations together may repeat (about 64 MB of report)."""


def cited_text_problem(
    parties: Mapping[str, PartyFile], sources: Mapping[str, Source], sources_file: str
) -> Problem | None:
    """A problem on the sources file when the citations would repeat more than the limit."""
    lengths = {sid: len(s.outlet) + len(s.title) + len(s.url) for sid, s in sources.items()}
    total = 0
    for party in parties.values():
        for statements in party.positions.values():
            for statement in statements:
                for citation in statement.sources:
                    total += lengths.get(citation.ref, 0) + len(citation.quote) + len(citation.paraphrase)
    if total <= MAX_CITED_CHARS:
        return None
    return Problem(
        sources_file,
        message=f"refused: the statements' citations repeat {total:,} characters of source text"
        f" (over the {MAX_CITED_CHARS:,} limit); shorten the long titles, quotes or paraphrases",
    )
