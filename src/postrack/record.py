"""The loaded record of all parties, and the fold that gives each party's position as of a date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from postrack.model import Condition, Issue, PartyFile, Source, Statement
from postrack.model.parties import STANCES, Stance
from postrack.problems import Problem


@dataclass(frozen=True)
class StatementRef:
    """A statement together with where it lives, so any result can cite and locate it."""

    party: str
    issue: str
    index: int
    statement: Statement
    file: str = ""
    line: int = 0

    @property
    def date(self) -> date:
        return self.statement.date


@dataclass(frozen=True)
class OptionStance:
    option: str
    stance: Stance
    ref: StatementRef


@dataclass(frozen=True)
class ActiveCondition:
    condition: Condition
    ref: StatementRef


@dataclass(frozen=True)
class IssuePosition:
    """A party's stance on one issue as of a date: the fold of its statements up to then."""

    party: str
    issue: str
    as_of: date
    stances: dict[str, OptionStance]
    salience: int
    salience_assumed: bool
    conditions: dict[str, ActiveCondition]
    statements: tuple[StatementRef, ...]

    def stance(self, option: str) -> Stance | None:
        held = self.stances.get(option)
        return held.stance if held else None

    def accepts(self, option: str) -> bool:
        return self.stance(option) in ("demand", "acceptable")

    def rejects(self, option: str) -> bool:
        return self.stance(option) == "red_line"

    def options(self, stance: Stance) -> list[str]:
        return [o for o, s in self.stances.items() if s.stance == stance]

    def conditions_on(self, option: str) -> list[ActiveCondition]:
        return [c for c in self.conditions.values() if option in c.condition.when]

    @property
    def latest(self) -> StatementRef:
        return self.statements[-1]


DEFAULT_SALIENCE = 5
"""Salience assumed until a party's statements give one (1 = marginal, 10 = existential)."""


@dataclass(frozen=True)
class Record:
    """Everything loaded from a data folder: the issue catalogue and every party's file."""

    issues: dict[str, Issue]
    parties: dict[str, PartyFile]
    files: dict[str, str] = field(default_factory=dict)
    origins: dict[tuple[str, str, int], tuple[str, int]] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    def issue(self, issue_id: str) -> Issue:
        return self.issues[issue_id]

    def source(self, party: str, ref: str) -> Source | None:
        return next((s for s in self.parties[party].sources if s.id == ref), None)

    def statements(self, party: str, issue: str) -> Iterator[StatementRef]:
        for index, st in enumerate(self.parties[party].positions.get(issue, [])):
            file, line = self.origins.get((party, issue, index), (self.files.get(party, ""), 0))
            yield StatementRef(party, issue, index, st, file, line)

    def all_statements(self) -> Iterator[StatementRef]:
        for party in sorted(self.parties):
            for issue in self.issues:
                yield from self.statements(party, issue)

    def position(self, party: str, issue: str, as_of: date) -> IssuePosition | None:
        """The party's position on ``issue`` from its statements dated on or before ``as_of``."""
        refs = [r for r in self.statements(party, issue) if r.date <= as_of]
        if not refs:
            return None
        return fold(party, issue, as_of, refs)

    def dates(self) -> list[date]:
        """Every date on which some statement was made, sorted."""
        return sorted({r.date for r in self.all_statements()})


def fold(party: str, issue: str, as_of: date, refs: list[StatementRef]) -> IssuePosition:
    """Apply statements in order: later stances on an option replace earlier ones."""
    stances: dict[str, OptionStance] = {}
    conditions: dict[str, ActiveCondition] = {}
    salience: int | None = None
    for ref in sorted(refs, key=lambda r: (r.date, r.index)):
        st = ref.statement
        if st.reset:
            stances.clear()
            conditions.clear()
        for stance in STANCES:
            for option in st.stance_lists()[stance]:
                stances[option] = OptionStance(option, stance, ref)
        for option in st.withdrawn:
            stances.pop(option, None)
        for dropped in st.drop_conditions:
            conditions.pop(dropped, None)
        for cond in st.conditions:
            conditions[cond.id] = ActiveCondition(cond, ref)
        if st.salience is not None:
            salience = st.salience
    return IssuePosition(
        party=party,
        issue=issue,
        as_of=as_of,
        stances=stances,
        salience=salience if salience is not None else DEFAULT_SALIENCE,
        salience_assumed=salience is None,
        conditions=conditions,
        statements=tuple(sorted(refs, key=lambda r: (r.date, r.index))),
    )
