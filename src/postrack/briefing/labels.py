"""Human names for ids: a memo says "Ceasefire once a framework is agreed", not ``on_framework``."""

from __future__ import annotations

from dataclasses import dataclass

from postrack.model import Condition
from postrack.record import Record
from postrack.stance import connective


@dataclass(frozen=True)
class Labels:
    record: Record

    def party(self, party: str) -> str:
        found = self.record.parties.get(party)
        if found:
            return found.party.name
        return next((b.name for b in self.record.manifest.blocs if b.id == party), party)

    def pair(self, parties: tuple[str, str]) -> str:
        return " × ".join(self.party(p) for p in parties)

    def issue(self, issue: str) -> str:
        found = self.record.issues.get(issue)
        return found.title if found else issue

    def option(self, issue: str, option: str) -> str:
        found = self.record.issues.get(issue)
        label = next((o.label for o in found.options if o.id == option), None) if found else None
        return label or option

    def options(self, issue: str, options: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        return tuple(self.option(issue, o) for o in options)

    def condition(self, issue: str, condition: Condition) -> str:
        """E.g. "Immediate only if Military aid: Halted or Paused; or Sanctions: Lifted"; a condition
        that falls back to unstated reads "if", not "only if" (docs/data-format.md)."""
        when = " or ".join(self.options(issue, condition.when))
        needs = "; or ".join(
            f"{self.issue(r.issue)}: {' or '.join(self.options(r.issue, r.options))}"
            for r in condition.requires
        )
        return f"{when} {connective(condition)} {needs}"


def joined(items: list[str] | tuple[str, ...]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


LIST_LIMIT = 4
"""Beyond this many items a sentence names the first ones and counts the rest."""


def some(items: list[str]) -> str:
    """ "a, b, c and d", or "a, b, c, d and 5 more"."""
    if len(items) <= LIST_LIMIT:
        return joined(items)
    return ", ".join(items[:LIST_LIMIT]) + f" and {len(items) - LIST_LIMIT} more"
