"""Small generated records for robustness checks: few enough statements and sources that every
world can be enumerated, with conditions linking issues and sources shared between statements."""

from __future__ import annotations

import random
from datetime import date, timedelta

from postrack.model import (
    Citation,
    Condition,
    Issue,
    Option,
    PartyFile,
    PartyInfo,
    Requirement,
    Source,
    Statement,
)
from postrack.record import Record

START = date(2025, 1, 1)
AS_OF = date(2025, 12, 31)
PARTIES = ("alpha", "beta", "gamma")


def small_record(seed: int, statements: int = 6, sources: int = 3, issues: int = 3) -> Record:
    """A record of three parties on ``issues`` issues with ``statements`` statements citing
    ``sources`` sources of mixed reliability, all within 2025; deterministic in ``seed``."""
    rng = random.Random(seed)
    catalogue = {
        f"i{k}": Issue(
            id=f"i{k}",
            title=f"Issue {k}",
            ordered=rng.random() < 0.5,
            options=[Option(id=f"o{j}", label=f"Option {j}") for j in range(3)],
        )
        for k in range(issues)
    }
    registry = {
        f"s{k}": Source(
            id=f"s{k}", outlet=f"Outlet {k}", reliability=rng.choice(["primary", "secondary", "weak"])
        )
        for k in range(sources)
    }
    per_party: dict[str, dict[str, list[Statement]]] = {p: {} for p in PARTIES}
    for n in range(statements):
        party = PARTIES[n % len(PARTIES)] if n < len(PARTIES) else rng.choice(PARTIES)
        issue = rng.choice(list(catalogue))
        day = n * 360 // statements
        per_party[party].setdefault(issue, []).append(_statement(rng, catalogue, issue, registry, n, day))
    parties = {
        p: PartyFile(party=PartyInfo(id=p, name=p.title(), role="party"), positions=positions)
        for p, positions in per_party.items()
    }
    for p in parties.values():
        for sts in p.positions.values():
            sts.sort(key=lambda s: s.date)
    return Record(issues=catalogue, parties=parties, sources=registry)


def _statement(
    rng: random.Random, issues: dict[str, Issue], issue: str, registry: dict[str, Source], n: int, day: int
) -> Statement:
    options = issues[issue].option_ids()
    lists: dict[str, list[str]] = {"demand": [], "acceptable": [], "red_line": []}
    for option in options:
        stance = rng.choice(["demand", "acceptable", "red_line", None, None])
        if stance:
            lists[stance].append(option)
    if not any(lists.values()):
        lists["acceptable"].append(options[0])
    conditions = []
    accepted = lists["demand"] + lists["acceptable"]
    if accepted and rng.random() < 0.4:
        other = rng.choice([i for i in issues if i != issue])
        conditions.append(
            Condition(
                id=f"c{n}",
                when=[accepted[0]],
                requires=[Requirement(issue=other, options=[rng.choice(issues[other].option_ids())])],
                otherwise=rng.choice(["red_line", "unstated"]),
            )
        )
    cited = rng.sample(sorted(registry), k=rng.choice([1, 1, 2]))
    return Statement(
        date=START + timedelta(days=day),
        summary=f"Statement {n}",
        confidence=rng.choice(["high", "medium", "low"]),
        conditions=conditions,
        sources=[Citation(ref=s) for s in cited],
        salience=rng.randint(1, 10),
        **lists,
    )
