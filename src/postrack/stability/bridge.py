"""Build a stability model from the tracked positions as of a date.

Which issues: the few most contested among the chosen parties. For each issue on which at least
two of them have a position, take the option that comes closest to common ground (the best
worst-off stance utility, ties to the higher salience-weighted total) and score the issue by how
far each party stays from it: sum of salience x (1 - utility). The highest scores win (ties in
catalogue order); ``--issues`` chooses them by hand instead.

Which options: a party's options are the concessions the stance model (:mod:`postrack.stance`)
offers it. On each chosen issue it gets one, "accept X": of the options it does not accept yet
and another party accepts (a compromise counts, not only the other side's demand), the one
nearest on the scale to what it accepts (an intermediate step before the far end), then the one
more parties accept, then one it does not red-line. An issue is settled on the option every
party with a stance on it accepts (including what it has conceded); otherwise it stays unsettled.

Which preferences: salience-weighted utilities of the settled options by their level (demanded
1.0, accepted 0.6, unstated 0.3, red line -4.0; a conditional option whose condition the state
leaves unmet falls back to its ``otherwise``; a condition on an issue outside the model counts as
met), and the party's ``no_deal`` utility for an unsettled issue. States are ranked by that
total, equal totals tied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from postrack.model.stability import DecisionMakerSpec, ModelFile, OptionSpec
from postrack.problems import UsageError, UserError
from postrack.record import Record
from postrack.stability.patterns import format_state
from postrack.stance import RANK, Level, Reading, of_position
from postrack.zones.utility import DEMANDED, LEVEL_UTILITY, UNSTATED

RED_LINE_UTILITY = -4.0
"""Far below any signable outcome: a package over a party's red line is worse for it than no move."""
UTILITY: dict[Level, float] = {
    **{level: value / 1000 for level, value in LEVEL_UTILITY.items()},
    "unstated": UNSTATED / 1000,
    "red_line": RED_LINE_UTILITY,
}
"""The deal-zone engine's utilities by level (see ``postrack.zones.utility``), with red lines penalised."""
_UNSETTLED = "\0unsettled"  # a value no requirement names: an unsettled issue meets no condition
DEFAULT_ISSUE_COUNT = 3
MAX_OPTIONS = 12


@dataclass(frozen=True)
class ChosenIssue:
    issue: str
    contest: float
    common_ground: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Concession:
    party: str
    issue: str
    option: str
    id: str


@dataclass(frozen=True)
class Held:
    """A party's reading of an issue with its salience: all the bridge knows of a position."""

    reading: Reading
    salience: int


@dataclass(frozen=True)
class Bridge:
    """The generated model and what it was built from."""

    model: ModelFile
    as_of: date
    issues: tuple[ChosenIssue, ...]
    concessions: tuple[Concession, ...]
    utilities: dict[str, tuple[float, ...]]
    """Each decision maker's utility of every state, indexed by state number."""
    dropped: tuple[Concession, ...] = ()
    """Concessions left out to stay within the engine's limit (the least salient to their party)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "issues": [
                {
                    "issue": i.issue,
                    "contest": i.contest,
                    "common_ground": i.common_ground,
                    "parties": list(i.parties),
                }
                for i in self.issues
            ],
            "options": [
                {"id": c.id, "party": c.party, "issue": c.issue, "accepts": c.option}
                for c in self.concessions
            ],
            "dropped": [
                {"id": c.id, "party": c.party, "issue": c.issue, "accepts": c.option} for c in self.dropped
            ],
        }


def build_model(record: Record, parties: list[str], as_of: date, issues: list[str] | None = None) -> Bridge:
    """The stability model of ``parties`` on the chosen issues as of ``as_of``; UserError if too thin."""
    positions = {
        (p, i): Held(reading, pos.salience)
        for p in parties
        for i in record.issues
        if (pos := record.position(p, i, as_of)) is not None
        and (reading := of_position(record.issues[i], pos)) is not None
    }
    scored = {i: s for i in record.issues if (s := _contest(record, positions, parties, i)) is not None}
    chosen = _choose(record, scored, issues, as_of)
    concessions = [
        c for issue in chosen for p in issue.parties if (c := _concession(record, positions, issue, p))
    ]
    dropped: list[Concession] = []
    if len(concessions) > MAX_OPTIONS:  # keep the concessions on what matters most to the conceder
        ranked = sorted(
            concessions, key=lambda c: (-positions[(c.party, c.issue)].salience, concessions.index(c))
        )
        dropped = ranked[MAX_OPTIONS:]
        concessions = [c for c in concessions if c not in dropped]
    movers = [p for p in parties if any(c.party == p for c in concessions)]
    concessions = [c for p in movers for c in concessions if c.party == p]  # model order: by decision maker
    if len(movers) < 2:
        raise UserError.single(
            f"as of {as_of}, fewer than two of the parties have anything to concede on"
            f" {', '.join(i.issue for i in chosen)}: nothing to analyse"
        )
    utilities = _utilities(record, positions, chosen, concessions, movers)
    dms = [
        DecisionMakerSpec(
            id=p,
            name=record.parties[p].party.name,
            options=[_option_spec(record, c) for c in concessions if c.party == p],
            ranking=_ranking(utilities[p], len(concessions)),
        )
        for p in movers
    ]
    described = "; ".join(f"{i.issue} (contest {i.contest:g})" for i in chosen)
    model = ModelFile(
        title=f"Tracked positions as of {as_of.isoformat()}",
        description=f"Generated from the positions data. Issues: {described}. Each option is a concession.",
        decision_makers=dms,
        status_quo="N" * len(concessions),
    )
    return Bridge(model, as_of, tuple(chosen), tuple(concessions), utilities, tuple(dropped))


def _utility(reading: Reading, option: str, settled: dict[str, str | None]) -> float:
    package = {i: o if o is not None else _UNSETTLED for i, o in settled.items()}
    level = reading.level_in(option, package, unsettled_meets=True)
    if level == "accepted" and option in reading.demanded():
        return DEMANDED / 1000
    return UTILITY[level]


def _contest(
    record: Record, positions: dict[tuple[str, str], Held], parties: list[str], issue: str
) -> ChosenIssue | None:
    holders = tuple(p for p in parties if (p, issue) in positions)
    if len(holders) < 2:
        return None

    def standing(option: str) -> tuple[float, float]:
        utilities = [_utility(positions[(p, issue)].reading, option, {}) for p in holders]
        weighted = sum(positions[(p, issue)].salience * u for p, u in zip(holders, utilities, strict=True))
        return min(utilities), weighted

    options = record.issues[issue].option_ids()
    ground = max(options, key=lambda o: (standing(o), -options.index(o)))
    contest = sum(
        positions[(p, issue)].salience * (1 - _utility(positions[(p, issue)].reading, ground, {}))
        for p in holders
    )
    return ChosenIssue(issue, round(contest, 6), ground, holders)


def _choose(
    record: Record, scored: dict[str, ChosenIssue], wanted: list[str] | None, as_of: date
) -> list[ChosenIssue]:
    if wanted is None:
        order = list(record.issues)
        ranked = sorted(scored.values(), key=lambda c: (-c.contest, order.index(c.issue)))
        chosen = [c for c in ranked if c.contest > 0][:DEFAULT_ISSUE_COUNT]
        if not chosen:
            raise UserError.single(f"as of {as_of}, the parties disagree on no issue: nothing to analyse")
        return sorted(chosen, key=lambda c: order.index(c.issue))
    unknown = [i for i in wanted if i not in record.issues]
    if unknown:
        raise UsageError.single(f"--issues: unknown issue {', '.join(map(repr, unknown))}")
    thin = [i for i in wanted if i not in scored]
    if thin:
        raise UserError.single(
            f"--issues: fewer than two of the parties have a position on {', '.join(thin)} as of {as_of}"
        )
    return [scored[i] for i in wanted]


def _concession(
    record: Record, positions: dict[tuple[str, str], Held], issue: ChosenIssue, party: str
) -> Concession | None:
    """The stance model's next concession for ``party``: see the module docstring."""
    own = positions[(party, issue.issue)].reading
    others = [positions[(p, issue.issue)].reading for p in issue.parties if p != party]
    options = record.issues[issue.issue].option_ids()
    backers = {o: sum(RANK[r.level(o)] >= RANK["conditional"] for r in others) for o in options}
    wanted = [o for o in options if RANK[own.level(o)] < RANK["conditional"] and backers[o]]
    if not wanted:
        return None
    option = min(
        wanted,
        key=lambda o: (
            own.steps(o, "conditional"),
            -backers[o],
            own.level(o) == "red_line",
            options.index(o),
        ),
    )
    ident = f"{party}_accepts_{issue.issue}_{option}"
    if len(ident) > 64:
        ident = f"{party}_accepts_{issue.issue}_{options.index(option) + 1}"[:64]
    return Concession(party, issue.issue, option, ident)


def _option_spec(record: Record, concession: Concession) -> OptionSpec:
    issue = record.issues[concession.issue]
    label = next(o.label for o in issue.options if o.id == concession.option)
    who = record.parties[concession.party].party.name
    return OptionSpec(id=concession.id, label=f"{who} accepts '{label}' on {issue.title}")


def _utilities(
    record: Record,
    positions: dict[tuple[str, str], Held],
    chosen: list[ChosenIssue],
    concessions: list[Concession],
    movers: list[str],
) -> dict[str, tuple[float, ...]]:
    """Each mover's salience-weighted utility of every state (every combination of concessions)."""
    totals: dict[str, list[float]] = {p: [] for p in movers}
    for state in range(1 << len(concessions)):
        taken = [c for k, c in enumerate(concessions) if state >> k & 1]
        settled = {i.issue: _settle(record, positions, i, taken) for i in chosen}
        for p in movers:
            total = 0.0
            for issue in chosen:
                if p not in issue.parties:
                    continue
                position = positions[(p, issue.issue)]
                outcome = settled[issue.issue]
                value = (
                    record.parties[p].party.no_deal
                    if outcome is None
                    else _utility(position.reading, outcome, settled)
                )
                total += position.salience * value
            totals[p].append(round(total, 9))
    return {p: tuple(values) for p, values in totals.items()}


def _ranking(utilities: tuple[float, ...], count: int) -> list[str | list[str]]:
    """All states best first, equal utilities grouped as ties."""
    groups: dict[float, list[str]] = {}
    for state, value in enumerate(utilities):
        groups.setdefault(value, []).append(format_state(state, count))
    return [group for _, group in sorted(groups.items(), reverse=True)]


def _settle(
    record: Record,
    positions: dict[tuple[str, str], Held],
    issue: ChosenIssue,
    taken: list[Concession],
) -> str | None:
    """The option every party with a position accepts, if any (the most valued one when several)."""
    options = record.issues[issue.issue].option_ids()
    common = [
        o
        for o in options
        if all(
            RANK[positions[(p, issue.issue)].reading.level(o)] >= RANK["conditional"]
            or any(c.party == p and c.issue == issue.issue and c.option == o for c in taken)
            for p in issue.parties
        )
    ]
    if not common:
        return None
    return max(
        common,
        key=lambda o: (
            sum(
                positions[(p, issue.issue)].salience * _utility(positions[(p, issue.issue)].reading, o, {})
                for p in issue.parties
            ),
            -options.index(o),
        ),
    )
