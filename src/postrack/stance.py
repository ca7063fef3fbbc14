"""The stance model: the one reading of what a party's statements say about each option.

Every engine (compare, zones, tracker, stability bridge, briefing) reads stances through this
module and nowhere else, so a verdict in one cannot contradict a verdict in another. The reading,
in plain words (docs/data-format.md, "The stance model"):

- Each option of an issue is exactly one *level* on a ladder, weakest support first:
  ``red_line`` < ``unstated`` < ``conditional`` < ``accepted``. A demand is accepted; it also
  marks the party's *ideal*, which moves no verdict.
- An accepted or demanded option with conditions on it is ``conditional``: in a package where every
  one of its conditions holds it is accepted; where one fails it falls back to that condition's
  ``otherwise`` (the weakest fallback when several fail). Conditions on an option the party
  red-lines or never accepted change nothing.
- A party with statements on an issue but no option set (after a ``reset``, or only option-less
  statements) has **no stance**, exactly like a party that never spoke.
- *Softening* is a move up for some option and down for none, where an option is read in every
  package: its level where its conditions hold and where they fail (so fewer conditions, or a
  fallback moved up, soften; a conditional acceptance falling back to a red line does not soften
  an option that was merely unstated). *Hardening* is the reverse. This is the order the laws of
  tests/test_laws.py check across compare, zones and the tracker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from postrack.model import Condition, Issue
from postrack.model.parties import Stance
from postrack.record import IssuePosition

Level = Literal["red_line", "unstated", "conditional", "accepted"]
LADDER: tuple[Level, ...] = ("red_line", "unstated", "conditional", "accepted")
RANK: dict[Level, int] = {level: k for k, level in enumerate(LADDER)}

Verdict = Literal["endorsed", "open", "blocked"]
"""How a condition stands with a counterpart: it wants an outcome that meets it, it red-lines every
way to meet it, or neither (the condition depends on a third party or on what it has not said)."""

Movement = Literal["opening", "softening", "hardening", "reframing", "reaffirmed"]


@dataclass(frozen=True)
class Reading:
    """One party's stances on one issue: stances by option, and the conditions in force."""

    issue: Issue
    stances: Mapping[str, Stance]
    conditions: tuple[Condition, ...] = ()

    @property
    def has_stance(self) -> bool:
        return bool(self.stances)

    def level(self, option: str) -> Level:
        stance = self.stances.get(option)
        if stance is None:
            return "unstated"
        if stance == "red_line":
            return "red_line"
        return "conditional" if self.conditions_on(option) else "accepted"

    def demanded(self) -> tuple[str, ...]:
        return tuple(o for o in self.issue.option_ids() if self.stances.get(o) == "demand")

    def conditions_on(self, option: str) -> tuple[Condition, ...]:
        """The conditions that bind ``option``: only options the party accepts carry conditions."""
        if self.stances.get(option) not in ("demand", "acceptable"):
            return ()
        return tuple(c for c in self.conditions if option in c.when)

    def at_least(self, level: Level) -> tuple[str, ...]:
        """The options at ``level`` or above, in scale order."""
        return tuple(o for o in self.issue.option_ids() if RANK[self.level(o)] >= RANK[level])

    def fallback(self, option: str, failing: Iterable[Condition] | None = None) -> Level:
        """Where ``option`` falls when ``failing`` (default: all its conditions) do not hold."""
        fails = self.conditions_on(option) if failing is None else tuple(failing)
        return min((c.otherwise for c in fails), key=RANK.__getitem__, default=self.level(option))

    def level_in(self, option: str, package: Mapping[str, str], *, unsettled_meets: bool = False) -> Level:
        """The level of ``option`` once the other issues are settled as in ``package``.

        An issue ``package`` leaves open meets no alternative, unless ``unsettled_meets`` (a model
        that cannot see that issue gives the party the benefit of the doubt)."""
        level = self.level(option)
        if level != "conditional":
            return level
        failing = [
            c for c in self.conditions_on(option) if not holds(c, package, unsettled_meets=unsettled_meets)
        ]
        return self.fallback(option, failing) if failing else "accepted"

    def steps(self, option: str, floor: Level) -> int:
        """Scale steps from ``option`` to the nearest option at ``floor`` or above (its distance
        from what the party supports): 0 when it is there already; on an unordered issue 1; with
        nothing at ``floor``, the width of the scale."""
        if RANK[self.level(option)] >= RANK[floor]:
            return 0
        ids = self.issue.option_ids()
        supported = [ids.index(o) for o in self.at_least(floor)]
        if not self.issue.ordered:
            return 1
        if not supported:
            return max(1, len(ids) - 1)
        return min(abs(ids.index(option) - k) for k in supported)


def holds(condition: Condition, package: Mapping[str, str], *, unsettled_meets: bool = False) -> bool:
    """True when ``package`` (issue → option) meets one of the condition's alternatives.

    An alternative on an issue the package does not settle counts as not met (as met with
    ``unsettled_meets``)."""
    return any(
        package[r.issue] in r.options if r.issue in package else unsettled_meets for r in condition.requires
    )


def connective(condition: Condition) -> str:
    """How to word a condition: "only if" when the options are rejected otherwise, "if" when the
    party has said nothing about the other case."""
    return "only if" if condition.otherwise == "red_line" else "if"


def verdict(condition: Condition, counterpart: Callable[[str], Reading | None]) -> Verdict:
    """How ``condition`` stands with a counterpart whose readings ``counterpart(issue)`` gives."""
    readings = [(r, counterpart(r.issue)) for r in condition.requires]
    if any(c is not None and any(c.level(o) == "accepted" for o in r.options) for r, c in readings):
        return "endorsed"
    if all(c is not None and all(c.level(o) == "red_line" for o in r.options) for r, c in readings):
        return "blocked"
    return "open"


def compare_options(before: Reading, after: Reading, option: str) -> int | None:
    """+1 when ``option`` stands higher in ``after`` in every package, -1 lower, 0 the same, None
    when it rises in some packages and falls in others.

    An option is read as a pair: its level where its conditions hold and where they fail. So a
    conditional acceptance that falls back to a red line is *not* a softening of an unstated option
    (where the condition fails it is now rejected), while one that falls back to unstated is."""
    signs = {_sign(RANK[_held(after, option)] - RANK[_held(before, option)])}
    signs.add(_sign(RANK[_failed(after, option)] - RANK[_failed(before, option)]))
    if before.level(option) == after.level(option) == "conditional":
        old = {_key(c): c.otherwise for c in before.conditions_on(option)}
        new = {_key(c): c.otherwise for c in after.conditions_on(option)}
        signs |= {1 for k in old if k not in new} | {-1 for k in new if k not in old}
        signs |= {_sign(RANK[new[k]] - RANK[old[k]]) for k in old.keys() & new.keys()}
    signs.discard(0)
    if len(signs) > 1:
        return None
    return signs.pop() if signs else 0


def _held(reading: Reading, option: str) -> Level:
    """The option's level where all its conditions hold."""
    level = reading.level(option)
    return "accepted" if level == "conditional" else level


def _failed(reading: Reading, option: str) -> Level:
    """The option's level where all its conditions fail."""
    return reading.fallback(option) if reading.level(option) == "conditional" else reading.level(option)


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


def _key(condition: Condition) -> str:
    """A condition's identity and requirements, without its fallback (compared on its own)."""
    return condition.model_dump_json(include={"id", "requires"})


def of_position(issue: Issue, position: IssuePosition | None) -> Reading | None:
    """The reading of a folded position; None when the party has no stance on the issue."""
    if position is None or not position.stances:
        return None
    stances = {o: held.stance for o, held in position.stances.items()}
    return Reading(issue, stances, tuple(a.condition for _, a in sorted(position.conditions.items())))


def movement(before: Reading | None, after: Reading) -> tuple[Movement, tuple[str, ...]]:
    """The pointwise ladder order of two readings, with the options that moved.

    A party that accepted nothing before and now accepts something *opens*: it states what it wants
    for the first time, which is not a concession (a first demand is not softening).
    """
    if before is None or not before.has_stance:
        return "opening", ()
    if not before.at_least("conditional") and after.at_least("conditional"):
        return "opening", ()
    moves = {o: compare_options(before, after, o) for o in before.issue.option_ids()}
    reasons = tuple(
        f"{o}: {before.level(o).replace('_', ' ')} → {after.level(o).replace('_', ' ')}"
        if before.level(o) != after.level(o)
        else f"{o}: conditions {'eased' if m == 1 else 'tightened' if m == -1 else 'changed'}"
        for o, m in moves.items()
        if m != 0
    )
    signs = set(moves.values()) - {0}
    if not signs:
        return "reaffirmed", reasons
    if signs == {1}:
        return "softening", reasons
    if signs == {-1}:
        return "hardening", reasons
    return "reframing", reasons
