"""Seeded synthetic negotiation models for the zone engine's benchmark and property tests.

Shaped like the real data:

- issues come in *themes* of ``theme_size`` neighbouring issues (security: ceasefire, military
  aid, NATO, guarantees; territory; economy; humanitarian; politics), every issue ordered;
- parties sit at ideal points along each scale: party 0 near the start, party 1 near the end
  (the belligerents), the rest in between with noise (mediators, supporters); utility falls by a
  fixed step per option of distance from the ideal; saliences 1-10, with some issues a party
  does not care about (weight 0), normalised like the real builder's;
- red lines: each option at least two steps from a party's ideal is a red line with probability
  ``red_lines`` (higher densities give empty zones);
- conditions link *related* issues, as ceasefire <-> military aid or NATO <-> security
  guarantees do: ``conditions`` per issue, each by a party that cares about the issue, on an
  option it would concede, requiring one to three alternatives that favour that party; each
  alternative stays inside the issue's theme, except with probability ``cross`` where it goes to
  a neighbouring theme. So the linkage graph is a chain of dense themes: its treewidth is
  bounded by the theme size (plus cross links), whatever the number of issues.
"""

from __future__ import annotations

import random

from postrack.zones.model import IssueSpec, LinkCondition, PartySpec, RedLine, Requirement, ZoneModel
from postrack.zones.utility import normalise


def generate(
    issues: int = 8,
    options: int = 6,
    parties: int = 6,
    conditions: int = 2,
    red_lines: float = 0.12,
    theme_size: int = 4,
    cross: float = 0.15,
    seed: int = 0,
) -> ZoneModel:
    rng = random.Random(seed)
    specs = tuple(IssueSpec(f"issue{i:02d}", tuple(f"o{k}" for k in range(options))) for i in range(issues))
    ideals = [[_ideal(rng, p, parties, options) for _ in range(issues)] for p in range(parties)]
    saliences = [
        [rng.randint(1, 10) if rng.random() > 0.2 else 0 for _ in range(issues)] for _ in range(parties)
    ]
    step = 1000 // max(options - 1, 1)
    party_specs = tuple(
        PartySpec(
            id=f"party{p}",
            weights=normalise(saliences[p]),
            utilities=tuple(
                tuple(max(0, 1000 - step * abs(o - ideals[p][i])) for o in range(options))
                for i in range(issues)
            ),
            no_deal=rng.choice([0, 0, 100, 200]),
        )
        for p in range(parties)
    )
    lines = tuple(
        RedLine(p, i, o, max(saliences[p][i], 1))
        for p in range(parties)
        for i in range(issues)
        for o in range(options)
        if abs(o - ideals[p][i]) >= 2 and rng.random() < red_lines
    )
    conds = []
    for i in range(issues):
        for c in range(conditions):
            carers = [p for p in range(parties) if saliences[p][i]] or list(range(parties))
            p = rng.choice(carers)
            conds.append(
                _condition(rng, p, i, c, issues, options, theme_size, cross, ideals, max(saliences[p][i], 1))
            )
    return ZoneModel(specs, party_specs, lines, tuple(conds))


def _ideal(rng: random.Random, party: int, parties: int, options: int) -> int:
    if party == 0:
        centre = 0.0
    elif party == 1:
        centre = options - 1.0
    else:
        centre = (options - 1) * party / max(parties, 2)
    return min(options - 1, max(0, round(centre + rng.gauss(0, 0.8))))


def _condition(
    rng: random.Random,
    party: int,
    issue: int,
    index: int,
    issues: int,
    options: int,
    theme_size: int,
    cross: float,
    ideals: list[list[int]],
    cost: int,
) -> LinkCondition:
    ideal = ideals[party][issue]
    conceded = sorted(range(options), key=lambda o: (-abs(o - ideal), o))[: rng.randint(1, 2)]
    requires = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        other = _related(rng, issue, issues, theme_size, cross)
        if other is None:
            continue
        near = ideals[party][other]
        favoured = sorted(range(options), key=lambda o: (abs(o - near), o))[: rng.randint(1, 3)]
        requires.append(Requirement(other, frozenset(favoured)))
    return LinkCondition(party, f"c{issue:02d}_{index}", issue, frozenset(conceded), tuple(requires), cost)


def _related(rng: random.Random, issue: int, issues: int, theme_size: int, cross: float) -> int | None:
    theme = issue // theme_size
    if rng.random() < cross:
        theme += rng.choice([-1, 1])
    first = theme * theme_size
    candidates = [i for i in range(first, first + theme_size) if 0 <= i < issues and i != issue]
    return rng.choice(candidates) if candidates else None
