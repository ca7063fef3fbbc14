"""The loaded record of all parties, and the fold that gives each party's position as of a date."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import overload

from postrack.model import Condition, Issue, Manifest, PartyFile, Source, Statement
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
    statements: Sequence[StatementRef]

    def stance(self, option: str) -> Stance | None:
        held = self.stances.get(option)
        return held.stance if held else None

    def options(self, stance: Stance) -> list[str]:
        return [o for o, s in self.stances.items() if s.stance == stance]

    def conditions_on(self, option: str) -> list[ActiveCondition]:
        return [c for c in self.conditions.values() if option in c.condition.when]

    @property
    def latest(self) -> StatementRef:
        return self.statements[-1]

    @cached_property
    def made_of(self) -> tuple[object, ...]:
        """Which statements the position is made of: the one behind each stance and condition,
        the salience, and the latest. Two positions of one party on one issue of the same record
        (or of :meth:`Record.without` variants of it) that are made of the same are the same."""
        return (
            tuple(sorted((o, h.stance, h.ref.index) for o, h in self.stances.items())),
            tuple(sorted((c, a.ref.index) for c, a in self.conditions.items())),
            self.salience,
            self.salience_assumed,
            self.latest.index,
        )


class Prefix(Sequence[StatementRef]):
    """The first ``k`` statements of an issue, without copying them: a position is asked for on
    every day of a history or a gap line, and copying the prefix each time made that quadratic."""

    __slots__ = ("_k", "_refs")

    def __init__(self, refs: list[StatementRef], k: int) -> None:
        self._refs, self._k = refs, k

    def __len__(self) -> int:
        return self._k

    @overload
    def __getitem__(self, index: int) -> StatementRef: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[StatementRef, ...]: ...
    def __getitem__(self, index: int | slice) -> StatementRef | tuple[StatementRef, ...]:
        if isinstance(index, slice):
            return tuple(self._refs[i] for i in range(self._k)[index])
        return self._refs[range(self._k)[index]]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Prefix({self._k} statements)"


DEFAULT_SALIENCE = 5
"""Salience assumed until a party's statements give one (1 = marginal, 10 = existential)."""


@dataclass(frozen=True)
class ScenarioName:
    """A scenario overlaid on a record, so every output of the run can say which it is."""

    id: str
    """The scenario file's name without ``.yaml``."""
    title: str
    as_of: date


@dataclass(frozen=True)
class Record:
    """Everything loaded from a data folder: the catalogue, the sources, every party's file."""

    issues: dict[str, Issue]
    parties: dict[str, PartyFile]
    files: dict[str, str] = field(default_factory=dict)
    origins: dict[tuple[str, str, int], tuple[str, int]] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    manifest: Manifest = field(default_factory=Manifest)
    scenarios: tuple[ScenarioName, ...] = ()
    """The scenarios overlaid on the data, in the order applied (none: the record as filed)."""
    absent: frozenset[tuple[str, str, int]] = field(default=frozenset(), repr=False)
    """Statements (party, issue, index) treated as never made: see :meth:`without`."""
    _folds: dict[tuple[str, str], _Folds] = field(
        init=False, default_factory=dict, compare=False, repr=False, hash=False
    )

    def issue(self, issue_id: str) -> Issue:
        return self.issues[issue_id]

    def source(self, ref: str) -> Source | None:
        return self.sources.get(ref)

    def statements(self, party: str, issue: str) -> Iterator[StatementRef]:
        for index, st in enumerate(self.parties[party].positions.get(issue, [])):
            if self.absent and (party, issue, index) in self.absent:
                continue
            file, line = self.origins.get((party, issue, index), (self.files.get(party, ""), 0))
            yield StatementRef(party, issue, index, st, file, line)

    def all_statements(self) -> Iterator[StatementRef]:
        for party in sorted(self.parties):
            for issue in self.issues:
                yield from self.statements(party, issue)

    def position(self, party: str, issue: str, as_of: date) -> IssuePosition | None:
        """The party's position on ``issue`` from its statements dated on or before ``as_of``.

        Folded once per statement prefix and kept, so asking for many dates (history, diff, every
        command of a long record) costs one pass over the statements, not one per question.
        """
        folds = self._folds.get((party, issue))
        if folds is None:
            folds = self._folds[(party, issue)] = _Folds(party, issue, list(self.statements(party, issue)))
        return folds.at(as_of)

    def without(
        self, removed: Collection[tuple[str, str, int]], *, shared: dict[object, _Folds] | None = None
    ) -> Record:
        """The record as if the ``removed`` statements (party, issue, index) had never been made.

        Every engine then re-folds and re-reads exactly as for real data (robustness asks what a
        verdict rests on this way). Indices and locations stay those of the full record, and the
        folds of the (party, issue) pairs nothing was removed from are shared, not redone; with
        ``shared``, so are those of pairs missing the same statements in another variant."""
        absent = self.absent | frozenset(removed)
        world = replace(self, absent=absent)
        missing: dict[tuple[str, str], set[int]] = {}
        for party, issue, index in absent:
            missing.setdefault((party, issue), set()).add(index)
        world._folds.update((k, v) for k, v in self._folds.items() if k not in missing)
        if shared is not None:
            for (party, issue), indices in missing.items():
                key = (party, issue, frozenset(indices))
                if key not in shared:
                    shared[key] = _Folds(party, issue, list(world.statements(party, issue)))
                world._folds[(party, issue)] = shared[key]
        return world

    def dates(self) -> list[date]:
        """Every date on which some statement was made, sorted."""
        return sorted({r.date for r in self.all_statements()})


class _Folds:
    """Positions of one party on one issue after each prefix of its statements, folded on demand."""

    def __init__(self, party: str, issue: str, refs: list[StatementRef]) -> None:
        self.party, self.issue = party, issue
        self.refs = sorted(refs, key=lambda r: (r.date, r.index))
        self.dates = [r.date for r in self.refs]
        self.stances: dict[str, OptionStance] = {}
        self.conditions: dict[str, ActiveCondition] = {}
        self.salience: int | None = None
        self.done: list[tuple[dict[str, OptionStance], dict[str, ActiveCondition], int | None]] = []
        self.read: dict[tuple[int, date], IssuePosition] = {}
        """Positions already asked for, by prefix and date: each is made once."""

    def at(self, as_of: date) -> IssuePosition | None:
        k = bisect_right(self.dates, as_of)
        if not k:
            return None
        if (k, as_of) not in self.read:
            self.read[(k, as_of)] = self.after(k, as_of)
        return self.read[(k, as_of)]

    def after(self, k: int, as_of: date) -> IssuePosition:
        """The position once the first ``k`` statements (k >= 1) are folded, read as of ``as_of``."""
        while len(self.done) < k:
            self._apply(self.refs[len(self.done)].statement)
            self.done.append((dict(self.stances), dict(self.conditions), self.salience))
        stances, conditions, salience = self.done[k - 1]
        return IssuePosition(
            party=self.party,
            issue=self.issue,
            as_of=as_of,
            stances=dict(stances),
            salience=salience if salience is not None else DEFAULT_SALIENCE,
            salience_assumed=salience is None,
            conditions=dict(conditions),
            statements=Prefix(self.refs, k),
        )

    def _apply(self, st: Statement) -> None:
        """Later stances on an option replace earlier ones; ``reset`` clears the issue first."""
        if st.reset:
            self.stances.clear()
            self.conditions.clear()
        for stance in STANCES:
            for option in st.stance_lists()[stance]:
                self.stances[option] = OptionStance(option, stance, self.refs[len(self.done)])
        for option in st.withdrawn:
            self.stances.pop(option, None)
        for dropped in st.drop_conditions:
            self.conditions.pop(dropped, None)
        for cond in st.conditions:
            self.conditions[cond.id] = ActiveCondition(cond, self.refs[len(self.done)])
        if st.salience is not None:
            self.salience = st.salience


def fold_each(party: str, issue: str, refs: list[StatementRef]) -> list[IssuePosition]:
    """The position after each statement of ``refs`` in date order, each read as of its own date."""
    folds = _Folds(party, issue, refs)
    return [folds.after(k, ref.date) for k, ref in enumerate(folds.refs, start=1)]
