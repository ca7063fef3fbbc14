"""The exact size of the zone and, per issue, how many packages use each option.

Each part is counted by elimination (:class:`~postrack.zones.modular.PartCount`: exact at any
size); the zone's size is the product over parts. An option is in the per-issue zone when at
least one package uses it: its part's marginal times the other parts' counts is positive.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

from postrack.zones.decompose import Part
from postrack.zones.model import ZoneModel
from postrack.zones.modular import PartCount
from postrack.zones.spaces import count_space, live_domains


@dataclass(frozen=True)
class ZoneCount:
    total: int
    per_part: tuple[int, ...]
    per_option: tuple[tuple[int, ...], ...]
    """``per_option[issue][option]``: packages of the zone that use the option (0 = never)."""

    @property
    def empty(self) -> bool:
        return self.total == 0


def part_count(model: ZoneModel, part: Part, relaxed: frozenset[int] = frozenset()) -> int:
    """Packages of one part's issues, with the ``relaxed`` constraints removed."""
    domains = live_domains(model, relaxed)
    return PartCount(part, count_space(model, domains, relaxed)).total


def count_zone(model: ZoneModel, parts: tuple[Part, ...]) -> ZoneCount:
    domains = live_domains(model)
    space = count_space(model, domains)
    runs = [PartCount(part, space) for part in parts]
    counts = tuple(run.total for run in runs)
    total = prod(counts)
    per_option: list[tuple[int, ...]] = [(0,) * len(issue.options) for issue in model.issues]
    if total:
        for k, (part, run) in enumerate(zip(parts, runs, strict=True)):
            others = prod(counts[:k]) * prod(counts[k + 1 :])
            for v in part.issues:
                by_option = dict(zip(domains[v], run.marginal(v), strict=True))
                options = range(len(model.issues[v].options))
                per_option[v] = tuple(by_option.get(o, 0) * others for o in options)
    return ZoneCount(total=total, per_part=counts, per_option=tuple(per_option))
